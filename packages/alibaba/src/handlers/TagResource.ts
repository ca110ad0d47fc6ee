/**
 * TagResource: adds tags to a secret; a key it has already gets the new value. More than 20 tags
 * in the end: 400 InvalidParameter on `Tags`. An unknown secret: 404 Forbidden.ResourceNotFound.
 *
 * @since 0.1.0
 */
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from '../ApiError.js'
import type * as Engine from '../Engine.js'
import type { TagResourceCommand } from '../TagResource.js'
import * as Tagging from '../Tagging.js'
import { retag } from './Tagging.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Only `RequestId`, which the engine adds.
 *
 * @category model
 * @since 0.1.0
 */
export type TagResourceResponse = Record<string, never>

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: TagResourceCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, TagResourceResponse> =>
  retag(env, command.secretName, ApiError.resourceNotFound, (tags) => Tagging.addTags(tags, command.tags, 'Tags'), {})
