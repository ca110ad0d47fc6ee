/**
 * UpdateSecret: the wire parameters decoded into a command. `Description` replaces the
 * description; `ExtendedConfig.CustomData` (a query parameter with a dot in its name, whose value
 * is a JSON object of at most 10 pairs) replaces the `CustomData` inside the secret's
 * ExtendedConfig. Both are optional; what a request with neither means is the handler's to say.
 * An empty `Description` counts as absent, as for every parameter (the SDKs send empty optional
 * parameters that way), so a description can be changed but not cleared.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { CustomData } from './CreateSecret.js'
import * as Json from './Json.js'
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
export interface UpdateSecretRequest {
  readonly SecretName: string
  readonly Description?: string
  /** A JSON object, as text. */
  readonly 'ExtendedConfig.CustomData'?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretCommand {
  readonly _tag: 'UpdateSecret'
  /** A name or an ARN. */
  readonly secretName: string
  readonly description?: string
  readonly customData?: Json.JsonParameter
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const JsonObjectFromString = Json.objectFromString(true)

/**
 * A JSON object under the rule of the `CustomData` that CreateSecret accepts inside
 * `ExtendedConfig` (the same codec: at most 10 pairs); the backslash-escaped form of the
 * documentation is accepted too.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CustomDataC = new t.Type<Json.JsonParameter, string, string>(
  'ExtendedConfig.CustomData',
  JsonObjectFromString.is,
  (s, c) =>
    pipe(
      JsonObjectFromString.validate(s, c),
      E.chain((data) =>
        pipe(
          CustomData.decode(data.value),
          E.map(() => data),
        ),
      ),
    ),
  (data) => data.raw,
)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, UpdateSecretCommand> =>
  pipe(
    E.Do,
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.bind('customData', () => Params.optional(params, 'ExtendedConfig.CustomData', CustomDataC)),
    E.map((d): UpdateSecretCommand => ({
      _tag: 'UpdateSecret',
      secretName: d.secretName,
      ...Params.present('description', Params.lookup(params, 'Description')),
      ...(d.customData === undefined ? {} : { customData: d.customData }),
    })),
  )
