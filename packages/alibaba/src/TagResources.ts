/**
 * TagResources, UntagResources and ListTagResources, the batch tag API: the wire parameters
 * decoded into commands. Lists travel as repeat lists (`ResourceId.1=a&ResourceId.2=b`,
 * `Tag.1.Key=k&Tag.1.Value=v`, `TagKey.1=k`). `RegionId` and `ResourceType` are required;
 * `ResourceType` is `secret` (`key`: 400 UnsupportedOperation, this engine holds no keys). A
 * resource id is a secret's name or ARN. At most 50 resource ids and 20 tags or tag keys.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as ApiError from './ApiError.js'
import type { Tag } from './CreateSecret.js'
import * as Params from './Params.js'
import * as Tagging from './Tagging.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method: `ResourceId.N`, `Tag.N.Key` and `Tag.N.Value` are
 * written out, e.g. `{ 'ResourceId.1': 'db', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' }`.
 *
 * @category model
 * @since 0.1.0
 */
export type TagResourcesRequest = {
  readonly RegionId: string
  readonly ResourceType: string
} & Readonly<Record<`ResourceId.${number}` | `Tag.${number}.Key` | `Tag.${number}.Value`, string>>

/**
 * @category model
 * @since 0.1.0
 */
export interface TagResourcesCommand {
  readonly _tag: 'TagResources'
  readonly regionId: string
  /** Names or ARNs, in the order of N. */
  readonly resourceIds: ReadonlyArray<string>
  readonly tags: ReadonlyArray<Tag>
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * `RegionId` and `ResourceType`, which every batch tag operation requires, in that order.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeScope = (params: Params.Params): E.Either<ApiError.ApiError, { readonly regionId: string }> => {
  const missing = Params.firstMissing(params, ['RegionId', 'ResourceType'])
  if (missing !== undefined) return E.left(missing)
  return pipe(
    E.Do,
    E.bind('regionId', () => Params.required(params, 'RegionId', t.string)),
    E.tap(() => Tagging.secretResourceType(Params.lookup(params, 'ResourceType') ?? '')),
  )
}

/**
 * `ResourceId.N`; at least one when `required` (400 MissingParameter on `ResourceId.1`).
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeResourceIds = (
  params: Params.Params,
  required: boolean,
): E.Either<ApiError.ApiError, ReadonlyArray<string>> =>
  pipe(
    Tagging.repeatList(params, 'ResourceId', Tagging.batchLimits.resourceIds),
    E.filterOrElse(
      (ids) => !required || ids.length > 0,
      () => ApiError.missingParameter('ResourceId.1'),
    ),
  )

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, TagResourcesCommand> =>
  pipe(
    decodeScope(params),
    E.bind('resourceIds', () => decodeResourceIds(params, true)),
    E.bind('tags', () => Tagging.tagList(params, false)),
    E.filterOrElse(
      ({ tags }) => tags.length > 0,
      () => ApiError.missingParameter('Tag.1.Key'),
    ),
    E.map((d): TagResourcesCommand => ({
      _tag: 'TagResources',
      regionId: d.regionId,
      resourceIds: d.resourceIds,
      tags: d.tags.map((tag) => ({ key: tag.key, value: tag.value ?? '' })),
    })),
  )
