/**
 * UpdateSecretVersionStage: moves a label to `MoveToVersion` (moving ACSCurrent hands ACSPrevious
 * to the old current version) or removes it from `RemoveFromVersion`. Neither version: 400
 * `MissingParameter`; ACSCurrent or ACSPrevious without `MoveToVersion`: 400 `InvalidParameter`; an
 * unknown version: 404; `RemoveFromVersion` without the label: 400 `Rejected.InvalidRequest`; a
 * ninth label: 400 `Rejected.LimitExceeded`; pending deletion: 409.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success } from '../Expectation.js'
import {
  CURRENT,
  exceedsLabels,
  existing,
  invalidParameter,
  isSecret,
  limitExceeded,
  missingParameter,
  moveStage,
  notFound,
  params,
  PREVIOUS,
  request,
  type AlibabaCommand,
  versionAt,
} from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const updateSecretVersionStage = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      stage: Pools.stage,
      fromIndex: Pools.optional(Pools.versionIndex),
      toIndex: fc.oneof({ weight: 3, arbitrary: Pools.versionIndex }, { weight: 1, arbitrary: fc.constant(undefined) }),
    })
    .map(({ reference, stage, fromIndex, toIndex }) =>
      request(
        'UpdateSecretVersionStage',
        (m) =>
          params({
            SecretName: reference,
            VersionStage: stage,
            RemoveFromVersion: fromIndex === undefined ? undefined : versionAt(m, reference, fromIndex, 'v-missing'),
            MoveToVersion: toIndex === undefined ? undefined : versionAt(m, reference, toIndex, 'v-gone'),
          }),
        (m, p) => {
          const from = p['RemoveFromVersion']
          const to = p['MoveToVersion']
          if (from === undefined && to === undefined) return { expected: missingParameter }
          if ((stage === CURRENT || stage === PREVIOUS) && to === undefined) return { expected: invalidParameter }
          const secret = existing(m, reference, 'refused')
          if (!isSecret(secret)) return { expected: secret }
          const source = from === undefined ? undefined : secret.versions.find((v) => v.id === from)
          const target = to === undefined ? undefined : secret.versions.find((v) => v.id === to)
          // RemoveFromVersion is checked whole (it exists, it carries the label) before MoveToVersion.
          if (from !== undefined && source === undefined) return { expected: notFound }
          if (source !== undefined && !source.stages.includes(stage)) {
            return { expected: failure('Rejected.InvalidRequest', 400) }
          }
          if (to !== undefined && target === undefined) return { expected: notFound }
          if (target !== undefined && exceedsLabels(secret, [stage], target)) return { expected: limitExceeded }
          return {
            expected: success({ SecretName: secret.name }),
            change: () => {
              if (target !== undefined) moveStage(secret, stage, target)
              else if (source !== undefined) source.stages = source.stages.filter((s) => s !== stage)
            },
          }
        },
      ),
    )
