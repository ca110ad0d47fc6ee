/**
 * RotateSecret on the suite's Generic secrets: 400 `UnsupportedOperation` (Generic secrets rotate
 * only by PutSecretValue), after 404 and the deletion window's 409.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { existing, isSecret, params, request, unsupported, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const rotateSecret = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({ reference: Pools.reference(region, accountId), versionId: Pools.versionId })
    .map(({ reference, versionId }) =>
      request('RotateSecret', params({ SecretName: reference, VersionId: versionId }), (m) => {
        const secret = existing(m, reference, 'refused')
        return { expected: isSecret(secret) ? unsupported : secret }
      }),
    )
