/**
 * ListTagResources: one row per tag of the secrets that match, 200 rows per page. With
 * `ResourceId.N`, the secrets named (each must exist: 404 InvalidResourceId.NotFound), in the
 * order given; without, every secret in creation order. With tag filters, only secrets that carry
 * every filter tag (the key, with the value when one is given) and then all of their tags.
 * Secrets pending deletion are listed (a read, like DescribeSecret). Another region holds none of
 * this engine's secrets: named ids are 404, an unfiltered listing is empty.
 *
 * `NextToken` is the row offset of the next page, `""` after the last. Each page is computed from
 * the secrets as they are at its request; listing every secret reads the whole store, which is
 * fine for a test double and an embedded engine of modest size. A token whose offset lies past the
 * rows is 400 InvalidParameter: the engine gives a token only for a page that has rows. A token
 * given for a listing that has since shrunk below it is refused the same way.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import type { ListTagResourcesCommand, TagFilter } from '../ListTagResources.js'
import { invalidNextToken, nextToken } from '../ListTagResources.js'
import * as SecretRecord from '../SecretRecord.js'
import * as Tagging from '../Tagging.js'
import { secretNames } from './TagResources.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface TagResourceRow {
  readonly ResourceType: 'secret'
  readonly ResourceId: string
  readonly TagKey: string
  readonly TagValue: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListTagResourcesResponse {
  readonly NextToken: string
  readonly TagResources: { readonly TagResource: ReadonlyArray<TagResourceRow> }
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: ListTagResourcesCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, ListTagResourcesResponse> =>
  pipe(
    command.resourceIds.length > 0 ? named(env, command) : all(env, command.regionId),
    TE.flatMapEither((records) => {
      const rows = records
        .filter((record) => command.tags.every((filter) => carries(record, filter)))
        .flatMap((record) =>
          record.tags.map((tag): TagResourceRow => ({
            ResourceType: 'secret',
            ResourceId: record.secret.name,
            TagKey: tag.key,
            TagValue: tag.value,
          })),
        )
      // The decoder let through only offsets on a page boundary past the first page (or 0).
      if (command.offset > 0 && command.offset >= rows.length) return E.left(invalidNextToken())
      const end = command.offset + Tagging.batchLimits.pageRows
      return E.right({
        NextToken: end < rows.length ? nextToken(end) : '',
        TagResources: { TagResource: rows.slice(command.offset, end) },
      })
    }),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const carries = (record: SecretRecord.SecretRecord, filter: TagFilter): boolean =>
  record.tags.some((tag) => tag.key === filter.key && (filter.value === undefined || tag.value === filter.value))

const named = (
  env: Engine.Env,
  command: ListTagResourcesCommand,
): TE.TaskEither<ApiError.ApiError, ReadonlyArray<SecretRecord.SecretRecord>> =>
  pipe(
    TE.fromEither(secretNames(env, command.regionId, command.resourceIds)),
    TE.flatMap(
      TE.traverseSeqArray((name) =>
        pipe(
          Engine.readExisting(env, name, ApiError.resourceIdNotFound),
          TE.map((stored) => stored.record),
        ),
      ),
    ),
  )

/** Every live secret, in creation order; none in another region. */
const all = (
  env: Engine.Env,
  regionId: string,
): TE.TaskEither<ApiError.ApiError, ReadonlyArray<SecretRecord.SecretRecord>> => {
  if (regionId !== env.config.region) return TE.right([])
  const isExpired = SecretRecord.isExpired(env.now)
  return () => {
    // Local mutable state, fresh for each run of the task and read once the walk has ended.
    const live: Array<SecretRecord.SecretRecord> = []
    return pipe(
      Engine.forEachStored(env, ({ record }) => {
        if (!isExpired(record)) live.push(record)
      }),
      TE.map(() => live),
    )()
  }
}
