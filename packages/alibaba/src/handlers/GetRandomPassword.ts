/**
 * GetRandomPassword: draws a password from the engine's random source, out of the alphabet the
 * command was decoded with (never empty), so this cannot fail.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type * as ApiError from '../ApiError.js'
import type * as Engine from '../Engine.js'
import type { GetRandomPasswordCommand } from '../GetRandomPassword.js'
import * as Password from '../Password.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface GetRandomPasswordResponse {
  readonly RandomPassword: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle =
  (command: GetRandomPasswordCommand, env: Engine.Env): TE.TaskEither<ApiError.ApiError, GetRandomPasswordResponse> =>
  () =>
    Promise.resolve(
      E.right({
        RandomPassword: Password.fromAlphabet(
          command.alphabet,
          command.length,
          command.requireEachIncludedType,
        )(env.random),
      }),
    )
