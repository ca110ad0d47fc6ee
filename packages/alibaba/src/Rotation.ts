/**
 * Automatic rotation of Rds, Redis, RAMCredentials and ECS secrets, brought up to the request's
 * time: for every interval that has passed since `NextRotationDate`, the schedule moves on by one
 * interval.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import type * as ApiError from './ApiError.js'
import type * as Engine from './Engine.js'
import type { SecretRecord } from './SecretRecord.js'

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * @category instances
 * @since 0.1.0
 */
export const rotate = (env: Engine.Env, record: SecretRecord): TE.TaskEither<ApiError.ApiError, SecretRecord> => {
  const { intervalSeconds, nextRotationAt } = record.rotation
  if (intervalSeconds === undefined || nextRotationAt === undefined) return TE.right(record)
  const interval = intervalSeconds * 1000
  const missed = Math.floor((env.now - nextRotationAt) / interval) + 1
  return TE.right({
    ...record,
    rotation: { ...record.rotation, nextRotationAt: nextRotationAt + missed * interval, lastRotationAt: env.now },
  })
}
