/**
 * GetSecretValue: ACSCurrent by default, a version by id (labeled or not) or by label; both given
 * and not matching is 400 `InvalidParameter`; an unknown version or label 404; a secret pending
 * deletion 409.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success, wireDate, type Expectation } from '../Expectation.js'
import {
  CURRENT,
  existing,
  holderOf,
  isSecret,
  notFound,
  params,
  request,
  type AlibabaCommand,
  type Model,
  type ModelSecret,
  versionAt,
} from '../Model.js'
import * as Pools from '../Pools.js'

/**
 * What GetSecretValue answers for one reference, without `RequestId`: shared with BatchGetSecretValue.
 *
 * @since 0.1.0
 */
export const readValue = (
  m: Model,
  reference: string,
  versionId: string | undefined,
  versionStage: string | undefined,
): Expectation => {
  const found = existing(m, reference, 'refused')
  if (!isSecret(found)) return found
  const secret: ModelSecret = found
  const version =
    versionId !== undefined
      ? secret.versions.find((v) => v.id === versionId)
      : holderOf(secret, versionStage ?? CURRENT)
  if (version === undefined) return notFound
  if (versionId !== undefined && versionStage !== undefined && !version.stages.includes(versionStage)) {
    return failure('InvalidParameter', 400)
  }
  return {
    ok: true,
    body: {
      SecretName: secret.name,
      VersionId: version.id,
      SecretData: version.data,
      SecretDataType: version.dataType,
      SecretType: 'Generic',
      CreateTime: wireDate(version.createdAt),
      VersionStages: { VersionStage: version.stages },
    },
  }
}

/** @since 0.1.0 */
export const getSecretValue = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      versionIndex: fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: Pools.versionIndex },
      ),
      versionStage: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: Pools.stage }),
    })
    .map(({ reference, versionIndex, versionStage }) =>
      request(
        'GetSecretValue',
        (m) =>
          params({
            SecretName: reference,
            VersionId: versionIndex === undefined ? undefined : versionAt(m, reference, versionIndex, 'v-missing'),
            VersionStage: versionStage,
          }),
        (m, p) => {
          const read = readValue(m, reference, p['VersionId'], versionStage)
          return { expected: read.ok ? success(read.body) : read }
        },
      ),
    )
