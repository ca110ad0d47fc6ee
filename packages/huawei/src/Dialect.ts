/**
 * The Huawei CSMS dialect of the domain: the current and previous stage labels, the version and
 * stage limits of a secret, and the text rules for names, version ids and stages. The core knows
 * none of these numbers; every CSMS operation hands them in from here.
 *
 * @since 0.1.0
 */
import type { Secret, StageLabel, Text } from '@secrets-engine/core'

// -------------------------------------------------------------------------------------
// text rules
// -------------------------------------------------------------------------------------

/**
 * Secret names, stage names and event names: `^[a-zA-Z0-9_-]{1,64}$` (seed 004, SPEC).
 *
 * @category text rules
 * @since 0.1.0
 */
export const nameRule: Text.TextRule = { maxLength: 64, allowed: /^[a-zA-Z0-9_-]+$/ }

/**
 * Stage names, in paths and in `version_stages`: the path rule, so that every stage a version
 * carries can be shown and deleted by name.
 *
 * @category text rules
 * @since 0.1.0
 */
export const stageRule: Text.TextRule = nameRule

/**
 * Version ids are generated: `v` and a decimal counter (`v[0-9]{1,10}`).
 *
 * @category text rules
 * @since 0.1.0
 */
export const versionIdRule: Text.TextRule = { maxLength: 11, allowed: /^v[0-9]{1,10}$/ }

// -------------------------------------------------------------------------------------
// versioning rules
// -------------------------------------------------------------------------------------

/**
 * @category versioning rules
 * @since 0.1.0
 */
// Literals that pass `stageRule` (a test checks it), so the casts skip no real check.
export const currentStage = 'SYSCURRENT' as StageLabel.StageLabel

/**
 * @category versioning rules
 * @since 0.1.0
 */
export const previousStage = 'SYSPREVIOUS' as StageLabel.StageLabel

/**
 * SYSCURRENT, SYSPREVIOUS, at most 20 versions and 12 distinct stages per secret.
 *
 * @category versioning rules
 * @since 0.1.0
 */
export const rules: Secret.Rules = { currentStage, previousStage, maxVersions: 20, maxStages: 12 }

// -------------------------------------------------------------------------------------
// limits
// -------------------------------------------------------------------------------------

/**
 * The documented limits of request fields.
 *
 * @category limits
 * @since 0.1.0
 */
export const limits = {
  /** `secret_string` (UTF-8 bytes) and `secret_binary` (base64 characters): 32 KB. */
  valueBytes: 32_768,
  descriptionBytes: 2_048,
  rotationConfigChars: 1_024,
  rotationPeriodChars: 50,
  /** 6 h to 8,760 h, in seconds. */
  minRotationSeconds: 6 * 3_600,
  maxRotationSeconds: 8_760 * 3_600,
  eventSubscriptions: 1,
  eventSubscriptionChars: 32,
  versionStagesMin: 1,
  versionStagesMax: 12,
  maxExpireTime: 9_999_999_999_999,
  recoveryWindowMinDays: 7,
  recoveryWindowMaxDays: 30,
  tagsPerSecret: 20,
  tagKeyChars: 128,
  tagValueChars: 255,
  listLimitMax: 1_000,
  listLimitDefault: 50,
  enterpriseProjectIdChars: 36,
} as const

/**
 * The key that encrypts secrets created without `kms_key_id`.
 *
 * @category limits
 * @since 0.1.0
 */
export const defaultKeyAlias = 'csms/default'
