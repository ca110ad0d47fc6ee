/**
 * GetSecretValue: the wire parameters decoded into a command. `SecretName` is a name or an ARN;
 * which version to read is `VersionId`, `VersionStage`, both (they must agree) or neither
 * (ACSCurrent).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { BooleanC } from './CreateSecret.js'
import * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method.
 *
 * @category model
 * @since 0.1.0
 */
export interface GetSecretValueRequest {
  readonly SecretName: string
  readonly VersionId?: string
  readonly VersionStage?: string
  readonly FetchExtendedConfig?: 'true' | 'false'
  readonly DryRun?: 'true' | 'false'
}

/**
 * @category model
 * @since 0.1.0
 */
export interface GetSecretValueCommand {
  readonly _tag: 'GetSecretValue'
  /** A name or an ARN. */
  readonly secretName: string
  readonly versionId?: string
  readonly versionStage?: string
  readonly fetchExtendedConfig: boolean
  readonly dryRun: boolean
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, GetSecretValueCommand> => {
  const secretName = Params.required(params, 'SecretName', t.string)
  if (E.isLeft(secretName)) return secretName
  const fetchExtendedConfig = Params.optional(params, 'FetchExtendedConfig', BooleanC)
  if (E.isLeft(fetchExtendedConfig)) return fetchExtendedConfig
  const dryRun = Params.optional(params, 'DryRun', BooleanC)
  if (E.isLeft(dryRun)) return dryRun
  return E.right({
    _tag: 'GetSecretValue',
    secretName: secretName.right,
    ...Params.present('versionId', Params.lookup(params, 'VersionId')),
    ...Params.present('versionStage', Params.lookup(params, 'VersionStage')),
    fetchExtendedConfig: fetchExtendedConfig.right === 'true',
    dryRun: dryRun.right === 'true',
  })
}
