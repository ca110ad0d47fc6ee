/**
 * ShowSecretVersion (`GET /secrets/{name}/versions/{id}`): the version with its value, by id or
 * `latest` (the SYSCURRENT version). 400 CSMS.0103 while a deletion is pending (before the version
 * is looked up), 404 CSMS.0005 for a version that does not exist.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import {
  CURRENT,
  existing,
  holderOf,
  isSecret,
  notFound,
  ok,
  pathOf,
  request,
  versionAt,
  versionMetadata,
  type HuaweiCommand,
} from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const showSecretVersion: fc.Arbitrary<HuaweiCommand> = fc
  .record({
    name: Pools.reference,
    index: fc.oneof({ weight: 3, arbitrary: Pools.versionIndex }, { weight: 2, arbitrary: fc.constant('latest') }),
  })
  .map(({ name, index }) =>
    request('showSecretVersion', (m) => {
      const id = index === 'latest' ? index : versionAt(m, name, index, 'v99')
      const sent = { method: 'GET', path: pathOf(m, ['secrets', name, 'versions', id]) }
      const secret = existing(m, name, 'refused')
      if (!isSecret(secret)) return { sent, expected: secret }
      const version = id === 'latest' ? holderOf(secret, CURRENT) : secret.versions.find((v) => v.id === id)
      if (version === undefined) return { sent, expected: notFound }
      return {
        sent,
        expected: ok({ version: { version_metadata: versionMetadata(secret, version), secret_string: version.value } }),
      }
    }),
  )
