/**
 * GetSecretPolicy: the wire parameters decoded into a command. `PolicyName` may be omitted or
 * `default`; any other name decodes, because the documentation says reading it answers "Not
 * Found", which the handler gives once it knows the secret exists.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import * as Params from './Params.js'
import { namesDefaultPolicy } from './SetSecretPolicy.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method.
 *
 * @category model
 * @since 0.1.0
 */
export interface GetSecretPolicyRequest {
  readonly SecretName: string
  readonly PolicyName?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface GetSecretPolicyCommand {
  readonly _tag: 'GetSecretPolicy'
  /** A name or an ARN. */
  readonly secretName: string
  /** Whether `PolicyName` names the one policy there is (`default`, or absent). */
  readonly defaultPolicy: boolean
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, GetSecretPolicyCommand> =>
  pipe(
    Params.required(params, 'SecretName', t.string),
    E.map((secretName): GetSecretPolicyCommand => ({
      _tag: 'GetSecretPolicy',
      secretName,
      defaultPolicy: namesDefaultPolicy(params),
    })),
  )
