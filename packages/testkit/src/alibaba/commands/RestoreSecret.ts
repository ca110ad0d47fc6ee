/**
 * RestoreSecret: ends a deletion window; a secret that is not pending deletion is 409
 * `Rejected.ResourceInUse`.
 *
 * @since 0.1.0
 */
import type fc from 'fast-check'
import { failure, success } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const restoreSecret = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  Pools.reference(region, accountId).map((reference) =>
    request('RestoreSecret', params({ SecretName: reference }), (m) => {
      const secret = existing(m, reference, 'works')
      if (!isSecret(secret)) return { expected: secret }
      if (secret.plannedDeleteAt === undefined) return { expected: failure('Rejected.ResourceInUse', 409) }
      return {
        expected: success({ SecretName: secret.name }),
        change: () => {
          delete secret.plannedDeleteAt
        },
      }
    }),
  )
