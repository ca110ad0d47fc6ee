/**
 * GetRandomPassword: draws a password from the engine's random source. The command's options
 * were checked when it was decoded, so this cannot fail.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
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
export const handle = (
  command: GetRandomPasswordCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, GetRandomPasswordResponse> =>
  pipe(
    Password.generate(command.options)(env.random),
    E.bimap(
      () => ApiError.invalidParameter('ExcludeCharacters', 'It excludes every character that is left.'),
      (password) => ({ RandomPassword: password }),
    ),
    TE.fromEither,
  )
