/**
 * RestoreSecret: takes a secret out of its deletion window, so it is usable again. Only a secret
 * pending deletion can be restored (409 Rejected.ResourceInUse otherwise); once the window has
 * passed, or after a forced deletion, the secret is gone (404). `UpdateTime` stays as it was:
 * restoring changes no metadata, it cancels the scheduled deletion.
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
export const handle = (
  command: RestoreSecretCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, RestoreSecretResponse> =>
  Engine.transactExisting(env, command.secretName, ({ name, record }) => {
    if (!SecretRecord.isPendingDeletion(record)) return TE.left(ApiError.resourceInUse())
    const { plannedDeleteAt: _, ...restored } = record
    return TE.right(Engine.commit(restored, { SecretName: name }))
  })
