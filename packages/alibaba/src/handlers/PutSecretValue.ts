/**
 * PutSecretValue: stores a new version of a generic secret. Without `VersionStages` the new version
 * becomes ACSCurrent and the old current one ACSPrevious; with `VersionStages` it gets exactly those
 * labels, each moving from wherever it was (the core's `putVersion` does both, and prunes the oldest
 * unlabeled versions beyond 10). An existing `VersionId` is idempotent: the same data and data type
 * succeed and change nothing, different data is 409 Rejected.ResourceExist. The comparison opens the
 * stored version rather than keeping a digest of the plaintext, which would let anyone holding the
 * store test guesses offline.
 *
 * @since 0.1.0
 */
import { Redacted, Secret } from '@secrets-engine/core'
import type { Version } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import * as Dialect from '../Dialect.js'
import * as Engine from '../Engine.js'
import type { PutSecretValueCommand } from '../PutSecretValue.js'
import type * as SecretRecord from '../SecretRecord.js'
import * as SecretValues from '../SecretValues.js'
import * as Versions from './Versions.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface PutSecretValueResponse {
  readonly SecretName: string
  readonly VersionId: string
  readonly VersionStages: { readonly VersionStage: ReadonlyArray<string> }
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: PutSecretValueCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, PutSecretValueResponse> =>
  pipe(
    Engine.nameOf(env, command.secretName),
    TE.flatMap((name) =>
      Engine.transact(env, name, (current) => {
        if (O.isNone(current)) return TE.left(ApiError.resourceNotFound())
        const { record } = current.value
        return pipe(
          TE.fromEither(Versions.writableVersions(record)),
          TE.flatMap(() =>
            pipe(
              Secret.findVersion(command.versionId)(record.secret),
              O.match(
                () => addVersion(command, env, record),
                (existing) => repeatVersion(command, env, record, existing),
              ),
            ),
          ),
        )
      }),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const addVersion = (
  command: PutSecretValueCommand,
  env: Engine.Env,
  record: SecretRecord.SecretRecord,
): TE.TaskEither<ApiError.ApiError, Engine.Decision<PutSecretValueResponse>> =>
  pipe(
    SecretValues.seal(
      env,
      record.encryptionKeyId,
      { secretName: record.secret.name, versionId: command.versionId },
      command,
    ),
    TE.flatMapEither((sealed) =>
      pipe(
        Secret.putVersion(Dialect.rules)(
          { versionId: command.versionId, createdAt: env.now, value: sealed },
          command.versionStages,
        )(record.secret),
        E.mapLeft(Versions.fromDomainError),
      ),
    ),
    TE.map((secret) =>
      Engine.commit(
        { ...record, secret, updatedAt: env.now },
        responseOf(record, command.versionId, stagesOf(secret, command.versionId)),
      ),
    ),
  )

/** The same data and data type: nothing changes; anything else: the version exists already. */
const repeatVersion = (
  command: PutSecretValueCommand,
  env: Engine.Env,
  record: SecretRecord.SecretRecord,
  existing: Version.Version<SecretRecord.SealedValue>,
): TE.TaskEither<ApiError.ApiError, Engine.Decision<PutSecretValueResponse>> =>
  pipe(
    SecretValues.open(env, { secretName: record.secret.name, versionId: existing.versionId }, existing.value),
    TE.flatMap((stored) =>
      stored.dataType === command.dataType && Redacted.value(stored.secretData) === Redacted.value(command.secretData)
        ? TE.right(Engine.keep(responseOf(record, existing.versionId, existing.stages)))
        : TE.left(ApiError.resourceExist()),
    ),
  )

const stagesOf = (secret: Secret.Secret<SecretRecord.SealedValue>, versionId: string): ReadonlyArray<string> =>
  pipe(
    Secret.findVersion(versionId)(secret),
    O.match(
      () => [],
      (version) => version.stages,
    ),
  )

const responseOf = (
  record: SecretRecord.SecretRecord,
  versionId: string,
  stages: ReadonlyArray<string>,
): PutSecretValueResponse => ({
  SecretName: record.secret.name,
  VersionId: versionId,
  VersionStages: { VersionStage: [...stages] },
})
