/**
 * TagResources: adds the same tags to up to 50 secrets. All or nothing as far as one engine can
 * make it without a multi-secret transaction: every secret is checked first (it exists in this
 * region, it is not pending deletion, it would hold at most 20 tags), and only then is each one
 * changed, in its own transaction, which checks again. A secret deleted by another request between
 * the check and its commit fails the request with the secrets before it already tagged; that
 * window is the one limit of the guarantee.
 *
 * An id that names no secret, or a `RegionId` other than the engine's (a different region holds
 * none of these secrets): 404 InvalidResourceId.NotFound.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as A from 'fp-ts/lib/ReadonlyArray.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import type { Tag } from '../CreateSecret.js'
import * as Engine from '../Engine.js'
import type { TagResourcesCommand } from '../TagResources.js'
import * as Tagging from '../Tagging.js'
import * as Wire from '../Wire.js'
import { retag, taggable } from './Tagging.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Only `RequestId`, which the engine adds.
 *
 * @category model
 * @since 0.1.0
 */
export type TagResourcesResponse = Record<string, never>

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: TagResourcesCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, TagResourcesResponse> =>
  changeAll(env, command.regionId, command.resourceIds, (tags) => Tagging.addTags(tags, command.tags, 'Tag'))

/**
 * Checks `change` on every secret the ids name, then applies it to each.
 *
 * @category handler
 * @since 0.1.0
 */
export const changeAll = (
  env: Engine.Env,
  regionId: string,
  resourceIds: ReadonlyArray<string>,
  change: (tags: ReadonlyArray<Tag>) => E.Either<ApiError.ApiError, ReadonlyArray<Tag>>,
): TE.TaskEither<ApiError.ApiError, Record<string, never>> =>
  pipe(
    TE.fromEither(secretNames(env, regionId, resourceIds)),
    TE.tap((names) =>
      pipe(
        names,
        TE.traverseSeqArray((name) =>
          pipe(
            Engine.readExisting(env, name, ApiError.resourceIdNotFound),
            TE.flatMapEither(({ record }) => taggable(record)),
            TE.flatMapEither((record) => change(record.tags)),
          ),
        ),
      ),
    ),
    TE.flatMap(TE.traverseSeqArray((name) => retag(env, name, ApiError.resourceIdNotFound, change, {}))),
    TE.map(() => ({})),
  )

/**
 * The distinct secret names that resource ids (names or ARNs) of `regionId` give, or 404
 * InvalidResourceId.NotFound for an id no secret of this engine can have.
 *
 * @category handler
 * @since 0.1.0
 */
export const secretNames = (
  env: Engine.Env,
  regionId: string,
  resourceIds: ReadonlyArray<string>,
): E.Either<ApiError.ApiError, ReadonlyArray<string>> => {
  if (regionId !== env.config.region) return E.left(ApiError.resourceIdNotFound())
  const names = resourceIds.map((id) => Wire.nameFromReference(env.config.region, env.config.accountId, id))
  return names.every((name): name is string => name !== undefined)
    ? E.right(A.uniq({ equals: (a: string, b: string) => a === b })(names))
    : E.left(ApiError.resourceIdNotFound())
}
