/**
 * GetSecretPolicy: a secret's policy, as the text it was set with (CreateSecret's `Policy`, the
 * last SetSecretPolicy, or the default policy that grants the account everything). It works while
 * the secret is pending deletion, like DescribeSecret: reading metadata changes nothing. A
 * `PolicyName` other than `default` names no policy: 404 Forbidden.ResourceNotFound, after the
 * secret itself was found.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import type { GetSecretPolicyCommand } from '../GetSecretPolicy.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface GetSecretPolicyResponse {
  readonly Policy: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: GetSecretPolicyCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, GetSecretPolicyResponse> =>
  pipe(
    Engine.readExisting(env, command.secretName),
    TE.flatMap(({ record }) =>
      command.defaultPolicy ? TE.right({ Policy: record.policy }) : TE.left(ApiError.resourceNotFound()),
    ),
  )
