/**
 * The errors of the Alibaba Cloud KMS API as the wire shows them: a code, an HTTP status and a
 * message. Every operation builds its errors here, so that one code always carries the same status
 * and the same wording. The messages follow Alibaba's own strings where the seeds give them, and
 * `docs/api-decisions.md` where they do not. A message never contains a secret value.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ApiError {
  readonly code: string
  readonly httpStatus: number
  readonly message: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const make = (code: string, httpStatus: number, message: string): ApiError => ({ code, httpStatus, message })

/**
 * What the Alibaba gateway answers for an `Action` it does not know.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidActionNotFound = (): ApiError =>
  make('InvalidAction.NotFound', 404, 'Specified api is not found, please check your url and method.')

/**
 * A required parameter that is absent or empty.
 *
 * @category constructors
 * @since 0.1.0
 */
export const missingParameter = (name: string): ApiError =>
  make('MissingParameter', 400, `The parameter "${name}" is needed but not provided.`)

/**
 * A parameter whose value breaks a rule. `reason` says which rule; it must never quote the value,
 * since the value may be a secret.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidParameter = (name: string, reason?: string): ApiError =>
  make(
    'InvalidParameter',
    400,
    `The specified parameter "${name}" is not valid.` + (reason === undefined ? '' : ` ${reason}`),
  )

/**
 * The request parameters as a whole are not a record of strings (only a caller that bypasses the
 * HTTP layer can send that).
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidParameters = (reason: string): ApiError =>
  make('InvalidParameter', 400, `The specified parameters are not valid. ${reason}`)

/**
 * @category constructors
 * @since 0.1.0
 */
export const unsupportedOperation = (): ApiError => make('UnsupportedOperation', 400, 'This action is not supported.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const resourceNotFound = (): ApiError => make('Forbidden.ResourceNotFound', 404, 'The resource is not found.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const resourceExist = (): ApiError => make('Rejected.ResourceExist', 409, 'The resource already exists.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const resourceInDeleteWindow = (): ApiError =>
  make('Rejected.ResourceInDeleteWindow', 409, 'The secret is planned to be deleted.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const limitExceeded = (): ApiError =>
  make('Rejected.LimitExceeded', 400, 'The request was rejected because user create resource limit was exceeded')

/**
 * @category constructors
 * @since 0.1.0
 */
export const dkmsInstanceNotFound = (): ApiError =>
  make('Forbidden.DKMSInstanceNotFound', 403, 'The specified DKMS Instance is not found.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const internalFailure = (): ApiError => make('InternalFailure', 500, 'Internal Failure')

/**
 * The encryption key of a secret does not exist (any more).
 *
 * @category constructors
 * @since 0.1.0
 */
export const keyNotFound = (): ApiError => make('Forbidden.KeyNotFound', 404, 'The specified Key is not found.')

/**
 * The encryption key exists but its state forbids its use, in Alibaba's words and codes
 * (`Rejected.Disabled`, `Rejected.PendingDeletion`, ...).
 *
 * @category constructors
 * @since 0.1.0
 */
export const keyStateInvalid = (state: 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'Unavailable'): ApiError =>
  make(`Rejected.${state}`, 409, `The request was rejected because the key state is ${state}.`)

/**
 * The answer to a request with `DryRun=true` that would have succeeded.
 *
 * @category constructors
 * @since 0.1.0
 */
export const dryRunOperation = (): ApiError =>
  make('DryRunOperationError', 400, 'The request would have succeeded, but the DryRun parameter was set.')

/**
 * A request whose parameters contradict the secret's state (UpdateSecretVersionStage: the
 * `RemoveFromVersion` version does not carry the label). Alibaba's own message.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidRequest = (): ApiError => make('Rejected.InvalidRequest', 400, 'param mismatch')

/**
 * DeleteSecret's answer for a secret that does not exist: Alibaba's own words for this operation,
 * which callers match on (api-decisions.md fixes them).
 *
 * @category constructors
 * @since 0.1.0
 */
export const secretNotFoundOnDelete = (): ApiError => make('Forbidden.ResourceNotFound', 404, 'Resource not found')

/**
 * RestoreSecret on a secret that is not pending deletion, in Alibaba's words.
 *
 * @category constructors
 * @since 0.1.0
 */
export const resourceInUse = (): ApiError => make('Rejected.ResourceInUse', 409, 'restore normal secret')

/**
 * TagResources, UntagResources and ListTagResources: a tag key that breaks the rules (1 to 128
 * characters of the tag set, not starting with `aliyun` or `acs:`). Alibaba's message, which names
 * no parameter.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidTagKey = (): ApiError =>
  make('InvalidParameter.TagKey', 400, 'The specified parameter is not valid.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const invalidTagValue = (): ApiError =>
  make('InvalidParameter.TagValue', 400, 'The specified parameter is not valid.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const duplicateTagKey = (): ApiError => make('Duplicate.TagKey', 400, 'The specified tagKey is duplicate.')

/**
 * A `ResourceId.N` of the batch tag operations that names no secret.
 *
 * @category constructors
 * @since 0.1.0
 */
export const resourceIdNotFound = (): ApiError =>
  make('InvalidResourceId.NotFound', 404, 'The specified ResourceId is not found.')
