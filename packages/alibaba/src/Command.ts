/**
 * The entry point of the API layer: one table maps each known `Action` to the decoder of its
 * parameters, so `validateRequest` stays the same as operations are added (GetSecretValue,
 * PutSecretValue, ...: one line each here, plus their own module). Decoding is pure and total: any
 * input gives a `Command` or an `ApiError`, never an exception.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as ApiError from './ApiError.js'
import * as CreateSecret from './CreateSecret.js'
import * as GetSecretValue from './GetSecretValue.js'
import * as PutSecretValue from './PutSecretValue.js'
import * as UpdateSecretVersionStage from './UpdateSecretVersionStage.js'
import * as DescribeSecret from './DescribeSecret.js'
import * as ListSecrets from './ListSecrets.js'
import * as UpdateSecret from './UpdateSecret.js'
import * as DeleteSecret from './DeleteSecret.js'
import * as RestoreSecret from './RestoreSecret.js'
import * as SetSecretPolicy from './SetSecretPolicy.js'
import * as GetSecretPolicy from './GetSecretPolicy.js'
import * as ListSecretVersionIds from './ListSecretVersionIds.js'
import * as BatchGetSecretValue from './BatchGetSecretValue.js'
import * as Params from './Params.js'
import * as GetRandomPassword from './GetRandomPassword.js'
import * as UpdateSecretRotationPolicy from './UpdateSecretRotationPolicy.js'
import * as RotateSecret from './RotateSecret.js'
import * as TagResource from './TagResource.js'
import * as UntagResource from './UntagResource.js'
import * as TagResources from './TagResources.js'
import * as UntagResources from './UntagResources.js'
import * as ListTagResources from './ListTagResources.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A decoded request of any known action, tagged by the action's name.
 *
 * @category model
 * @since 0.1.0
 */
export type Command =
  | CreateSecret.CreateSecretCommand
  | GetSecretValue.GetSecretValueCommand
  // versions and labels
  | BatchGetSecretValue.BatchGetSecretValueCommand
  | ListSecretVersionIds.ListSecretVersionIdsCommand
  | UpdateSecretVersionStage.UpdateSecretVersionStageCommand
  | PutSecretValue.PutSecretValueCommand
  // metadata and lifecycle
  | DescribeSecret.DescribeSecretCommand
  | ListSecrets.ListSecretsCommand
  | UpdateSecret.UpdateSecretCommand
  | DeleteSecret.DeleteSecretCommand
  | RestoreSecret.RestoreSecretCommand
  | SetSecretPolicy.SetSecretPolicyCommand
  | GetSecretPolicy.GetSecretPolicyCommand
  // tags, rotation and passwords
  | ListTagResources.ListTagResourcesCommand
  | UntagResources.UntagResourcesCommand
  | TagResources.TagResourcesCommand
  | UntagResource.UntagResourceCommand
  | TagResource.TagResourceCommand
  | RotateSecret.RotateSecretCommand
  | UpdateSecretRotationPolicy.UpdateSecretRotationPolicyCommand
  | GetRandomPassword.GetRandomPasswordCommand

/**
 * @category model
 * @since 0.1.0
 */
export type Action = Command['_tag']

/**
 * @category model
 * @since 0.1.0
 */
export type Decoder = (params: Params.Params) => E.Either<ApiError.ApiError, Command>

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * The known actions and their decoders.
 *
 * @category instances
 * @since 0.1.0
 */
export const actions: { readonly [A in Action]: Decoder } = {
  CreateSecret: CreateSecret.decode,
  GetSecretValue: GetSecretValue.decode,
  // versions and labels
  BatchGetSecretValue: BatchGetSecretValue.decode,
  ListSecretVersionIds: ListSecretVersionIds.decode,
  UpdateSecretVersionStage: UpdateSecretVersionStage.decode,
  PutSecretValue: PutSecretValue.decode,
  // metadata and lifecycle
  DescribeSecret: DescribeSecret.decode,
  ListSecrets: ListSecrets.decode,
  UpdateSecret: UpdateSecret.decode,
  DeleteSecret: DeleteSecret.decode,
  RestoreSecret: RestoreSecret.decode,
  SetSecretPolicy: SetSecretPolicy.decode,
  GetSecretPolicy: GetSecretPolicy.decode,
  // tags, rotation and passwords
  ListTagResources: ListTagResources.decode,
  UntagResources: UntagResources.decode,
  TagResources: TagResources.decode,
  UntagResource: UntagResource.decode,
  TagResource: TagResource.decode,
  RotateSecret: RotateSecret.decode,
  UpdateSecretRotationPolicy: UpdateSecretRotationPolicy.decode,
  GetRandomPassword: GetRandomPassword.decode,
}

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * An own key of the table only: `toString` or `__proto__` are not actions.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isAction = (action: unknown): action is Action =>
  typeof action === 'string' && Object.prototype.hasOwnProperty.call(actions, action)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decodes the wire parameters of one request. An unknown action is what Alibaba's gateway answers
 * (404 `InvalidAction.NotFound`); it is checked before the parameters, as the gateway routes first.
 *
 * @category decoding
 * @since 0.1.0
 */
export function validateRequest<A extends Action>(
  action: A,
  params: unknown,
): E.Either<ApiError.ApiError, Extract<Command, { readonly _tag: A }>>
export function validateRequest(action: string, params: unknown): E.Either<ApiError.ApiError, Command>
export function validateRequest(action: string, params: unknown): E.Either<ApiError.ApiError, Command> {
  if (!isAction(action)) return E.left(ApiError.invalidActionNotFound())
  // Not E.chain: every request comes through here, and fp-ts's dual() was 3% of a GetSecretValue.
  const record = Params.fromUnknown(params)
  return E.isLeft(record) ? record : actions[action](record.right)
}
