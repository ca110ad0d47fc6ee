/**
 * ListTagResources: the wire parameters decoded into a command. `RegionId` and `ResourceType` as
 * for TagResources; `ResourceId.N` (at most 50) and `Tag.N.Key`/`Tag.N.Value` (at most 20, a key
 * twice: 400 Duplicate.TagKey) filter; `NextToken` continues a listing. A token is the row offset
 * of its page, and the engine gives only offsets that are positive multiples of the page size, so
 * any other offset is refused here; the handler refuses one that lies past the rows it lists.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from './ApiError.js'
import * as Params from './Params.js'
import { decodeResourceIds, decodeScope } from './TagResources.js'
import * as Tagging from './Tagging.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method (`ResourceId.N`, `Tag.N.Key`, `Tag.N.Value` written out).
 *
 * @category model
 * @since 0.1.0
 */
export type ListTagResourcesRequest = {
  readonly RegionId: string
  readonly ResourceType: string
  readonly NextToken?: string
} & Readonly<Record<`ResourceId.${number}` | `Tag.${number}.Key` | `Tag.${number}.Value`, string>>

/**
 * A tag filter: the key, and the value unless any value matches.
 *
 * @category model
 * @since 0.1.0
 */
export interface TagFilter {
  readonly key: string
  readonly value?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListTagResourcesCommand {
  readonly _tag: 'ListTagResources'
  readonly regionId: string
  readonly resourceIds: ReadonlyArray<string>
  readonly tags: ReadonlyArray<TagFilter>
  /** Rows to skip, from the `NextToken` of an earlier page: 0, or a positive multiple of the page size. */
  readonly offset: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The `NextToken` of the page starting at row `offset`: opaque to callers, `""` at the end.
 *
 * @category constructors
 * @since 0.1.0
 */
export const nextToken = (offset: number): string => `r${offset.toString(16).padStart(8, '0')}`

/**
 * 400 InvalidParameter on `NextToken`: a token the engine did not give for this listing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidNextToken = (): ApiError.ApiError =>
  ApiError.invalidParameter('NextToken', 'It must be the NextToken of an earlier page.')

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/** The offset of a token the engine could have given: its own spelling, on a page boundary past the first page. */
const offsetOf = (token: string | undefined): E.Either<ApiError.ApiError, number> => {
  if (token === undefined) return E.right(0)
  const match = /^r([0-9a-f]{8,13})$/.exec(token)
  const offset = match === null ? Number.NaN : Number.parseInt(match[1] ?? '', 16)
  return offset > 0 && offset % Tagging.batchLimits.pageRows === 0 && nextToken(offset) === token
    ? E.right(offset)
    : E.left(invalidNextToken())
}

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, ListTagResourcesCommand> =>
  pipe(
    decodeScope(params),
    E.bind('resourceIds', () => decodeResourceIds(params, false)),
    E.bind('tags', () => Tagging.tagList(params, true)),
    E.bind('offset', () => offsetOf(Params.lookup(params, 'NextToken'))),
    E.map((d): ListTagResourcesCommand => ({
      _tag: 'ListTagResources',
      regionId: d.regionId,
      resourceIds: d.resourceIds,
      tags: d.tags.map((tag): TagFilter =>
        tag.value === undefined ? { key: tag.key } : { key: tag.key, value: tag.value },
      ),
      offset: d.offset,
    })),
  )
