/**
 * ListSecrets: the wire parameters decoded into a command. `PageNumber` (1 or more, default 1)
 * and `PageSize` (1 to 100, default 10) are decimal integers; `Filters` is a JSON array of at most
 * 10 `{"Key": ..., "Values": [...]}` entries, each with at most 10 values, whose keys are
 * `SecretName`, `Description`, `TagKey`, `TagValue`, `DKMSInstanceId` and `SecretType`, and whose
 * values follow the documented rule of their key. Anything else in `Filters` (an unknown key, too
 * many entries or values, a value that breaks its rule, text that is not JSON) is 400
 * InvalidParameter on `Filters`. The backslash-escaped form the documentation prints is accepted,
 * as for CreateSecret's JSON parameters.
 *
 * @since 0.1.0
 */
import { SecretName, Text } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { BooleanC, SecretTypeC } from './CreateSecret.js'
import * as Dialect from './Dialect.js'
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
export interface ListSecretsRequest {
  readonly FetchTags?: 'true' | 'false'
  readonly PageNumber?: string
  readonly PageSize?: string
  /** A JSON array of `{"Key": ..., "Values": [...]}`, as text. */
  readonly Filters?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export type FilterKey = 'SecretName' | 'Description' | 'TagKey' | 'TagValue' | 'DKMSInstanceId' | 'SecretType'

/**
 * One entry of `Filters`: a secret matches when its `key` equals one of `values` exactly. An entry
 * without values places no condition.
 *
 * @category model
 * @since 0.1.0
 */
export interface Filter {
  readonly key: FilterKey
  readonly values: ReadonlyArray<string>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListSecretsCommand {
  readonly _tag: 'ListSecrets'
  readonly fetchTags: boolean
  readonly pageNumber: number
  readonly pageSize: number
  /** In request order; a secret must match every entry. */
  readonly filters: ReadonlyArray<Filter>
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const listLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  /** PageNumber is an int32 on the wire. */
  maxPageNumber: 2_147_483_647,
  filters: 10,
  valuesPerFilter: 10,
  filterValueCharacters: 256,
} as const

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * `PageNumber`, which ListSecretVersionIds shares.
 *
 * @category codecs
 * @since 0.1.0
 */
export const PageNumberC = Params.integerC(1, listLimits.maxPageNumber)

/**
 * @category codecs
 * @since 0.1.0
 */
export const PageSizeC = Params.integerC(1, listLimits.maxPageSize)

const upTo = (max: number) => (s: string) => s.length > 0 && Text.codePointLength(s) <= max

/** What each key's values must be, in the documentation's words. */
const valueRules: { readonly [K in FilterKey]: { readonly expected: string; readonly ok: (s: string) => boolean } } = {
  SecretName: {
    expected: `1 to ${Dialect.secretNameRule.maxLength} letters, digits or _ / + = . - @`,
    ok: (s) => E.isRight(SecretName.fromString(Dialect.secretNameRule)(s)),
  },
  Description: {
    expected: `1 to ${listLimits.filterValueCharacters} characters`,
    ok: upTo(listLimits.filterValueCharacters),
  },
  TagKey: {
    expected: `1 to ${listLimits.filterValueCharacters} characters`,
    ok: upTo(listLimits.filterValueCharacters),
  },
  TagValue: {
    expected: `1 to ${listLimits.filterValueCharacters} characters`,
    ok: upTo(listLimits.filterValueCharacters),
  },
  DKMSInstanceId: { expected: 'a KMS instance id', ok: (s) => s.length > 0 },
  SecretType: { expected: SecretTypeC.name, ok: SecretTypeC.is },
}

const isFilterKey = (u: unknown): u is FilterKey =>
  typeof u === 'string' && Object.prototype.hasOwnProperty.call(valueRules, u)

/**
 * The `Filters` parameter. The reason of a failure names the entry and value by position only.
 *
 * @category codecs
 * @since 0.1.0
 */
export const FiltersC = new t.Type<ReadonlyArray<Filter>, string, string>(
  'Filters',
  (u): u is ReadonlyArray<Filter> => Array.isArray(u),
  (s, c) => {
    const json = Json.parseLenient(s)
    if (E.isLeft(json))
      return t.failure(s, c, 'It must be a JSON array of {"Key":"","Values":[]}, and it is not valid JSON.')
    const entries = json.right
    if (!Array.isArray(entries)) return t.failure(s, c, 'It must be a JSON array of {"Key":"","Values":[]}.')
    if (entries.length > listLimits.filters) {
      return t.failure(s, c, `It may hold at most ${listLimits.filters} entries.`)
    }
    const filters: Array<Filter> = []
    for (const [i, entry] of entries.entries()) {
      if (!Json.isObject(entry)) return t.failure(s, c, `[${i}] must be a JSON object {"Key":"","Values":[]}.`)
      const key = entry['Key']
      if (!isFilterKey(key)) {
        return t.failure(s, c, `[${i}].Key must be one of ${Object.keys(valueRules).join(', ')}.`)
      }
      const values = entry['Values']
      if (!Array.isArray(values) || values.length > listLimits.valuesPerFilter) {
        return t.failure(s, c, `[${i}].Values must be a JSON array of at most ${listLimits.valuesPerFilter} strings.`)
      }
      const rule = valueRules[key]
      const bad = values.findIndex((v) => typeof v !== 'string' || !rule.ok(v))
      if (bad >= 0) return t.failure(s, c, `[${i}].Values[${bad}] must be ${rule.expected}.`)
      filters.push({ key, values: values as ReadonlyArray<string> })
    }
    return t.success(filters)
  },
  (filters) => JSON.stringify(filters.map((f) => ({ Key: f.key, Values: f.values }))),
)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, ListSecretsCommand> => {
  const fetchTags = Params.optional(params, 'FetchTags', BooleanC)
  if (E.isLeft(fetchTags)) return fetchTags
  const pageNumber = Params.optional(params, 'PageNumber', PageNumberC)
  if (E.isLeft(pageNumber)) return pageNumber
  const pageSize = Params.optional(params, 'PageSize', PageSizeC)
  if (E.isLeft(pageSize)) return pageSize
  const filters = Params.optional(params, 'Filters', FiltersC)
  if (E.isLeft(filters)) return filters
  return E.right({
    _tag: 'ListSecrets',
    fetchTags: fetchTags.right === 'true',
    pageNumber: pageNumber.right ?? 1,
    pageSize: pageSize.right ?? listLimits.defaultPageSize,
    filters: filters.right ?? [],
  })
}
