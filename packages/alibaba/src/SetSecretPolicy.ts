/**
 * SetSecretPolicy: the wire parameters decoded into a command. A secret has one policy, named
 * `default`; `PolicyName` may be omitted and may only be `default` (400 InvalidParameter
 * otherwise). The policy document follows the same rules as CreateSecret's `Policy` (the same
 * codec).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as ApiError from './ApiError.js'
import { PolicyC } from './CreateSecret.js'
import type * as Json from './Json.js'
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
export interface SetSecretPolicyRequest {
  readonly SecretName: string
  readonly PolicyName?: string
  readonly Policy: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface SetSecretPolicyCommand {
  readonly _tag: 'SetSecretPolicy'
  /** A name or an ARN. */
  readonly secretName: string
  readonly policy: Json.JsonParameter
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The name of the one policy a secret has.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultPolicyName = 'default'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Whether a request's `PolicyName` names the one policy there is (`default`, or absent).
 *
 * @category destructors
 * @since 0.1.0
 */
export const namesDefaultPolicy = (params: Params.Params): boolean => {
  const name = Params.lookup(params, 'PolicyName')
  return name === undefined || name === defaultPolicyName
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, SetSecretPolicyCommand> => {
  // Missing required parameters first, as a gateway reports them before it looks at any value.
  const missing = Params.firstMissing(params, ['SecretName', 'Policy'])
  if (missing !== undefined) return E.left(missing)
  return pipe(
    E.Do,
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.tap(() =>
      namesDefaultPolicy(params)
        ? E.right(undefined)
        : E.left(ApiError.invalidParameter('PolicyName', `It must be ${defaultPolicyName}.`)),
    ),
    E.bind('policy', () => Params.required(params, 'Policy', PolicyC)),
    E.map((d): SetSecretPolicyCommand => ({ _tag: 'SetSecretPolicy', secretName: d.secretName, policy: d.policy })),
  )
}
