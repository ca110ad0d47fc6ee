/**
 * SetSecretPolicy: replaces the policy; 409 while pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const setSecretPolicy = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc.record({ reference: Pools.reference(region, accountId), policy: Pools.policy }).map(({ reference, policy }) =>
    request('SetSecretPolicy', params({ SecretName: reference, Policy: policy }), (m) => {
      const secret = existing(m, reference, 'refused')
      if (!isSecret(secret)) return { expected: secret }
      return {
        expected: success(),
        change: () => {
          secret.policy = policy
        },
      }
    }),
  )
