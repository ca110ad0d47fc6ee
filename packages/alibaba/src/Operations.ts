/**
 * The table of operations: for each Alibaba action, the handler that runs its decoded command.
 * The decoders are in `Command.ts`; each operation's own module holds its decoder and its handler
 * lives in `handlers/`. Adding an operation adds one line here and one in `Command.ts`.
 *
 * @since 0.1.0
 */
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { ApiError } from './ApiError.js'
import type { Action, Command } from './Command.js'
import type { CreateSecretRequest } from './CreateSecret.js'
import type { Env } from './Engine.js'
import type { DescribeSecretRequest } from './DescribeSecret.js'
import type { ListSecretsRequest } from './ListSecrets.js'
import type { UpdateSecretRequest } from './UpdateSecret.js'
import type { DeleteSecretRequest } from './DeleteSecret.js'
import type { RestoreSecretRequest } from './RestoreSecret.js'
import type { SetSecretPolicyRequest } from './SetSecretPolicy.js'
import type { GetSecretPolicyRequest } from './GetSecretPolicy.js'
import type { GetSecretValueRequest } from './GetSecretValue.js'
import * as CreateSecret from './handlers/CreateSecret.js'
import * as DescribeSecret from './handlers/DescribeSecret.js'
import * as ListSecrets from './handlers/ListSecrets.js'
import * as UpdateSecret from './handlers/UpdateSecret.js'
import * as DeleteSecret from './handlers/DeleteSecret.js'
import * as RestoreSecret from './handlers/RestoreSecret.js'
import * as SetSecretPolicy from './handlers/SetSecretPolicy.js'
import * as GetSecretPolicy from './handlers/GetSecretPolicy.js'
import * as GetSecretValue from './handlers/GetSecretValue.js'
import * as BatchGetSecretValue from './handlers/BatchGetSecretValue.js'
import type { BatchGetSecretValueRequest } from './BatchGetSecretValue.js'
import * as ListSecretVersionIds from './handlers/ListSecretVersionIds.js'
import type { ListSecretVersionIdsRequest } from './ListSecretVersionIds.js'
import * as UpdateSecretVersionStage from './handlers/UpdateSecretVersionStage.js'
import type { UpdateSecretVersionStageRequest } from './UpdateSecretVersionStage.js'
import * as PutSecretValue from './handlers/PutSecretValue.js'
import type { PutSecretValueRequest } from './PutSecretValue.js'
import type { GetRandomPasswordRequest } from './GetRandomPassword.js'
import * as GetRandomPassword from './handlers/GetRandomPassword.js'
import type { UpdateSecretRotationPolicyRequest } from './UpdateSecretRotationPolicy.js'
import * as UpdateSecretRotationPolicy from './handlers/UpdateSecretRotationPolicy.js'
import type { RotateSecretRequest } from './RotateSecret.js'
import * as RotateSecret from './handlers/RotateSecret.js'
import type { TagResourceRequest } from './TagResource.js'
import * as TagResource from './handlers/TagResource.js'
import type { UntagResourceRequest } from './UntagResource.js'
import * as UntagResource from './handlers/UntagResource.js'
import type { TagResourcesRequest } from './TagResources.js'
import * as TagResources from './handlers/TagResources.js'
import type { UntagResourcesRequest } from './UntagResources.js'
import * as UntagResources from './handlers/UntagResources.js'
import type { ListTagResourcesRequest } from './ListTagResources.js'
import * as ListTagResources from './handlers/ListTagResources.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The command of one action.
 *
 * @category model
 * @since 0.1.0
 */
export type CommandOf<A extends Action> = Extract<Command, { readonly _tag: A }>

/**
 * The wire parameters of each action, for the typed methods.
 *
 * @category model
 * @since 0.1.0
 */
export interface Requests {
  readonly CreateSecret: CreateSecretRequest
  readonly GetSecretValue: GetSecretValueRequest
  // versions and labels
  readonly BatchGetSecretValue: BatchGetSecretValueRequest
  readonly ListSecretVersionIds: ListSecretVersionIdsRequest
  readonly UpdateSecretVersionStage: UpdateSecretVersionStageRequest
  readonly PutSecretValue: PutSecretValueRequest
  // metadata and lifecycle
  readonly DescribeSecret: DescribeSecretRequest
  readonly ListSecrets: ListSecretsRequest
  readonly UpdateSecret: UpdateSecretRequest
  readonly DeleteSecret: DeleteSecretRequest
  readonly RestoreSecret: RestoreSecretRequest
  readonly SetSecretPolicy: SetSecretPolicyRequest
  readonly GetSecretPolicy: GetSecretPolicyRequest
  // tags, rotation and passwords
  readonly ListTagResources: ListTagResourcesRequest
  readonly UntagResources: UntagResourcesRequest
  readonly TagResources: TagResourcesRequest
  readonly UntagResource: UntagResourceRequest
  readonly TagResource: TagResourceRequest
  readonly RotateSecret: RotateSecretRequest
  readonly UpdateSecretRotationPolicy: UpdateSecretRotationPolicyRequest
  readonly GetRandomPassword: GetRandomPasswordRequest
}

type Handlers = { readonly [A in Action]: (command: CommandOf<A>, env: Env) => TE.TaskEither<ApiError, unknown> }

/**
 * The response body of one action, without `RequestId` (the engine adds it).
 *
 * @category model
 * @since 0.1.0
 */
export type ResponseOf<A extends Action> =
  ReturnType<(typeof handlers)[A]> extends TE.TaskEither<ApiError, infer R> ? R : never

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * @category instances
 * @since 0.1.0
 */
export const handlers = {
  CreateSecret: CreateSecret.handle,
  GetSecretValue: GetSecretValue.handle,
  // versions and labels
  BatchGetSecretValue: BatchGetSecretValue.handle,
  ListSecretVersionIds: ListSecretVersionIds.handle,
  UpdateSecretVersionStage: UpdateSecretVersionStage.handle,
  PutSecretValue: PutSecretValue.handle,
  // metadata and lifecycle
  DescribeSecret: DescribeSecret.handle,
  ListSecrets: ListSecrets.handle,
  UpdateSecret: UpdateSecret.handle,
  DeleteSecret: DeleteSecret.handle,
  RestoreSecret: RestoreSecret.handle,
  SetSecretPolicy: SetSecretPolicy.handle,
  GetSecretPolicy: GetSecretPolicy.handle,
  // tags, rotation and passwords
  ListTagResources: ListTagResources.handle,
  UntagResources: UntagResources.handle,
  TagResources: TagResources.handle,
  UntagResource: UntagResource.handle,
  TagResource: TagResource.handle,
  RotateSecret: RotateSecret.handle,
  UpdateSecretRotationPolicy: UpdateSecretRotationPolicy.handle,
  GetRandomPassword: GetRandomPassword.handle,
} satisfies Handlers

/**
 * Runs one decoded command.
 *
 * @category instances
 * @since 0.1.0
 */
export const run = <A extends Action>(command: CommandOf<A>, env: Env): TE.TaskEither<ApiError, ResponseOf<A>> => {
  // TypeScript cannot relate an indexed handler to the same index's command; the table's
  // `satisfies Handlers` above is what checks that each handler takes its own command.
  const handler = handlers[command._tag] as unknown as (
    command: CommandOf<A>,
    env: Env,
  ) => TE.TaskEither<ApiError, ResponseOf<A>>
  return handler(command, env)
}
