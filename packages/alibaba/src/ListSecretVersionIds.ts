/**
 * ListSecretVersionIds: the wire parameters decoded into a command. `IncludeDeprecated` is
 * `true`/`false` (default false: labelled versions only); `PageNumber` is a whole number from 1
 * (default 1) and `PageSize` one from 1 to 100 (default 20, api-decisions.md).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { BooleanC } from './CreateSecret.js'
import * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method. Numbers travel as decimal text.
 *
 * @category model
 * @since 0.1.0
 */
export interface ListSecretVersionIdsRequest {
  readonly SecretName: string
  readonly IncludeDeprecated?: 'true' | 'false'
  readonly PageNumber?: string
  readonly PageSize?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListSecretVersionIdsCommand {
  readonly _tag: 'ListSecretVersionIds'
  /** A name or an ARN. */
  readonly secretName: string
  readonly includeDeprecated: boolean
  readonly pageNumber: number
  readonly pageSize: number
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const paging = { defaultPageSize: 20, maxPageSize: 100, maxPageNumber: 2_147_483_647 } as const

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, ListSecretVersionIdsCommand> =>
  pipe(
    E.Do,
    E.bind('secretName', () => Params.required('SecretName', t.string)(params)),
    E.bind('includeDeprecated', () => Params.optional('IncludeDeprecated', BooleanC)(params)),
    E.bind('pageNumber', () => Params.optional('PageNumber', wholeNumberC(1, paging.maxPageNumber))(params)),
    E.bind('pageSize', () => Params.optional('PageSize', wholeNumberC(1, paging.maxPageSize))(params)),
    E.map((d): ListSecretVersionIdsCommand => ({
      _tag: 'ListSecretVersionIds',
      secretName: d.secretName,
      includeDeprecated: d.includeDeprecated === 'true',
      pageNumber: d.pageNumber ?? 1,
      pageSize: d.pageSize ?? paging.defaultPageSize,
    })),
  )

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * A whole number in decimal digits (no sign, no fraction, no exponent) from `min` to `max`. The
 * wire type is int32, so `max` never goes past 2,147,483,647 and a number of more than 10 digits
 * is out of range before it is read.
 *
 * @category codecs
 * @since 0.1.0
 */
export const wholeNumberC = (min: number, max: number): t.Type<number, string, string> =>
  new t.Type<number, string, string>(
    'a whole number',
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max,
    (s, c) => {
      const n = /^[0-9]{1,10}$/.test(s) ? Number(s) : NaN
      return Number.isInteger(n) && n >= min && n <= max
        ? t.success(n)
        : t.failure(s, c, `It must be a whole number from ${min} to ${max}.`)
    },
    (n) => String(n),
  )
