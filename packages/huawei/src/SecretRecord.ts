/**
 * What the engine keeps in the store for one secret: the core `Secret`, whose version values are
 * sealed envelopes (base64 text, so that a store snapshot is plain JSON), and the CSMS metadata
 * around it. Plain immutable data; no plaintext value is ever part of a record.
 *
 * @since 0.1.0
 */
import type { Secret } from '@secrets-engine/core'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type SecretState = 'ENABLED' | 'DISABLED' | 'PENDING_DELETE' | 'FROZEN'

/**
 * `RDS` is the seed's name; `RDS-FG` and `GaussDB-FG` are the current API Explorer's.
 *
 * @category model
 * @since 0.1.0
 */
export type SecretType = 'COMMON' | 'RDS' | 'RDS-FG' | 'GaussDB-FG'

/**
 * One version's value at rest.
 *
 * @category model
 * @since 0.1.0
 */
export interface SealedValue {
  /** The envelope of the value's bytes (UTF-8 text, or the decoded binary), base64. */
  readonly envelope: string
  readonly kind: 'string' | 'binary'
  /** The `kms_key_id` the version was sealed under, as the API shows it. */
  readonly kmsKeyId: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface Tag {
  readonly key: string
  readonly value: string
}

/**
 * Times are milliseconds since the Unix epoch.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretRecord {
  readonly secret: Secret.Secret<SealedValue>
  /** The resource id: a lower-case UUID. */
  readonly id: string
  readonly state: SecretState
  /** The key new versions are sealed under, as the API shows it. */
  readonly kmsKeyId: string
  readonly description: string
  readonly secretType: SecretType
  readonly autoRotation: boolean
  readonly rotationPeriod?: string
  readonly rotationConfig?: string
  readonly rotationFuncUrn?: string
  readonly rotationTime?: number
  readonly nextRotationTime?: number
  readonly eventSubscriptions: ReadonlyArray<string>
  readonly enterpriseProjectId: string
  readonly updateTime: number
  /** Present while the secret is PENDING_DELETE. */
  readonly scheduledDeleteTime?: number
  /** The number of the last version created: ids are never reused, even after pruning. */
  readonly lastVersion: number
  /** `expire_time` of the versions that have one, by version id. */
  readonly expireTimes: { readonly [versionId: string]: number }
  /**
   * The `expire_time` each version's SECRET_VERSION_EXPIRED notification was sent for: one
   * notification per expiry, and a new one after `expire_time` changes.
   */
  readonly expiryNotified: { readonly [versionId: string]: number }
  /** When each stage last moved, by stage name. */
  readonly stageTimes: { readonly [stage: string]: number }
  readonly tags: ReadonlyArray<Tag>
  /** The rotation tasks run on this secret, oldest first, at most `maxTasks`. */
  readonly tasks: ReadonlyArray<RotationTask>
}

/**
 * One rotation, as ListSecretTask shows it.
 *
 * @category model
 * @since 0.1.0
 */
export interface RotationTask {
  readonly taskId: string
  readonly status: 'SUCCESS' | 'FAILED'
  /** `SINGLE_USER` or `MULTI_USER`, from the rotation configuration's `SecretSubType`. */
  readonly operateType: string
  readonly time: number
  /** Why a FAILED rotation failed: the error's code and message (ListSecretTask's `task_error_*`). */
  readonly errorCode?: string
  readonly errorMessage?: string
}

/**
 * How many rotation tasks a record keeps.
 *
 * @category model
 * @since 0.1.0
 */
export const maxTasks = 100

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * A secret whose deletion time has come is gone, whether or not the store has dropped it yet.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isExpired =
  (now: number) =>
  (record: SecretRecord): boolean =>
    record.scheduledDeleteTime !== undefined && record.scheduledDeleteTime <= now

/**
 * Automatic rotation is due: turned on, for a rotating (non-COMMON) ENABLED secret, and its
 * `next_rotation_time` has come.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isRotationDue =
  (now: number) =>
  (record: SecretRecord): boolean =>
    record.autoRotation &&
    record.secretType !== 'COMMON' &&
    record.state === 'ENABLED' &&
    record.nextRotationTime !== undefined &&
    record.nextRotationTime <= now

/**
 * The versions whose `expire_time` has come and whose expiry was not yet notified.
 *
 * @category refinements
 * @since 0.1.0
 */
export const dueExpiries =
  (now: number) =>
  (record: SecretRecord): ReadonlyArray<string> =>
    Object.entries(record.expireTimes)
      .filter(([id, time]) => time <= now && record.expiryNotified[id] !== time)
      .map(([id]) => id)

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Marks the expiries of `versionIds` as notified, at their current `expire_time`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const withExpiriesNotified =
  (versionIds: ReadonlyArray<string>) =>
  (record: SecretRecord): SecretRecord => ({
    ...record,
    expiryNotified: {
      ...record.expiryNotified,
      ...Object.fromEntries(versionIds.map((id) => [id, record.expireTimes[id] ?? 0])),
    },
  })

/**
 * Replaces the secret after a versioning transition and keeps the side tables in step: a stage
 * whose holder changed gets `now` as its update time, and the entries of stages and versions that
 * no longer exist are dropped.
 *
 * @category combinators
 * @since 0.1.0
 */
export const withSecret =
  (next: Secret.Secret<SealedValue>, now: number) =>
  (record: SecretRecord): SecretRecord => {
    const holders = (secret: Secret.Secret<SealedValue>): Map<string, string> =>
      new Map(secret.versions.flatMap((v) => v.stages.map((s) => [s as string, v.versionId as string] as const)))
    const before = holders(record.secret)
    const after = holders(next)
    const stageTimes = Object.fromEntries(
      Array.from(after, ([stage, versionId]) => [
        stage,
        before.get(stage) === versionId ? (record.stageTimes[stage] ?? now) : now,
      ]),
    )
    const ids = new Set(next.versions.map((v) => v.versionId as string))
    const expireTimes = Object.fromEntries(Object.entries(record.expireTimes).filter(([id]) => ids.has(id)))
    const expiryNotified = Object.fromEntries(Object.entries(record.expiryNotified).filter(([id]) => ids.has(id)))
    return { ...record, secret: next, stageTimes, expireTimes, expiryNotified }
  }
