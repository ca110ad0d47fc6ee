/**
 * DeleteSecret: a recovery window of 7 to 30 days (30 by default; outside it 400
 * `InvalidParameter`), `PlannedDeleteTime` = now + window; scheduling again while pending is 409;
 * `ForceDeleteWithoutRecovery=true` removes at once (ignoring the window) and frees the name.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success, wireDate } from '../Expectation.js'
import { days } from '../../Clock.js'
import { inDeleteWindow, invalidParameter, notFound, params, request, resolve, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const deleteSecret = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      window: Pools.optional(fc.constantFrom(6, 7, 8, 30, 31)),
      force: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('true', 'false') },
      ),
    })
    .map(({ reference, window, force }) =>
      request(
        'DeleteSecret',
        params({
          SecretName: reference,
          RecoveryWindowInDays: window === undefined ? undefined : String(window),
          ForceDeleteWithoutRecovery: force,
        }),
        (m) => {
          const forced = force === 'true'
          if (!forced && window !== undefined && (window < 7 || window > 30)) return { expected: invalidParameter }
          const secret = resolve(m, reference)
          if (secret === undefined) return { expected: notFound }
          if (forced) {
            return {
              expected: success({ SecretName: secret.name, PlannedDeleteTime: wireDate(m.now) }),
              change: () => {
                m.secrets.delete(secret.name)
              },
            }
          }
          if (secret.plannedDeleteAt !== undefined) return { expected: inDeleteWindow }
          const plannedDeleteAt = m.now + days(window ?? 30)
          return {
            expected: success({ SecretName: secret.name, PlannedDeleteTime: wireDate(plannedDeleteAt) }),
            change: () => {
              secret.plannedDeleteAt = plannedDeleteAt
            },
          }
        },
      ),
    )
