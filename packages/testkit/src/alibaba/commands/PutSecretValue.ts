/**
 * PutSecretValue: a new version gets the listed labels (ACSCurrent by default, which hands
 * ACSPrevious to the old current version), the oldest unlabeled versions beyond ten are pruned, a
 * ninth label is 400 `Rejected.LimitExceeded`; an existing version id with the same value is a
 * no-op and with another value 409 `Rejected.ResourceExist`.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success } from '../Expectation.js'
import {
  CURRENT,
  exceedsLabels,
  existing,
  isSecret,
  limitExceeded,
  moveStage,
  params,
  prune,
  request,
  type AlibabaCommand,
  type ModelVersion,
  versionAt,
} from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const putSecretValue = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      version: fc.oneof(
        { weight: 4, arbitrary: Pools.versionId.map((id) => ({ id })) },
        { weight: 1, arbitrary: Pools.versionIndex.map((index) => ({ index })) },
      ),
      data: Pools.data,
      dataType: Pools.dataType,
      stages: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.uniqueArray(Pools.stage, { minLength: 1, maxLength: 3 }) },
      ),
    })
    .map(({ reference, version, data, dataType, stages }) =>
      request(
        'PutSecretValue',
        (m) =>
          params({
            SecretName: reference,
            VersionId: 'id' in version ? version.id : versionAt(m, reference, version.index, 'v-missing'),
            SecretData: data,
            SecretDataType: dataType,
            VersionStages: stages === undefined ? undefined : JSON.stringify(stages),
          }),
        (m, p) => {
          const versionId = p['VersionId'] ?? ''
          const secret = existing(m, reference, 'refused')
          if (!isSecret(secret)) return { expected: secret }
          const same = secret.versions.find((v) => v.id === versionId)
          if (same !== undefined) {
            return same.data === data && same.dataType === (dataType ?? 'text')
              ? {
                  expected: success({
                    SecretName: secret.name,
                    VersionId: versionId,
                    VersionStages: { VersionStage: same.stages },
                  }),
                }
              : { expected: failure('Rejected.ResourceExist', 409) }
          }
          const listed = stages ?? [CURRENT]
          if (exceedsLabels(secret, listed)) return { expected: limitExceeded }
          return {
            expected: success({
              SecretName: secret.name,
              VersionId: versionId,
              VersionStages: { VersionStage: listed },
            }),
            change: () => {
              const version: ModelVersion = {
                id: versionId,
                data,
                dataType: dataType ?? 'text',
                createdAt: m.now,
                stages: [],
              }
              secret.versions.push(version)
              // The current label first: it hands ACSPrevious on, which a listed ACSPrevious then takes.
              const ordered = [...listed].sort((a, b) => (a === CURRENT ? -1 : b === CURRENT ? 1 : 0))
              for (const stage of ordered) moveStage(secret, stage, version)
              prune(secret)
            },
          }
        },
      ),
    )
