/**
 * RestoreSecret: the wire parameters decoded into a command. Only `SecretName` (a name or an ARN).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
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
export interface RestoreSecretRequest {
  readonly SecretName: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface RestoreSecretCommand {
  readonly _tag: 'RestoreSecret'
  /** A name or an ARN. */
  readonly secretName: string
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, RestoreSecretCommand> =>
  pipe(
    Params.required(params, 'SecretName', t.string),
    E.map((secretName): RestoreSecretCommand => ({ _tag: 'RestoreSecret', secretName })),
  )
