/**
 * DescribeSecret: the wire parameters decoded into a command. `SecretName` is a name or an ARN;
 * `FetchTags=true` adds the secret's tags to the response.
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
export interface DescribeSecretRequest {
  readonly SecretName: string
  readonly FetchTags?: 'true' | 'false'
}

/**
 * @category model
 * @since 0.1.0
 */
export interface DescribeSecretCommand {
  readonly _tag: 'DescribeSecret'
  /** A name or an ARN. */
  readonly secretName: string
  readonly fetchTags: boolean
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, DescribeSecretCommand> => {
  const secretName = Params.required(params, 'SecretName', t.string)
  if (E.isLeft(secretName)) return secretName
  const fetchTags = Params.optional(params, 'FetchTags', BooleanC)
  if (E.isLeft(fetchTags)) return fetchTags
  return E.right({ _tag: 'DescribeSecret', secretName: secretName.right, fetchTags: fetchTags.right === 'true' })
}
