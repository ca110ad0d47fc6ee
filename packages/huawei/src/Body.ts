/**
 * Request decoding: JSON bodies, path parameters and query strings into typed values or the exact
 * `CsmsError`. Each field has an io-ts decoder; a body is a table of fields, decoded in order, and
 * the first field that is absent when required or breaks its rule is answered with 400 CSMS.0002
 * naming that field (never quoting its value). A body that is not a JSON object is 400 CSMS.0004.
 * Unknown fields are ignored and `null` counts as absent, as Huawei's SDKs may send either.
 *
 * @since 0.1.0
 */
import { Redacted, SecretName, StageLabel, Text } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import * as Base64 from './Base64.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import type { SecretType } from './SecretRecord.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One field of a body: its decoder and whether it must be present.
 *
 * @category model
 * @since 0.1.0
 */
export interface Field<A, R extends boolean> {
  readonly codec: t.Decoder<unknown, A>
  readonly required: R
}

type AnyField = Field<unknown, boolean>

/**
 * The decoded body: required fields always present, optional ones only when sent.
 *
 * @category model
 * @since 0.1.0
 */
export type Decoded<P extends Record<string, AnyField>> = {
  readonly [K in keyof P as P[K] extends Field<unknown, true> ? K : never]: P[K] extends Field<infer A, true>
    ? A
    : never
} & {
  readonly [K in keyof P as P[K] extends Field<unknown, true> ? never : K]?: P[K] extends Field<infer A, boolean>
    ? A
    : never
}

/**
 * A secret value as a command holds it. `data` is the text of `secret_string`, or the base64 text of
 * `secret_binary`; it is redacted, so printing or serialising a command shows no secret.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretValue {
  readonly kind: 'string' | 'binary'
  readonly data: Redacted.Redacted<string>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const required = <A>(codec: t.Decoder<unknown, A>): Field<A, true> => ({ codec, required: true })

/**
 * @category constructors
 * @since 0.1.0
 */
export const optional = <A>(codec: t.Decoder<unknown, A>): Field<A, false> => ({ codec, required: false })

/**
 * A decoder that accepts what `base` accepts and `ok` approves.
 *
 * @category constructors
 * @since 0.1.0
 */
export const constrained = <A>(
  base: t.Decoder<unknown, A>,
  name: string,
  ok: (a: A) => boolean,
): t.Decoder<unknown, A> => ({
  name,
  validate: (u, c) => {
    const r = base.validate(u, c)
    return E.isRight(r) && !ok(r.right) ? t.failure(u, c) : r
  },
  decode: (u) => {
    const r = base.decode(u)
    return E.isRight(r) && !ok(r.right) ? t.failure(u, []) : r
  },
})

/**
 * Arrays whose every item `item` accepts.
 *
 * @category constructors
 * @since 0.1.0
 */
