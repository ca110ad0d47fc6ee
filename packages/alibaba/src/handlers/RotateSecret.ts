/**
 * RotateSecret: rotates an Rds, Redis, RAMCredentials or ECS secret now. A new version
 * `VersionId` with fresh credentials becomes ACSCurrent and the old current version ACSPrevious
 * (see `Rotation` and `Credentials`); `LastRotationDate` becomes now, and while automatic rotation
 * is enabled the next one is one interval after now (the schedule counts from the last rotation,
 * as UpdateSecretRotationPolicy's does). A `VersionId` the secret already has: the request is
 * ignored and succeeds (the documented idempotency). Generic secrets: 400 UnsupportedOperation;
 * a secret pending deletion: 409 Rejected.ResourceInDeleteWindow.
 *
 * @since 0.1.0
 */
import { Secret } from '@secrets-engine/core'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import type { RotateSecretCommand } from '../RotateSecret.js'
import * as Rotation from '../Rotation.js'
import * as Wire from '../Wire.js'
import { rotatable } from './UpdateSecretRotationPolicy.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface RotateSecretResponse {
  readonly SecretName: string
  readonly VersionId: string
  readonly Arn: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: RotateSecretCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, RotateSecretResponse> =>
  Engine.transactExisting(env, command.secretName, ({ record }) => {
    const body: RotateSecretResponse = {
      SecretName: record.secret.name,
      VersionId: command.versionId,
      Arn: Wire.arn(env.config.region, env.config.accountId, record.secret.name),
    }
    return pipe(
      TE.fromEither(rotatable(record)),
      TE.flatMap(() =>
        O.isSome(Secret.findVersion(command.versionId)(record.secret))
          ? TE.right(Engine.keep(body))
          : pipe(
              Rotation.addRotatedVersion(env, record, command.versionId),
              TE.map((rotated) => {
                const { enabled, intervalSeconds } = rotated.rotation
                return Engine.commit(
                  enabled && intervalSeconds !== undefined
                    ? {
                        ...rotated,
                        rotation: { ...rotated.rotation, nextRotationAt: env.now + intervalSeconds * 1000 },
                      }
                    : rotated,
                  body,
                )
              }),
            ),
      ),
    )
  })
