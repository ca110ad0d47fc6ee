/**
 * UntagResource: removes tags from a secret by key; keys the secret does not have are ignored.
 * An unknown secret: 404 Forbidden.ResourceNotFound.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from '../ApiError.js'
import type * as Engine from '../Engine.js'
import * as Tagging from '../Tagging.js'
import type { UntagResourceCommand } from '../UntagResource.js'
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
export type UntagResourceResponse = Record<string, never>

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: UntagResourceCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, UntagResourceResponse> =>
  retag(
    env,
    command.secretName,
    ApiError.resourceNotFound,
    (tags) => E.right(Tagging.removeTags(tags, command.tagKeys)),
    {},
  )
