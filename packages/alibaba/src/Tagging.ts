/**
 * What the tag operations share: the tag rules (the same codecs as CreateSecret's `Tags`), the
 * repeat-list parameters of the batch API (`ResourceId.1=a&ResourceId.2=b`, `Tag.1.Key=k`), and
 * the pure changes to a secret's tag list. Adding a tag whose key is already there replaces its
 * value in place; a secret holds at most 20 tags.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as ApiError from './ApiError.js'
import { limits, TagKeyC, TagValueC } from './CreateSecret.js'
import type { Tag } from './CreateSecret.js'
import type * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The resource types of the tag API. Only secrets live in this engine.
 *
 * @category model
 * @since 0.1.0
 */
export type ResourceType = 'key' | 'secret'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const batchLimits = { resourceIds: 50, tags: 20, pageRows: 200 } as const

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const isTagKey = (s: string): boolean => TagKeyC.is(s)

/**
 * @category refinements
 * @since 0.1.0
 */
export const isTagValue = (s: string): boolean => TagValueC.is(s)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * The values of a repeat-list parameter `<name>.N`, in the order of N (gaps allowed, empty values
 * skipped as absent). More than `max` values: 400 InvalidParameter on `name`.
 *
 * @category decoding
 * @since 0.1.0
 */
export const repeatList = (
  params: Params.Params,
  name: string,
  max: number,
): E.Either<ApiError.ApiError, ReadonlyArray<string>> => {
  const pattern = new RegExp(`^${name}\\.([1-9][0-9]{0,5})$`)
  const values = indexed(params, pattern).map(([, value]) => value)
  return values.length > max
    ? E.left(ApiError.invalidParameter(name, `It may have at most ${max} items.`))
    : E.right(values)
}

/**
 * The `Tag.N.Key` / `Tag.N.Value` pairs, in the order of N. A value without a key, or a key that
 * breaks the rules: InvalidParameter.TagKey; a value that breaks them: InvalidParameter.TagValue;
 * a key twice: Duplicate.TagKey; more than 20: InvalidParameter on `Tag`. With
 * `valueOptional`, a missing value is `undefined` (a ListTagResources filter on the key alone);
 * otherwise it is the empty value.
 *
 * @category decoding
 * @since 0.1.0
 */
export const tagList = (
  params: Params.Params,
  valueOptional: boolean,
): E.Either<ApiError.ApiError, ReadonlyArray<{ readonly key: string; readonly value: string | undefined }>> => {
  const keys = new Map(indexed(params, /^Tag\.([1-9][0-9]{0,5})\.Key$/))
  const values = new Map(indexed(params, /^Tag\.([1-9][0-9]{0,5})\.Value$/))
  for (const n of values.keys()) if (!keys.has(n)) return E.left(ApiError.invalidTagKey())
  const ns = [...keys.keys()].sort((a, b) => a - b)
  if (ns.length > batchLimits.tags) {
    return E.left(ApiError.invalidParameter('Tag', `It may have at most ${batchLimits.tags} items.`))
  }
  const tags: Array<{ readonly key: string; readonly value: string | undefined }> = []
  for (const n of ns) {
    const key = keys.get(n) ?? ''
    const value = values.get(n)
    if (!isTagKey(key)) return E.left(ApiError.invalidTagKey())
    if (value !== undefined && !isTagValue(value)) return E.left(ApiError.invalidTagValue())
    if (tags.some((t) => t.key === key)) return E.left(ApiError.duplicateTagKey())
    tags.push({ key, value: value ?? (valueOptional ? undefined : '') })
  }
  return E.right(tags)
}

/**
 * `ResourceType`: `key` or `secret` (400 InvalidParameter otherwise). Keys are not secrets: this
 * engine has none to tag, so `key` is 400 UnsupportedOperation.
 *
 * @category decoding
 * @since 0.1.0
 */
export const secretResourceType = (value: string): E.Either<ApiError.ApiError, 'secret'> =>
  value === 'secret'
    ? E.right('secret')
    : value === 'key'
      ? E.left(ApiError.unsupportedOperation())
      : E.left(ApiError.invalidParameter('ResourceType', 'It must be key or secret.'))

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * `tags` with `added`: an existing key gets the new value where it stands, a new key is appended.
 * More than 20 tags in the end: 400 InvalidParameter on `parameter` (TagResource's metadata lists
 * no other 400 code; CreateSecret's limit is also InvalidParameter).
 *
 * @category combinators
 * @since 0.1.0
 */
export const addTags = (
  tags: ReadonlyArray<Tag>,
  added: ReadonlyArray<Tag>,
  parameter: string,
): E.Either<ApiError.ApiError, ReadonlyArray<Tag>> => {
  const result = [...tags]
  for (const tag of added) {
    const at = result.findIndex((t) => t.key === tag.key)
    if (at === -1) result.push(tag)
    else result[at] = tag
  }
  return result.length > limits.tags
    ? E.left(ApiError.invalidParameter(parameter, `A secret may hold at most ${limits.tags} tags.`))
    : E.right(result)
}

/**
 * `tags` without the keys in `keys`; keys the secret does not have are ignored.
 *
 * @category combinators
 * @since 0.1.0
 */
export const removeTags = (tags: ReadonlyArray<Tag>, keys: ReadonlyArray<string>): ReadonlyArray<Tag> =>
  tags.filter((t) => !keys.includes(t.key))

/**
 * @category combinators
 * @since 0.1.0
 */
export const sameTags = (a: ReadonlyArray<Tag>, b: ReadonlyArray<Tag>): boolean =>
  a.length === b.length && a.every((t, i) => t.key === b[i]?.key && t.value === b[i]?.value)

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The non-empty values of the parameters whose names match `pattern`, with their N, in order of N. */
const indexed = (params: Params.Params, pattern: RegExp): ReadonlyArray<readonly [number, string]> =>
  Object.keys(params)
    .flatMap((name): ReadonlyArray<readonly [number, string]> => {
      const match = pattern.exec(name)
      const value = params[name]
      return match === null || value === undefined || value === '' ? [] : [[Number(match[1]), value]]
    })
    .sort(([a], [b]) => a - b)
