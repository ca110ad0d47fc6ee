/**
 * UpdateSecret: changes a secret's description and the `CustomData` of its ExtendedConfig. A
 * generic secret has no ExtendedConfig to update, so `ExtendedConfig.CustomData` is 400
 * UnsupportedOperation for it; for the other types the new `CustomData` replaces the old one, and
 * the ExtendedConfig written back (as compact JSON) must stay within CreateSecret's 1,024
 * characters. A secret pending deletion is 409 Rejected.ResourceInDeleteWindow. A request with
 * neither parameter succeeds and writes nothing, `UpdateTime` included: there is nothing to update,
 * and Alibaba documents no error for it. Any real update sets `UpdateTime` to the request's time.
 *
 * @since 0.1.0
 */
import { Text } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import { limits } from '../CreateSecret.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import type { UpdateSecretCommand } from '../UpdateSecret.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretResponse {
  readonly SecretName: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: UpdateSecretCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, UpdateSecretResponse> =>
  Engine.transactExisting(env, command.secretName, ({ name, record }) => {
    const refused = SecretRecord.deleteWindowRefusal(record)
    if (refused !== undefined) return TE.left(refused)
    const body: UpdateSecretResponse = { SecretName: name }
    if (command.description === undefined && command.customData === undefined) return TE.right(Engine.keep(body))
    return pipe(
      TE.fromEither(extendedConfigOf(command, record)),
      TE.map((extendedConfig) =>
        Engine.commit(
          {
            ...record,
            ...(command.description === undefined ? {} : { description: command.description }),
            ...(extendedConfig === undefined ? {} : { extendedConfig }),
            updatedAt: env.now,
          },
          body,
        ),
      ),
    )
  })

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The ExtendedConfig text to store, or undefined to keep the one there is. */
const extendedConfigOf = (
  command: UpdateSecretCommand,
  record: SecretRecord.SecretRecord,
): E.Either<ApiError.ApiError, string | undefined> => {
  if (command.customData === undefined) return E.right(undefined)
  if (record.secretType === 'Generic') return E.left(ApiError.unsupportedOperation())
  // CreateSecret stored text it had decoded as a JSON object, so this read succeeds.
  const stored = SecretRecord.extendedConfigOf(record.extendedConfig)
  const config = E.isRight(stored) ? stored.right : {}
  const text = JSON.stringify({ ...config, CustomData: command.customData.value })
  return Text.codePointLength(text) <= limits.extendedConfigCharacters
    ? E.right(text)
    : E.left(
        ApiError.invalidParameter(
          'ExtendedConfig.CustomData',
          `The ExtendedConfig it makes must be at most ${limits.extendedConfigCharacters} characters long.`,
        ),
      )
}
