/**
 * SetSecretPolicy: replaces a secret's policy (its one policy, `default`). A secret pending
 * deletion is 409 Rejected.ResourceInDeleteWindow, like every other write but DeleteSecret and
 * RestoreSecret: a secret on its way out takes no new grants. The policy is metadata, so
 * `UpdateTime` moves to the request's time.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import type * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import type { SetSecretPolicyCommand } from '../SetSecretPolicy.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Only `RequestId`, which the engine adds.
 *
 * @category model
 * @since 0.1.0
 */
export type SetSecretPolicyResponse = Record<string, never>

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: SetSecretPolicyCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, SetSecretPolicyResponse> =>
  Engine.transactExisting(env, command.secretName, ({ record }) => {
    const refused = SecretRecord.deleteWindowRefusal(record)
    if (refused !== undefined) return TE.left(refused)
    const body: SetSecretPolicyResponse = {}
    return TE.right(Engine.commit({ ...record, policy: command.policy.raw, updatedAt: env.now }, body))
  })
