/**
 * ListSecretVersionIds: the wire parameters decoded into a command. `IncludeDeprecated` is
 * `true`/`false` (default false: labelled versions only); `PageNumber` is an integer from 1
 * (default 1) and `PageSize` one from 1 to 100 (default 20, api-decisions.md).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { BooleanC } from './CreateSecret.js'
// The same page rules as ListSecrets: one codec each.
import { listLimits, PageNumberC, PageSizeC } from './ListSecrets.js'
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
export const paging = {
  defaultPageSize: 20,
  maxPageSize: listLimits.maxPageSize,
  maxPageNumber: listLimits.maxPageNumber,
} as const

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
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.bind('includeDeprecated', () => Params.optional(params, 'IncludeDeprecated', BooleanC)),
    E.bind('pageNumber', () => Params.optional(params, 'PageNumber', PageNumberC)),
    E.bind('pageSize', () => Params.optional(params, 'PageSize', PageSizeC)),
    E.map((d): ListSecretVersionIdsCommand => ({
      _tag: 'ListSecretVersionIds',
      secretName: d.secretName,
      includeDeprecated: d.includeDeprecated === 'true',
      pageNumber: d.pageNumber ?? 1,
      pageSize: d.pageSize ?? paging.defaultPageSize,
    })),
  )
