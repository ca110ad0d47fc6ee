/**
 * UpdateSecret of a Generic secret's `Description`; 409 while pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const updateSecret = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({ reference: Pools.reference(region, accountId), description: Pools.description })
    .map(({ reference, description }) =>
      request('UpdateSecret', params({ SecretName: reference, Description: description }), (m) => {
        const secret = existing(m, reference, 'refused')
        if (!isSecret(secret)) return { expected: secret }
        return {
          expected: success({ SecretName: secret.name }),
          change: () => {
            secret.description = description
          },
        }
      }),
    )
