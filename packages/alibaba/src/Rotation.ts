/**
 * Rotation of Rds, Redis, RAMCredentials and ECS secrets: a new version with fresh credentials
 * (see `Credentials`) becomes ACSCurrent, and the version that was current becomes ACSPrevious.
 * RotateSecret rotates on request; `rotate` is the engine's automatic rotation, applied when a
 * request finds a secret whose `NextRotationDate` has come.
 *
 * An automatic rotation writes ONE new version however many intervals were missed (a rotation
 * makes the old credentials obsolete, so rotating twice at the same instant would only burn a
 * version), records `now` as the last rotation, and moves the next rotation on by whole intervals
 * until it is after `now`, so the schedule keeps its phase. Its version id is a fresh UUID drawn
 * from the engine's random source.
 *
 * @since 0.1.0
 */
import { Redacted, Secret } from '@secrets-engine/core'
import type { VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as T from 'fp-ts/lib/Task.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from './ApiError.js'
import * as Credentials from './Credentials.js'
import * as Dialect from './Dialect.js'
import type * as Engine from './Engine.js'
import type { SecretRecord } from './SecretRecord.js'
import * as SecretValues from './SecretValues.js'
import * as Wire from './Wire.js'
import * as Versions from './handlers/Versions.js'

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * `record` with a new ACSCurrent version `versionId` holding fresh credentials, created at
 * `env.now`, and `now` as its last rotation. The schedule is left to the caller.
 *
 * @category combinators
 * @since 0.1.0
 */
export const addRotatedVersion = (
  env: Engine.Env,
  record: SecretRecord,
  versionId: VersionId.VersionId,
): TE.TaskEither<ApiError.ApiError, SecretRecord> => {
  const secretName = record.secret.name
  return pipe(
    TE.fromOption(ApiError.internalFailure)(Secret.findByStage(Dialect.currentStage)(record.secret)),
    TE.flatMap((current) => SecretValues.open(env, { secretName, versionId: current.versionId }, current.value)),
    TE.flatMapEither((value) =>
      pipe(
        Credentials.next(record.secretType, record.extendedConfig, Redacted.value(value.secretData), env.random),
        E.mapLeft(() => ApiError.internalFailure()),
      ),
    ),
    TE.flatMap((data) =>
      SecretValues.seal(
        env,
        record.encryptionKeyId,
        { secretName, versionId },
        {
          secretData: Redacted.make(data),
          dataType: 'text',
        },
      ),
    ),
    TE.flatMapEither((sealed) =>
      pipe(
        Secret.putVersion(Dialect.rules)({ versionId, createdAt: env.now, value: sealed })(record.secret),
        // A fresh version id that moves only ACSCurrent: read as any other version write would be.
        E.mapLeft(Versions.fromDomainError),
      ),
    ),
    TE.map((secret): SecretRecord => ({
      ...record,
      secret,
      rotation: { ...record.rotation, lastRotationAt: env.now },
      updatedAt: env.now,
    })),
  )
}

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * The engine's automatic rotation (`Env.rotate`): for a secret whose rotation is due, one new
 * version, and the next rotation moved past `env.now` by whole intervals.
 *
 * A rotation that cannot be done (its key disabled or gone) skips this period: the secret keeps its
 * versions and the next rotation still moves on, so the secret stays readable, deletable and
 * reconfigurable instead of failing every request until its key comes back. It never fails.
 *
 * @category instances
 * @since 0.1.0
 */
export const rotate: Engine.Rotator = (env, record) => {
  const { intervalSeconds, nextRotationAt } = record.rotation
  if (intervalSeconds === undefined || nextRotationAt === undefined || nextRotationAt > env.now) {
    return T.of(record)
  }
  const interval = intervalSeconds * 1000
  const missed = Math.floor((env.now - nextRotationAt) / interval) + 1
  const rescheduled = (r: SecretRecord): SecretRecord => ({
    ...r,
    rotation: { ...r.rotation, nextRotationAt: nextRotationAt + missed * interval },
  })
  return pipe(
    generatedVersionId(env, record),
    TE.flatMap((versionId) => addRotatedVersion(env, record, versionId)),
    TE.getOrElse(() => T.of(record)),
    T.map(rescheduled),
  )
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** A UUID that no version of the secret has (a clash is astronomically unlikely; draw again then). */
const generatedVersionId = (
  env: Engine.Env,
  record: SecretRecord,
): TE.TaskEither<ApiError.ApiError, VersionId.VersionId> => {
  for (let attempt = 0; attempt < 8; attempt++) {
    // A UUID is 36 characters, within the 64 that a version id may have.
    const id = Wire.requestId(env.random) as VersionId.VersionId
    if (O.isNone(Secret.findVersion(id)(record.secret))) return TE.right(id)
  }
  return TE.left(ApiError.internalFailure())
}
