/**
 * RotateSecret: the wire parameters decoded into a command. Both are required: `SecretName` (a
 * name or an ARN) and `VersionId`, the id of the new version, which makes the request idempotent.
 *
 * @since 0.1.0
 */
import type { VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { VersionIdC } from './CreateSecret.js'
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
export interface RotateSecretRequest {
  readonly SecretName: string
  readonly VersionId: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface RotateSecretCommand {
  readonly _tag: 'RotateSecret'
  /** A name or an ARN. */
  readonly secretName: string
  readonly versionId: VersionId.VersionId
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, RotateSecretCommand> => {
  // A gateway reports a missing required parameter before it looks at any value.
  const missing = Params.firstMissing(params, ['SecretName', 'VersionId'])
  if (missing !== undefined) return E.left(missing)
  return pipe(
    E.Do,
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.bind('versionId', () => Params.required(params, 'VersionId', VersionIdC)),
    E.map((d): RotateSecretCommand => ({ _tag: 'RotateSecret', secretName: d.secretName, versionId: d.versionId })),
  )
}
