/**
 * What the engine keeps in the store for one secret: the core `Secret`, whose version values are
 * sealed envelopes (base64 text, so that a store snapshot is plain JSON), and the Alibaba metadata
 * around it. Plain immutable data; no plaintext value is ever part of a record.
 *
 * @since 0.1.0
 */
import type { Secret } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as ApiError from './ApiError.js'
import type { SecretDataType, SecretType, Tag } from './CreateSecret.js'
import * as Json from './Json.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One version's value at rest: the envelope of its `SecretData` (UTF-8 bytes), and its data type.
 *
 * @category model
 * @since 0.1.0
 */
export interface SealedValue {
  /** The envelope, base64. */
  readonly envelope: string
  readonly dataType: SecretDataType
}

/**
 * Times are milliseconds since the Unix epoch.
 *
 * @category model
 * @since 0.1.0
 */
export interface RotationState {
  readonly enabled: boolean
  /** Present once an interval was ever set. */
  readonly intervalSeconds?: number
  /** Present while rotation is enabled. */
  readonly nextRotationAt?: number
  readonly lastRotationAt?: number
}

/**
 * Times are milliseconds since the Unix epoch.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretRecord {
  readonly secret: Secret.Secret<SealedValue>
  readonly secretType: SecretType
  readonly encryptionKeyId: string
  readonly description: string
  /** The ExtendedConfig as JSON text; absent for Generic secrets created without one. */
  readonly extendedConfig?: string
  readonly dkmsInstanceId?: string
  readonly tags: ReadonlyArray<Tag>
  /** The secret policy as JSON text. */
  readonly policy: string
  readonly rotation: RotationState
  readonly updatedAt: number
  /** Present while the secret is scheduled for deletion. */
  readonly plannedDeleteAt?: number
}

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const isPendingDeletion = (record: SecretRecord): boolean => record.plannedDeleteAt !== undefined

/**
 * 409 Rejected.ResourceInDeleteWindow for a secret pending deletion, undefined for any other: a
 * secret in its deletion window gives no value and takes no change (api-decisions.md), except a
 * forced DeleteSecret and RestoreSecret. Not an `Either`, so that GetSecretValue, which asks on
 * every read, allocates nothing for a secret that is not pending deletion.
 *
 * @category refinements
 * @since 0.1.0
 */
export const deleteWindowRefusal = (record: SecretRecord): ApiError.ApiError | undefined =>
  isPendingDeletion(record) ? ApiError.resourceInDeleteWindow() : undefined

/**
 * A secret whose deletion window has passed is gone, whether or not the store has dropped it yet.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isExpired =
  (now: number) =>
  (record: SecretRecord): boolean =>
    record.plannedDeleteAt !== undefined && record.plannedDeleteAt <= now

/**
 * Rotation is due when it is enabled and the clock has reached the next rotation date.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isRotationDue =
  (now: number) =>
  (record: SecretRecord): boolean =>
    record.rotation.enabled &&
    record.rotation.nextRotationAt !== undefined &&
    record.rotation.nextRotationAt <= now &&
    record.plannedDeleteAt === undefined

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * `record` with other versions, updated at `updatedAt`: what a version or label write commits. Built
 * as one literal with the keys in a fixed order rather than with a spread, which V8 copies from a
 * frozen record on a slow path and whose copy then takes longer to freeze (`frozen`; ~0.15 µs of a
 * PutSecretValue in all); the optional fields are added only when present.
 *
 * @category combinators
 * @since 0.1.0
 */
export const withSecret = (
  record: SecretRecord,
  secret: Secret.Secret<SealedValue>,
  updatedAt: number,
): SecretRecord => {
  const next: SecretRecord = {
    secret,
    secretType: record.secretType,
    encryptionKeyId: record.encryptionKeyId,
    description: record.description,
    tags: record.tags,
    policy: record.policy,
    rotation: record.rotation,
    updatedAt,
  }
  const { extendedConfig, dkmsInstanceId, plannedDeleteAt } = record
  if (extendedConfig === undefined && dkmsInstanceId === undefined && plannedDeleteAt === undefined) return next
  return {
    ...next,
    ...(extendedConfig === undefined ? {} : { extendedConfig }),
    ...(dkmsInstanceId === undefined ? {} : { dkmsInstanceId }),
    ...(plannedDeleteAt === undefined ? {} : { plannedDeleteAt }),
  }
}

/**
 * `record` itself, frozen all the way down, as a store that freezes what it keeps would freeze it,
 * but walked by its known shape. Parts already frozen are taken as frozen all the way down, as the
 * memory store takes them: the versions a write carries over were frozen by an earlier commit, and
 * most stage lists are shared frozen lists. Every write commits through it (`Engine.commit`): the
 * memory store then finds the record frozen and walks nothing. Its own walk reads every key of every
 * new object through `for...in`, which took 0.4 µs more of each PutSecretValue (5.7 µs against 5.3,
 * without the cryptography).
 *
 * @category combinators
 * @since 0.1.0
 */
export const frozen = (record: SecretRecord): SecretRecord => {
  const { secret, tags } = record
  if (!Object.isFrozen(secret)) {
    for (const version of secret.versions) {
      if (Object.isFrozen(version)) continue
      Object.freeze(version.stages)
      Object.freeze(version.value)
      Object.freeze(version)
    }
    Object.freeze(secret.versions)
    Object.freeze(secret)
  }
  if (!Object.isFrozen(tags)) {
    for (const tag of tags) Object.freeze(tag)
    Object.freeze(tags)
  }
  Object.freeze(record.rotation)
  return Object.freeze(record)
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * A stored ExtendedConfig as an object, `{}` when the secret has none. CreateSecret stores plain
 * JSON (the backslash-escaped form the documentation prints is stored unescaped), but a store
 * written by an earlier version may hold the escaped form, so it is read leniently
 * (`Json.parseLenient`). `'InvalidJson'` only for text that is not a JSON object, which the engine
 * never stores.
 *
 * @category destructors
 * @since 0.1.0
 */
export const extendedConfigOf = (extendedConfig: string | undefined): E.Either<'InvalidJson', Json.JsonObject> => {
  if (extendedConfig === undefined) return E.right({})
  const parsed = Json.parseLenient(extendedConfig)
  return E.isRight(parsed) && Json.isObject(parsed.right) ? E.right(parsed.right) : E.left('InvalidJson')
}
