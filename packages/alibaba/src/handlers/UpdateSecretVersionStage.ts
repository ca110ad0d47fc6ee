/**
 * UpdateSecretVersionStage: attaches, removes or moves one stage label of a generic secret, through
 * the core's `moveStage` (moving ACSCurrent hands ACSPrevious to the version that held it; a 9th
 * label is refused). A request that leaves every label where it was commits nothing.
 *
 * @since 0.1.0
 */
import { Secret } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from '../ApiError.js'
import * as Dialect from '../Dialect.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import type { UpdateSecretVersionStageCommand } from '../UpdateSecretVersionStage.js'
import * as Versions from './Versions.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretVersionStageResponse {
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
  command: UpdateSecretVersionStageCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, UpdateSecretVersionStageResponse> =>
  Engine.transactExisting(env, command.secretName, ({ record }) => {
    return TE.fromEither(
      pipe(
        Versions.writableVersions(record),
        E.flatMap(() =>
          pipe(
            Secret.moveStage(Dialect.rules)({
              stage: command.versionStage,
              ...(command.removeFromVersion === undefined ? {} : { from: command.removeFromVersion }),
              ...(command.moveToVersion === undefined ? {} : { to: command.moveToVersion }),
            })(record.secret),
            E.mapLeft(Versions.fromDomainError),
          ),
        ),
        E.map((secret) => {
          const body: UpdateSecretVersionStageResponse = { SecretName: record.secret.name }
          return sameLabels(record.secret, secret)
            ? Engine.keep(body)
            : Engine.commit(SecretRecord.withSecret(record, secret, env.now), body)
        }),
      ),
    )
  })

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** Labels only move, so the same versions with the same labels in the same order is no change. */
const sameLabels = (
  before: Secret.Secret<SecretRecord.SealedValue>,
  after: Secret.Secret<SecretRecord.SealedValue>,
): boolean =>
  before.versions.length === after.versions.length &&
  before.versions.every((v, i) => {
    const w = after.versions[i]
    return (
      w !== undefined &&
      w.versionId === v.versionId &&
      w.stages.length === v.stages.length &&
      w.stages.every((s, j) => s === v.stages[j])
    )
  })
