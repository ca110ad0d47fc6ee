/**
 * The write every tag operation makes: change one secret's tag list in a transaction. A secret
 * that does not exist is the operation's own 404; a secret pending deletion is 409
 * Rejected.ResourceInDeleteWindow (tags are metadata, and UpdateSecret, the other metadata write,
 * refuses too). A change that leaves the tags as they were commits nothing; a real change also
 * moves `UpdateTime`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import type * as ApiError from '../ApiError.js'
import type { Tag } from '../CreateSecret.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import * as Tagging from '../Tagging.js'

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * The record `change` may act on: one not pending deletion.
 *
 * @category handler
 * @since 0.1.0
 */
export const taggable = (record: SecretRecord.SecretRecord): E.Either<ApiError.ApiError, SecretRecord.SecretRecord> => {
  const refused = SecretRecord.deleteWindowRefusal(record)
  return refused === undefined ? E.right(record) : E.left(refused)
}

/**
 * Applies `change` to the tags of the secret `reference` (a name or an ARN) names; `notFound()`
 * when there is none.
 *
 * @category handler
 * @since 0.1.0
 */
export const retag = <B>(
  env: Engine.Env,
  reference: string,
  notFound: () => ApiError.ApiError,
  change: (tags: ReadonlyArray<Tag>) => E.Either<ApiError.ApiError, ReadonlyArray<Tag>>,
  body: B,
): TE.TaskEither<ApiError.ApiError, B> =>
  Engine.transactExisting(
    env,
    reference,
    ({ record }) => {
      const checked = taggable(record)
      if (E.isLeft(checked)) return TE.left(checked.left)
      const tags = change(record.tags)
      if (E.isLeft(tags)) return TE.left(tags.left)
      return TE.right(
        Tagging.sameTags(tags.right, record.tags)
          ? Engine.keep(body)
          : Engine.commit({ ...record, tags: tags.right, updatedAt: env.now }, body),
      )
    },
    notFound,
  )
