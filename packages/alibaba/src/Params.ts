/**
 * The parameters of one RPC request, as the wire carries them: a record of strings. This module
 * turns an `unknown` into such a record without ever throwing, and reads one parameter at a time
 * through an io-ts codec, mapping the outcome to Alibaba's errors: absent or empty is
 * `MissingParameter` (when required), a codec failure is `InvalidParameter` with a reason built from
 * the codec's path and names, never from the value.
 *
 * The decoders of the operations read their parameters one after the other with early returns
 * rather than `E.Do` and `E.bind`: io-ts itself is cheap, but each `bind` copies the record built so
 * far and goes through fp-ts's `dual`, and in a CPU profile of CreateSecret and PutSecretValue
 * decoding that was two thirds of the time (io-ts: 1%).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { DomainError, Text } from '@secrets-engine/core'
import * as ApiError from './ApiError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Request parameters by wire name. The record has no prototype, so that names such as `__proto__`
 * or `toString` are ordinary (absent or present) parameters.
 *
 * @category model
 * @since 0.1.0
 */
export type Params = Readonly<Record<string, string>>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Accepts a plain object (or one without prototype) whose own enumerable values are all strings,
 * or undefined for an absent parameter; anything else is `InvalidParameter`. Exceptions (a throwing
 * getter or proxy) become errors here, at the edge.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromUnknown = (u: unknown): E.Either<ApiError.ApiError, Params> => {
  try {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) {
      return E.left(ApiError.invalidParameters('They must be a record of strings.'))
    }
    const proto: unknown = Object.getPrototypeOf(u)
    if (proto !== Object.prototype && proto !== null) {
      return E.left(ApiError.invalidParameters('They must be a record of strings.'))
    }
    const params: Record<string, string> = Object.create(null) as Record<string, string>
    // for-in rather than Object.entries, which builds a pair per parameter: with Object.prototype or
    // no prototype (checked above) it visits the same names, the own enumerable string keys.
    for (const name in u) {
      const value: unknown = (u as Record<string, unknown>)[name]
      // A field left undefined (`{ VersionId: opts.versionId }`) is an absent parameter, as the SDKs,
      // which leave such fields out of the request, make it.
      if (value === undefined) continue
      if (typeof value !== 'string') return E.left(ApiError.invalidParameter(name, 'It must be a string.'))
      // Plain assignment is safe for every name, `__proto__` included: the record has no prototype,
      // so no inherited `__proto__` setter intercepts it, and it costs less than defineProperty.
      params[name] = value
    }
    return E.right(params)
  } catch {
    return E.left(ApiError.invalidParameters('They must be a record of strings.'))
  }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The value of a parameter; an empty value counts as absent, as the SDKs send empty optional
 * parameters that way. This and the two below take the parameters first rather than last: every
 * decoder applies them at once, and a curried form built a closure per parameter per request
 * (0.5 KB of a GetSecretValue's decoding, 1.2 KB of a CreateSecret's).
 *
 * @category destructors
 * @since 0.1.0
 */
export const lookup = (params: Params, name: string): string | undefined => valueOf(params, name)

/**
 * A required parameter: absent or empty is `MissingParameter`, a codec failure `InvalidParameter`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const required = <A>(
  params: Params,
  name: string,
  codec: t.Decoder<string, A>,
): E.Either<ApiError.ApiError, A> => {
  const value = valueOf(params, name)
  return value === undefined ? E.left(ApiError.missingParameter(name)) : decodeParameter(name, codec, value)
}

/**
 * An optional parameter: absent or empty is `undefined`, a codec failure `InvalidParameter`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const optional = <A>(
  params: Params,
  name: string,
  codec: t.Decoder<string, A>,
): E.Either<ApiError.ApiError, A | undefined> => {
  const value = valueOf(params, name)
  return value === undefined ? E.right(undefined) : decodeParameter(name, codec, value)
}

/**
 * `MissingParameter` for the first of `names` that is absent or empty, if any: a gateway reports a
 * missing required parameter before it looks at any value.
 *
 * @category destructors
 * @since 0.1.0
 */
