/**
 * UpdateSecretRotationPolicy: turns automatic rotation of an Rds, Redis, RAMCredentials or ECS
 * secret on or off. Enabled, the next rotation is the last rotation (or, if the secret never
 * rotated, its creation) plus the interval; when that moment has already passed it is now, so the
 * engine rotates the secret on the next request that touches it. Disabled, the interval is kept
 * (it no longer shows) and no rotation is scheduled. Generic secrets: 400 UnsupportedOperation;
 * a secret pending deletion: 409 Rejected.ResourceInDeleteWindow.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import type { UpdateSecretRotationPolicyCommand } from '../UpdateSecretRotationPolicy.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretRotationPolicyResponse {
  readonly SecretName: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: UpdateSecretRotationPolicyCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, UpdateSecretRotationPolicyResponse> =>
  Engine.transactExisting(env, command.secretName, ({ record }) => {
    return pipe(
      TE.fromEither(rotatable(record)),
      TE.map(() =>
        Engine.commit(
          { ...record, rotation: schedule(record, command.rotation, env.now), updatedAt: env.now },
          { SecretName: record.secret.name },
        ),
      ),
    )
  })

/**
 * A secret the rotation calls may act on: not pending deletion (409), not Generic (400).
 *
 * @category handler
 * @since 0.1.0
 */
export const rotatable = (record: SecretRecord.SecretRecord): E.Either<ApiError.ApiError, void> => {
  const refused = SecretRecord.deleteWindowRefusal(record)
  if (refused !== undefined) return E.left(refused)
  return record.secretType === 'Generic' ? E.left(ApiError.unsupportedOperation()) : E.right(undefined)
}

/**
 * The rotation state a policy gives `record` at `now`.
 *
 * @category handler
 * @since 0.1.0
 */
export const schedule = (
  record: SecretRecord.SecretRecord,
  rotation: UpdateSecretRotationPolicyCommand['rotation'],
  now: number,
): SecretRecord.RotationState => {
  const { lastRotationAt, intervalSeconds } = record.rotation
  const kept = {
    ...(intervalSeconds === undefined ? {} : { intervalSeconds }),
    ...(lastRotationAt === undefined ? {} : { lastRotationAt }),
  }
  if (!rotation.enabled) return { ...kept, enabled: false }
  const next = (lastRotationAt ?? record.secret.createdAt) + rotation.intervalSeconds * 1000
  return { ...kept, enabled: true, intervalSeconds: rotation.intervalSeconds, nextRotationAt: Math.max(next, now) }
}
