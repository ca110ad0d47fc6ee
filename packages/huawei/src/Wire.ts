/**
 * Response encoders: the records of the engine as CSMS shows them, with Huawei's exact snake_case
 * field names. Times are epoch milliseconds; lists are always real arrays.
 *
 * @since 0.1.0
 */
import { Random, type Version } from '@secrets-engine/core'
import type { SealedValue, SecretRecord, SecretState, SecretType, Tag } from './SecretRecord.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The `Secret` object of every lifecycle response.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretBody {
  readonly id: string
  readonly name: string
  readonly state: SecretState
  readonly kms_key_id: string
  readonly description: string
  readonly create_time: number
  readonly update_time: number
  /** `null` when the secret is not scheduled for deletion, as the API documents. */
  readonly scheduled_delete_time: number | null
  readonly secret_type: SecretType
  readonly auto_rotation: boolean
  readonly rotation_period?: string
  readonly rotation_config?: string
  readonly rotation_func_urn?: string
  readonly rotation_time?: number
  readonly next_rotation_time?: number
  readonly event_subscriptions: ReadonlyArray<string>
  readonly enterprise_project_id: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface VersionMetadata {
  readonly id: string
  readonly create_time: number
  readonly expire_time?: number
  readonly kms_key_id: string
  readonly secret_name: string
  readonly version_stages: ReadonlyArray<string>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface StageBody {
  readonly name: string
  readonly secret_name: string
  readonly update_time: number
  readonly version_id: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface PageInfo {
  readonly current_count: number
  readonly next_marker?: string
  readonly previous_marker?: string
}

// -------------------------------------------------------------------------------------
// encoders
// -------------------------------------------------------------------------------------

/**
 * @category encoders
 * @since 0.1.0
 */
export const secret = (record: SecretRecord): SecretBody => ({
  id: record.id,
  name: record.secret.name,
  state: record.state,
  kms_key_id: record.kmsKeyId,
  description: record.description,
  create_time: record.secret.createdAt,
  update_time: record.updateTime,
  scheduled_delete_time: record.scheduledDeleteTime ?? null,
  secret_type: record.secretType,
  auto_rotation: record.autoRotation,
  ...(record.rotationPeriod === undefined ? {} : { rotation_period: record.rotationPeriod }),
  ...(record.rotationConfig === undefined ? {} : { rotation_config: record.rotationConfig }),
  ...(record.rotationFuncUrn === undefined ? {} : { rotation_func_urn: record.rotationFuncUrn }),
  ...(record.rotationTime === undefined ? {} : { rotation_time: record.rotationTime }),
  ...(record.nextRotationTime === undefined ? {} : { next_rotation_time: record.nextRotationTime }),
  event_subscriptions: [...record.eventSubscriptions],
  enterprise_project_id: record.enterpriseProjectId,
})

/**
 * @category encoders
 * @since 0.1.0
 */
export const versionMetadata = (record: SecretRecord, version: Version.Version<SealedValue>): VersionMetadata => {
  const expire = record.expireTimes[version.versionId]
  return {
    id: version.versionId,
    create_time: version.createdAt,
    ...(expire === undefined ? {} : { expire_time: expire }),
    kms_key_id: version.value.kmsKeyId,
    secret_name: record.secret.name,
    version_stages: [...version.stages],
  }
}

/**
 * @category encoders
 * @since 0.1.0
 */
export const stage = (record: SecretRecord, name: string, versionId: string): StageBody => ({
  name,
  secret_name: record.secret.name,
  update_time: record.stageTimes[name] ?? record.updateTime,
  version_id: versionId,
})

/**
 * @category encoders
 * @since 0.1.0
 */
export const tags = (record: SecretRecord): ReadonlyArray<Tag> => record.tags.map(({ key, value }) => ({ key, value }))

/**
 * One page of `items` after `marker` (exclusive). `previous_marker` is the page's first item and
 * `next_marker` its last, present only when more items follow, so that clients which page while
 * `next_marker` is set (Dapr) stop.
 *
 * @category encoders
 * @since 0.1.0
 */
export const page = <A>(
  items: ReadonlyArray<A>,
  keyOf: (a: A) => string,
  after: (a: A) => boolean,
  limit: number,
): { readonly items: ReadonlyArray<A>; readonly pageInfo: PageInfo } => {
  const start = items.findIndex(after)
  const rest = start < 0 ? [] : items.slice(start)
  const shown = rest.slice(0, limit)
  const first = shown[0]
  const last = shown[shown.length - 1]
  return {
    items: shown,
    pageInfo: {
      current_count: shown.length,
      ...(last !== undefined && rest.length > shown.length ? { next_marker: keyOf(last) } : {}),
      ...(first !== undefined ? { previous_marker: keyOf(first) } : {}),
    },
  }
}

// -------------------------------------------------------------------------------------
// identifiers
// -------------------------------------------------------------------------------------

/**
 * A fresh lower-case UUID v4 from the engine's random source: secret ids, event ids, task ids and
 * the default key's id.
 *
 * @category identifiers
 * @since 0.1.0
 */
export const uuid: (random: Random.Random) => string = Random.uuid
