/**
 * RestoreSecret: takes a secret out of its deletion window, so it is usable again. Only a secret
 * pending deletion can be restored (409 Rejected.ResourceInUse otherwise); once the window has
 * passed, or after a forced deletion, the secret is gone (404). `UpdateTime` stays as it was:
 * restoring changes no metadata, it cancels the scheduled deletion. It runs in the engine's
 * CreateSecret queue, so that the quota holds around the end of a deletion window.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import type { RestoreSecretCommand } from '../RestoreSecret.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface RestoreSecretResponse {
  readonly SecretName: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle =
  (command: RestoreSecretCommand, env: Engine.Env): TE.TaskEither<ApiError.ApiError, RestoreSecretResponse> =>
  // In the queue CreateSecret counts the quota in (`Env.creating`): a restore keeps a secret that a
  // request a moment later would find past its window, so the two must not interleave, or that
  // request could count the secret gone and take its place while the restore brings it back.
  () =>
    env.creating(
      Engine.transactExisting(env, command.secretName, ({ name, record }) => {
        if (!SecretRecord.isPendingDeletion(record)) return TE.left(ApiError.resourceInUse())
        const { plannedDeleteAt: _, ...restored } = record
        return TE.right(Engine.commit(restored, { SecretName: name }))
      }),
    )