export const firstMissing = (params: Params, names: ReadonlyArray<string>): ApiError.ApiError | undefined => {
  for (const name of names) if (valueOf(params, name) === undefined) return ApiError.missingParameter(name)
  return undefined
}

/**
 * Decodes one present value; a failure is `InvalidParameter` on `name`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const decodeParameter = <I, A>(
  name: string,
  codec: t.Decoder<I, A>,
  value: I,
): E.Either<ApiError.ApiError, A> => {
  const decoded = codec.decode(value)
  return E.isRight(decoded) ? decoded : E.left(ApiError.invalidParameter(name, reasonOf(decoded.left)))
}

/**
 * One sentence on the first failure: the codec's own message if it has one, otherwise where in the
 * value it failed and what was expected there. Built from the codec path and type names only, so it
 * never quotes the value (which may be a secret) nor any key the caller chose.
 *
 * @category destructors
 * @since 0.1.0
 */
export const reasonOf = (errors: t.Errors): string => {
  const first = errors[0]
  if (first === undefined) return 'It is not valid.'
  if (first.message !== undefined) return first.message
  let path = ''
  first.context.forEach((entry, i) => {
    const parent = first.context[i - 1]?.type as { readonly _tag?: string } | undefined
    if (i === 0 || parent?._tag === 'IntersectionType' || parent?._tag === 'UnionType') return
    // Codec keys are never numeric, so a numeric key is an array index.
    path += /^[0-9]+$/.test(entry.key) ? `[${entry.key}]` : `.${entry.key}`
  })
  const expected = first.context[first.context.length - 1]?.type.name ?? 'valid'
  return path === '' ? `It must be ${expected}.` : `"${path.replace(/^\./, '')}" must be ${expected}.`
}

/**
 * `{ [key]: value }` when the value is present, `{}` otherwise: spreads an optional field into a
 * command without writing `undefined` (the types use `exactOptionalPropertyTypes`).
 *
 * @category destructors
 * @since 0.1.0
 */
export const present = <K extends string>(key: K, value: string | undefined): { readonly [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { readonly [P in K]?: string }

/**
 * A codec for a short identifier checked by one of the core's branded constructors (version ids,
 * stage labels) under the dialect's `rule`: one rule, one implementation.
 *
 * @category codecs
 * @since 0.1.0
 */
export const brandedC = <B extends string>(
  name: string,
  rule: Text.TextRule,
  fromString: (rule: Text.TextRule) => (s: string) => E.Either<DomainError.DomainError, B>,
): t.Type<B, string, string> =>
  new t.Type<B, string, string>(
    name,
    (u): u is B => typeof u === 'string' && E.isRight(fromString(rule)(u)),
    (s, c) => {
      const branded = fromString(rule)(s)
      return E.isRight(branded)
        ? t.success(branded.right)
        : t.failure(s, c, `It must be 1 to ${rule.maxLength} characters long.`)
    },
    t.identity,
  )

/**
 * A decimal integer (digits only: no sign, fraction or exponent) from `min` to `max`, for the
 * wire's integer parameters (page numbers and sizes, lengths). At most 10 digits are read: the
 * wire type is int32, so a longer number is out of range anyway.
 *
 * @category codecs
 * @since 0.1.0
 */
export const integerC = (min: number, max: number): t.Type<number, string, string> =>
  new t.Type<number, string, string>(
    `an integer from ${min} to ${max}`,
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max,
    (s, c) => {
      const n = /^[0-9]{1,10}$/.test(s) ? Number(s) : Number.NaN
      return n >= min && n <= max ? t.success(n) : t.failure(s, c, `It must be an integer from ${min} to ${max}.`)
    },
    String,
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** `lookup` uncurried, for the decoders' own use: every request reads its parameters through it. */
const valueOf = (params: Params, name: string): string | undefined => {
  const value = params[name]
  return value === undefined || value === '' ? undefined : value
}
