/**
 * UntagResources: removes tags from up to 50 secrets, checked first and then changed one by one
 * as TagResources does. Keys a secret does not have are ignored (documented: the call succeeds
 * and removes the keys that are there).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type * as ApiError from '../ApiError.js'
import type * as Engine from '../Engine.js'
import * as Tagging from '../Tagging.js'
import type { UntagResourcesCommand } from '../UntagResources.js'
import { changeAll } from './TagResources.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Only `RequestId`, which the engine adds.
 *
 * @category model
 * @since 0.1.0
 */
export type UntagResourcesResponse = Record<string, never>

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: UntagResourcesCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, UntagResourcesResponse> => {
  const { removal } = command
  return changeAll(env, command.regionId, command.resourceIds, (tags) =>
    E.right(removal._tag === 'All' ? [] : Tagging.removeTags(tags, removal.keys)),
  )
}
