/**
 * The write every tag operation makes: change one secret's tag list in a transaction. A secret
 * that does not exist is the operation's own 404; a secret pending deletion is 409
 * Rejected.ResourceInDeleteWindow (tags are metadata, and UpdateSecret, the other metadata write,
 * refuses too). A change that leaves the tags as they were commits nothing; a real change also
 * moves `UpdateTime`.
 *
 * @since 0.1.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import type { Tag } from '../CreateSecret.js'
import * as Engine from '../Engine.js'
import type * as SecretRecord from '../SecretRecord.js'
import * as Tagging from '../Tagging.js'

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * The record `change` may act on: present (else `notFound`) and not pending deletion.
 *
 * @category handler
 * @since 0.1.0
 */
export const taggable = (
  current: O.Option<Engine.Stored>,
  notFound: () => ApiError.ApiError,
): TE.TaskEither<ApiError.ApiError, SecretRecord.SecretRecord> =>
  O.isNone(current)
    ? TE.left(notFound())
    : current.value.record.plannedDeleteAt !== undefined
      ? TE.left(ApiError.resourceInDeleteWindow())
      : TE.right(current.value.record)

/**
 * Applies `change` to the tags of the secret `name`.
 *
 * @category handler
 * @since 0.1.0
 */
export const retag = <B>(
  env: Engine.Env,
  name: string,
  notFound: () => ApiError.ApiError,
  change: (tags: ReadonlyArray<Tag>) => E.Either<ApiError.ApiError, ReadonlyArray<Tag>>,
  body: B,
): TE.TaskEither<ApiError.ApiError, B> =>
  Engine.transact(env, name, (current) =>
    pipe(
      taggable(current, notFound),
      TE.flatMap((record) =>
        pipe(
          TE.fromEither(change(record.tags)),
          TE.map((tags) =>
            Tagging.sameTags(tags, record.tags)
              ? Engine.keep(body)
              : Engine.commit({ ...record, tags, updatedAt: env.now }, body),
          ),
        ),
      ),
    ),
  )
