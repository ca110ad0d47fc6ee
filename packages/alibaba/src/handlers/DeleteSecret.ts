/**
 * DeleteSecret: schedules a secret's deletion at the end of a recovery window, or removes it at
 * once (`ForceDeleteWithoutRecovery=true`), which frees the name. While scheduled, the secret can
 * be described, listed and restored; scheduling it again is 409 Rejected.ResourceInDeleteWindow,
 * but forcing its deletion is allowed (the caller wants it gone sooner, not twice). Nothing runs
 * when the window ends: every read treats a secret whose `PlannedDeleteTime` has passed as gone
 * (see `Engine.ts`). An unknown secret is 404 with Alibaba's own message for this operation.
 * Scheduling leaves `UpdateTime` as it was, as it changes no metadata.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from '../ApiError.js'
import type { DeleteSecretCommand } from '../DeleteSecret.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import * as Wire from '../Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface DeleteSecretResponse {
  readonly SecretName: string
  /** For a forced deletion, the time of the request: the secret is already gone. */
  readonly PlannedDeleteTime: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

const dayMillis = 86_400_000

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: DeleteSecretCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, DeleteSecretResponse> =>
  Engine.transactExisting(
    env,
    command.secretName,
    ({ name, record }) => {
      const { deletion } = command
      if (deletion.force) {
        return TE.right(Engine.remove({ SecretName: name, PlannedDeleteTime: Wire.date(env.now) }))
      }
      const refused = SecretRecord.deleteWindowRefusal(record)
      if (refused !== undefined) return TE.left(refused)
      const plannedDeleteAt = env.now + deletion.recoveryWindowInDays * dayMillis
      return TE.right(
        Engine.commit(
          { ...record, plannedDeleteAt },
          { SecretName: name, PlannedDeleteTime: Wire.date(plannedDeleteAt) },
        ),
      )
    },
    ApiError.secretNotFoundOnDelete,
  )
