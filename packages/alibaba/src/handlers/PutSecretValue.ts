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
import * as ApiError from '../ApiError.js'
import * as Dialect from '../Dialect.js'
import * as Engine from '../Engine.js'
import type { PutSecretValueCommand } from '../PutSecretValue.js'
import * as SecretRecord from '../SecretRecord.js'
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
  Engine.transactExisting(env, command.secretName, ({ record }) => {
    const writable = Versions.writableVersions(record)
    if (E.isLeft(writable)) return TE.left(writable.left)
    const existing = Secret.findVersion(command.versionId)(record.secret)
    return O.isNone(existing) ? addVersion(command, env, record) : repeatVersion(command, env, record, existing.value)
  })

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const addVersion =
  (
    command: PutSecretValueCommand,
    env: Engine.Env,
    record: SecretRecord.SecretRecord,
  ): TE.TaskEither<ApiError.ApiError, Engine.Decision<PutSecretValueResponse>> =>
  async () => {
    const context = { secretName: record.secret.name, versionId: command.versionId }
    const sealed = await SecretValues.seal(env, record.encryptionKeyId, context, command)()
    if (E.isLeft(sealed)) return sealed
    const secret = Secret.putVersion(Dialect.rules)(
      { versionId: command.versionId, createdAt: env.now, value: sealed.right },
      command.versionStages,
    )(record.secret)
    if (E.isLeft(secret)) return E.left(Versions.fromDomainError(secret.left))
    // putVersion appends the new version, and a version with a label (it has at least one) is
    // never pruned: it is the last one, no need to look it up again.
    const added = secret.right.versions[secret.right.versions.length - 1]
    return E.right(
      Engine.commit(
        SecretRecord.withSecret(record, secret.right, env.now),
        responseOf(record, command.versionId, added?.stages ?? []),
      ),
    )
  }

/** The same data and data type: nothing changes; anything else: the version exists already. */
const repeatVersion =
  (
    command: PutSecretValueCommand,
    env: Engine.Env,
    record: SecretRecord.SecretRecord,
    existing: Version.Version<SecretRecord.SealedValue>,
  ): TE.TaskEither<ApiError.ApiError, Engine.Decision<PutSecretValueResponse>> =>
  async () => {
    const context = { secretName: record.secret.name, versionId: existing.versionId }
    const stored = await SecretValues.openText(env, context, existing.value)
    if (E.isLeft(stored)) return stored
    return existing.value.dataType === command.dataType && stored.right === Redacted.value(command.secretData)
      ? E.right(Engine.keep(responseOf(record, existing.versionId, existing.stages)))
      : E.left(ApiError.resourceExist())
  }

const responseOf = (
  record: SecretRecord.SecretRecord,
  versionId: string,
  stages: ReadonlyArray<string>,
): PutSecretValueResponse => ({
  SecretName: record.secret.name,
  VersionId: versionId,
  VersionStages: { VersionStage: [...stages] },
})