export const arrayOf = <A>(item: t.Decoder<unknown, A>): t.Decoder<unknown, ReadonlyArray<A>> => {
  const validate = (u: unknown, c: t.Context): t.Validation<ReadonlyArray<A>> => {
    if (!Array.isArray(u)) return t.failure(u, c)
    const out: Array<A> = []
    for (const x of u as ReadonlyArray<unknown>) {
      const r = item.validate(x, c)
      if (E.isLeft(r)) return r
      out.push(r.right)
    }
    return t.success(out)
  }
  return { name: `Array<${item.name}>`, validate, decode: (u) => validate(u, []) }
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * Strings of at most `max` code points.
 *
 * @category codecs
 * @since 0.1.0
 */
export const text = (max: number, min = 0): t.Decoder<unknown, string> =>
  constrained(t.string, `text(${min},${max})`, (s) => {
    const n = Text.codePointLength(s)
    return n >= min && n <= max
  })

/**
 * Strings of at most `max` UTF-8 bytes ("2,048 bytes").
 *
 * @category codecs
 * @since 0.1.0
 */
export const bytes = (max: number): t.Decoder<unknown, string> =>
  constrained(t.string, `bytes(${max})`, (s) => Text.utf8FitsIn(s, max))

/**
 * Integers in `[min, max]`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const integer = (min: number, max: number): t.Decoder<unknown, number> =>
  constrained(t.number, `integer(${min},${max})`, (n) => Number.isSafeInteger(n) && n >= min && n <= max)

/**
 * Secret names: the same smart constructor the domain uses.
 *
 * @category codecs
 * @since 0.1.0
 */
export const NameC: t.Decoder<unknown, SecretName.SecretName> = constrained(
  t.string,
  'Name',
  SecretName.is(Dialect.nameRule),
) as t.Decoder<unknown, SecretName.SecretName>

/**
 * Stage names.
 *
 * @category codecs
 * @since 0.1.0
 */
export const StageC: t.Decoder<unknown, StageLabel.StageLabel> = constrained(
  t.string,
  'Stage',
  StageLabel.is(Dialect.stageRule),
) as t.Decoder<unknown, StageLabel.StageLabel>

/**
 * `version_stages`: 1 to 12 stage names.
 *
 * @category codecs
 * @since 0.1.0
 */
export const VersionStagesC: t.Decoder<unknown, ReadonlyArray<StageLabel.StageLabel>> = constrained(
  arrayOf(StageC),
  'VersionStages',
  (a) => a.length >= Dialect.limits.versionStagesMin && a.length <= Dialect.limits.versionStagesMax,
)

/**
 * `kms_key_id`: a key id or alias of 2 to 64 characters (letters, digits, `/ _ - : .`), which covers
 * Huawei's UUID key ids and the `csms/default` alias.
 *
 * @category codecs
 * @since 0.1.0
 */
export const KmsKeyIdC: t.Decoder<unknown, string> = constrained(t.string, 'KmsKeyId', (s) =>
  /^[a-zA-Z0-9/_:.-]{2,64}$/.test(s),
)

/**
 * `rotation_period`: `<integer><d|h|m|s>`, 6 h to 8,760 h inclusive; decoded to seconds alongside the
 * text, which responses echo.
 *
 * @category codecs
 * @since 0.1.0
 */
export const RotationPeriodC: t.Decoder<unknown, { readonly text: string; readonly seconds: number }> = {
  name: 'RotationPeriod',
  validate: (u, c) => {
    const seconds = typeof u === 'string' ? periodSeconds(u) : undefined
    return seconds === undefined ? t.failure(u, c) : t.success({ text: u as string, seconds })
  },
  decode: (u) => RotationPeriodC.validate(u, []),
}

const unitSeconds = { d: 86_400, h: 3_600, m: 60, s: 1 } as const

/**
 * The seconds a period text means, when it is a valid period.
 *
 * @category codecs
 * @since 0.1.0
 */
export const periodSeconds = (s: string): number | undefined => {
  const match = s.length <= Dialect.limits.rotationPeriodChars ? /^([0-9]{1,12})([dhms])$/.exec(s) : null
  if (match === null) return undefined
  const seconds = Number(match[1]) * unitSeconds[match[2] as keyof typeof unitSeconds]
  return seconds >= Dialect.limits.minRotationSeconds && seconds <= Dialect.limits.maxRotationSeconds
    ? seconds
    : undefined
}

/**
 * @category codecs
 * @since 0.1.0
 */
export const SecretTypeC: t.Decoder<unknown, SecretType> = t.keyof({
  COMMON: null,
  RDS: null,
  'RDS-FG': null,
  'GaussDB-FG': null,
})

/**
 * `event_subscriptions`: at most one event name of at most 32 characters.
 *
 * @category codecs
 * @since 0.1.0
 */
export const EventSubscriptionsC: t.Decoder<unknown, ReadonlyArray<string>> = constrained(
  arrayOf(constrained(t.string, 'EventName', (s) => SecretName.is(Dialect.nameRule)(s) && s.length <= 32)),
  'EventSubscriptions',
  (a) => a.length <= Dialect.limits.eventSubscriptions,
)

/**
 * `expire_time`: epoch milliseconds, 0 to 9,999,999,999,999.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ExpireTimeC: t.Decoder<unknown, number> = integer(0, Dialect.limits.maxExpireTime)

/**
 * What `base` accepts, wrapped in `Redacted` as soon as it is decoded, so that no decoded body holds
 * a secret value in the clear.
 *
 * @category constructors
 * @since 0.1.0
 */
export const redacted = (base: t.Decoder<unknown, string>): t.Decoder<unknown, Redacted.Redacted<string>> => {
  const validate = (u: unknown, c: t.Context): t.Validation<Redacted.Redacted<string>> => {
    const r = base.validate(u, c)
    return E.isRight(r) ? t.success(Redacted.make(r.right)) : r
  }
  return { name: `Redacted<${base.name}>`, validate, decode: (u) => validate(u, []) }
}

/**
 * `secret_string`: at most 32 KB of UTF-8.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SecretStringC: t.Decoder<unknown, Redacted.Redacted<string>> = redacted(bytes(Dialect.limits.valueBytes))

/**
 * `secret_binary`: canonical base64 (RFC 4648, padded) of at most 32 KB of text.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SecretBinaryC: t.Decoder<unknown, Redacted.Redacted<string>> = redacted(
  constrained(t.string, 'SecretBinary', (s) => s.length <= Dialect.limits.valueBytes && isCanonicalBase64(s)),
)

/**
 * Whether `s` is canonical base64. The bytes decoded to check it are a secret value: wiped at once.
 *
 * @category codecs
 * @since 0.1.0
 */
export const isCanonicalBase64 = (s: string): boolean => {
  const bytes = Base64.decode(s)
  if (bytes === undefined) return false
  bytes.fill(0)
  return true
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Decodes a JSON body against a table of fields. `undefined` (no body) reads as `{}`, so a body whose
 * fields are all optional may be left out.
 *
 * @category destructors
 * @since 0.1.0
 */
export const decode =
  <P extends Record<string, AnyField>>(fields: P) =>
  (body: unknown): E.Either<CsmsError.CsmsError, Decoded<P>> => {
    const object = body === undefined ? {} : body
    if (typeof object !== 'object' || object === null || Array.isArray(object)) return E.left(CsmsError.malformedBody())
    const out: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(fields)) {
      const raw = (object as Record<string, unknown>)[name]
      if (raw === undefined || raw === null) {
        if (field.required) return E.left(CsmsError.invalidParameter(name))
        continue
      }
      const decoded = field.codec.decode(raw)
      if (E.isLeft(decoded)) return E.left(CsmsError.invalidParameter(name))
      out[name] = decoded.right
    }
    return E.right(out as Decoded<P>)
  }

/**
 * The one secret value of a body: exactly one of `secret_string` and `secret_binary`, where an
 * empty string counts as absent. Neither: CSMS.0002 on `secret_string`; both: on `secret_binary`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const secretValue = (fields: {
  readonly secret_string?: Redacted.Redacted<string>
  readonly secret_binary?: Redacted.Redacted<string>
}): E.Either<CsmsError.CsmsError, SecretValue> => {
  const present = (r: Redacted.Redacted<string> | undefined) => r !== undefined && Redacted.value(r) !== ''
  const text = present(fields.secret_string) ? fields.secret_string : undefined
  const binary = present(fields.secret_binary) ? fields.secret_binary : undefined
  if (text !== undefined && binary !== undefined) return E.left(CsmsError.invalidParameter('secret_binary'))
  if (text !== undefined) return E.right({ kind: 'string', data: text })
  if (binary !== undefined) return E.right({ kind: 'binary', data: binary })
  return E.left(CsmsError.invalidParameter('secret_string'))
}

/**
 * Checks a path parameter against a decoder: CSMS.0002 naming the parameter otherwise.
 *
 * @category destructors
 * @since 0.1.0
 */
export const pathParam =
  <A>(name: string, codec: t.Decoder<unknown, A>) =>
  (value: string): E.Either<CsmsError.CsmsError, A> => {
    const decoded = codec.decode(value)
    return E.isLeft(decoded) ? E.left(CsmsError.invalidParameter(name)) : E.right(decoded.right)
  }

/**
 * A query `limit`: a decimal integer of `1` to `max`, `fallback` when absent.
 *
 * @category destructors
 * @since 0.1.0
 */
export const limit = (value: string | null, max: number, fallback: number): E.Either<CsmsError.CsmsError, number> => {
  if (value === null) return E.right(fallback)
  const n = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN
  return n >= 1 && n <= max ? E.right(n) : E.left(CsmsError.invalidParameter('limit'))
}
