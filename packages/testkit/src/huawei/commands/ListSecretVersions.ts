/**
 * ListSecretVersions (`GET /secrets/{name}/versions?limit=&marker=`): version metadata, oldest
 * first, after the marker (a version id, or `latest` for the last one created), in every state.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import {
  existing,
  invalid,
  isSecret,
  ok,
  page,
  pathOf,
  request,
  validName,
  versionMetadata,
  type HuaweiCommand,
} from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const listSecretVersions: fc.Arbitrary<HuaweiCommand> = fc
  .record({
    name: Pools.reference,
    limit: Pools.limit,
    marker: Pools.optional(
      fc.oneof(
        fc.constant('latest'),
        fc.integer({ min: 0, max: 25 }).map((n) => `v${n}`),
      ),
    ),
  })
  .map(({ name, limit, marker }) =>
    request('listSecretVersions', (m) => {
      const sent = { method: 'GET', path: pathOf(m, ['secrets', name, 'versions'], { limit, marker }) }
      // The name, then the query, then the secret.
      if (!validName(name) || limit === '0') return { sent, expected: invalid }
      const secret = existing(m, name, 'works')
      if (!isSecret(secret)) return { sent, expected: secret }
      const after = marker === undefined ? 0 : marker === 'latest' ? secret.lastVersion : Number(marker.slice(1))
      const { items, page_info } = page(
        secret.versions,
        (v) => v.id,
        (v) => v.number > after,
        limit === undefined ? 50 : Number(limit),
      )
      return {
        sent,
        expected: ok({ version_metadatas: items.map((v) => versionMetadata(secret, v)), page_info }),
      }
    }),
  )
