/**
 * JSON-valued request parameters (`Tags`, `ExtendedConfig`, `Policy`, typed `SecretData`) arrive as
 * strings. This module parses them without throwing; the core's `Text` measures them the way the
 * limits count ("characters" are Unicode code points, "bytes" are UTF-8 bytes).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | JsonObject

/**
 * @category model
 * @since 0.1.0
 */
export interface JsonObject {
  readonly [key: string]: Json
}

/**
 * A JSON object parameter as decoded: the parsed object and the JSON text it was parsed from, which
 * is stored and which responses echo. That is the string the caller sent, or, when the caller sent
 * the documentation's backslash-escaped form, its unescaped text: echoing the escaped form would
 * hand back text that `JSON.parse` refuses.
 *
 * @category model
 * @since 0.1.0
 */
export interface JsonParameter {
  readonly raw: string
  readonly value: JsonObject
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * `JSON.parse` as an `Either`. The error is a constant: V8's own message quotes the input, and the
 * input may be a secret.
 *
 * @category destructors
 * @since 0.1.0
 */
export const parse = (text: string): E.Either<'InvalidJson', Json> => {
  try {
    return E.right(JSON.parse(text) as Json)
  } catch {
    return E.left('InvalidJson')
  }
}

/**
 * Like `parse`, but also accepts the form Alibaba's documentation prints in its request tables,
 * where every quote is escaped: `[{\"TagKey\":\"key1\"}]`. The unescaped form is tried first, so a
 * valid JSON text always means what JSON says.
 *
 * @category destructors
 * @since 0.1.0
 */
export const parseLenient = (text: string): E.Either<'InvalidJson', Json> =>
  E.map((parsed: Parsed) => parsed.json)(parseLenientText(text))

/**
 * @category destructors
 * @since 0.1.0
 */
export const isObject = (u: unknown): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u)

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * A string that holds a JSON object. `lenient` also accepts the doc's backslash-escaped form, and
 * then keeps its unescaped text as `raw`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const objectFromString = (lenient: boolean): t.Type<JsonParameter, string, string> =>
  new t.Type<JsonParameter, string, string>(
    'a JSON object',
    (u): u is JsonParameter => typeof u === 'object' && u !== null && 'raw' in u && 'value' in u,
    (sent, c) => {
      // The text that parsed is the one kept: the escaped form is stored unescaped.
      const parsed = lenient ? parseLenientText(sent) : E.map((json: Json) => ({ text: sent, json }))(parse(sent))
      if (E.isLeft(parsed)) return t.failure(sent, c, 'It must be a JSON object, and it is not valid JSON.')
      const { text, json } = parsed.right
      return isObject(json) ? t.success({ raw: text, value: json }) : t.failure(sent, c, 'It must be a JSON object.')
    },
    (p) => p.raw,
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** A parsed JSON text, and the text it was parsed from. */
interface Parsed {
  readonly text: string
  readonly json: Json
}

/**
 * `parseLenient`, with the text that parsed: `text` itself, or its unescaped form when only that is
 * JSON.
 */
const parseLenientText = (text: string): E.Either<'InvalidJson', Parsed> => {
  const strict = parse(text)
  if (E.isRight(strict)) return E.right({ text, json: strict.right })
  if (!text.includes('\\"')) return strict
  const plain = unescapeQuotes(text)
  return E.map((json: Json) => ({ text: plain, json }))(parse(plain))
}

/** The documentation's escaped form made plain: every `\\"` becomes `"`. */
const unescapeQuotes = (text: string): string => text.replaceAll('\\"', '"')
