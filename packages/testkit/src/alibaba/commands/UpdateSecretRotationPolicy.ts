/**
 * UpdateSecretRotationPolicy on the suite's Generic secrets: 400 `UnsupportedOperation`, after 404
 * and the deletion window's 409; enabling rotation without `RotationInterval` is 400
 * `MissingParameter` first.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { existing, isSecret, missingParameter, params, request, unsupported, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const updateSecretRotationPolicy = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      enable: fc.constantFrom('true', 'false'),
      interval: Pools.optional(fc.constantFrom('7d', '168h', '30d')),
    })
    .map(({ reference, enable, interval }) =>
      request(
        'UpdateSecretRotationPolicy',
        params({ SecretName: reference, EnableAutomaticRotation: enable, RotationInterval: interval }),
        (m) => {
          if (enable === 'true' && interval === undefined) return { expected: missingParameter }
          const secret = existing(m, reference, 'refused')
          return { expected: isSecret(secret) ? unsupported : secret }
        },
      ),
    )
