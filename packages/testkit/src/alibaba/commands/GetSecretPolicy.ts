/**
 * GetSecretPolicy: the policy last set, or the default policy (which grants the account); works
 * while pending deletion.
 *
 * @since 0.1.0
 */
import type fc from 'fast-check'
import { success } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** The default policy of a new secret (docs/fidelity.md: the seed's example). */
export const defaultPolicy = (accountId: string): string =>
  JSON.stringify({
    Version: '1',
    Statement: [
      {
        Sid: 'kms default secret policy',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${accountId}:*`] },
        Action: ['kms:*'],
        Resource: ['*'],
      },
    ],
  })

/** @since 0.1.0 */
export const getSecretPolicy = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  Pools.reference(region, accountId).map((reference) =>
    request('GetSecretPolicy', params({ SecretName: reference }), (m) => {
      const secret = existing(m, reference, 'works')
      if (!isSecret(secret)) return { expected: secret }
      return { expected: success({ Policy: secret.policy ?? defaultPolicy(m.accountId) }) }
    }),
  )
