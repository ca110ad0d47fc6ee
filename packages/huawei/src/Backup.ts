/**
 * Backup and restore of one secret as an encrypted blob. The blob is Huawei's prefix
 * `)CloudSecretManagementBackupV1.com` followed by the base64url of an envelope that seals the whole
 * stored record (metadata, stages, tags and every version's own envelope) under the default key, so
 * the blob holds no plaintext and cannot be read or altered without failing to open. Each version
 * envelope stays bound to the secret's name, which a restore keeps. A restore needs the name to be
 * free (TF: "can only restore secrets that no longer exist").
 *
 * @since 0.1.0
 */
import { Envelope, SecretName, Secret } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as Base64 from './Base64.js'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import type { Request } from './Request.js'
import type { SecretRecord } from './SecretRecord.js'
import * as SecretValues from './SecretValues.js'
import * as Secrets from './Secrets.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface BackupResponse {
  readonly secret_blob: string
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The prefix of Huawei's example blob.
 *
 * @category constants
 * @since 0.1.0
 */
export const prefix = ')CloudSecretManagementBackupV1.com'

/** What the blob's envelope is bound to: a name no secret can have (`/` is not allowed). */
const context = { secretName: 'csms/backup', versionId: 'backup-v1' } as const

const maxBlobChars = 5_242_880

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `POST /v1/{project_id}/secrets/{secret_name}/backup`: not while the secret is pending deletion.
 *
 * @category handlers
 * @since 0.1.0
 */
export const download = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, BackupResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.flatMap((name) => Engine.readExisting(env, name)),
    TE.flatMapEither((stored) => Secrets.notPendingDeletion(stored.record)),
    TE.flatMap((record) =>
      pipe(
        env.keys.defaultKmsKeyId(),
        TE.flatMap(env.keys.keyringKeyId),
        TE.flatMap((keyId) =>
          env.cipher.seal({ keyId, plaintext: new TextEncoder().encode(JSON.stringify(record)), context }),
        ),
        TE.mapLeft(SecretValues.fromCryptoError),
      ),
    ),
    TE.map((envelope) => ({ secret_blob: prefix + Base64.encodeUrl(envelope.bytes) })),
  )

/**
 * `POST /v1/{project_id}/secrets/restore` with `{secret_blob}`: the secret as it was backed up,
 * ENABLED. A blob that does not open is CSMS.0112; a name in use is CSMS.0109 (CSMS.0107 while
 * pending deletion).
 *
 * @category handlers
 * @since 0.1.0
 */
export const upload = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, Secrets.SecretResponse> =>
  pipe(
    TE.fromEither(Body.decode({ secret_blob: Body.required(Body.text(maxBlobChars)) })(request.body)),
    TE.flatMap(({ secret_blob }) => openBlob(env, secret_blob)),
    // Counting against the quota and committing run in the engine's one queue (`Env.creating`).
    TE.flatMap(
      (backup) => () =>
        env.creating(
          Engine.transact(env, backup.secret.name, (current) => {
            if (O.isSome(current)) return TE.left(Secrets.nameTaken(current.value.record))
            const { scheduledDeleteTime: _, ...rest } = backup
            const record: SecretRecord = { ...rest, state: 'ENABLED', updateTime: env.now }
            return pipe(
              Secrets.checkQuota(env),
              TE.map(() => Engine.commit(record, { secret: Wire.secret(record) })),
            )
          }),
        ),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const invalidBlob = (): CsmsError.CsmsError => CsmsError.make('CSMS.0112')

const openBlob = (env: Engine.Env, blob: string): TE.TaskEither<CsmsError.CsmsError, SecretRecord> => {
  if (!blob.startsWith(prefix)) return TE.left(invalidBlob())
  const bytes = Base64.decodeUrl(blob.slice(prefix.length))
  if (bytes === undefined) return TE.left(invalidBlob())
  return pipe(
    TE.fromEither(Envelope.fromBytes(bytes)),
    TE.flatMap((envelope) => env.cipher.open(envelope, context)),
    TE.mapLeft(invalidBlob),
    TE.flatMapEither((bytes) => {
      try {
        const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
        return isRecord(parsed) ? E.right(parsed) : E.left(invalidBlob())
      } catch {
        return E.left(invalidBlob())
      }
    }),
  )
}

/** The blob verified, so this only guards against a blob of another engine version. */
const isRecord = (u: unknown): u is SecretRecord => {
  if (typeof u !== 'object' || u === null) return false
  const r = u as Partial<SecretRecord>
  const secret = r.secret
  return (
    secret !== undefined &&
    SecretName.is(Dialect.nameRule)(secret.name) &&
    Array.isArray(secret.versions) &&
    secret.versions.every((v) => typeof v.value?.envelope === 'string' && Array.isArray(v.stages)) &&
    Secret.invariantViolations(Dialect.rules)(secret).length === 0 &&
    typeof r.id === 'string' &&
    typeof r.lastVersion === 'number' &&
    Array.isArray(r.tags) &&
    Array.isArray(r.tasks) &&
    typeof r.expiryNotified === 'object'
  )
}
