/**
 * The Alibaba Cloud KMS dialect of the domain: the names of the current and previous stage labels,
 * the version and label limits of a secret, and the text rules for names, version ids and labels.
 * The core knows none of these numbers; every Alibaba operation hands them in from here.
 *
 * @since 0.1.0
 */
import type { Secret, StageLabel, Text } from '@secrets-engine/core'

// -------------------------------------------------------------------------------------
// text rules
// -------------------------------------------------------------------------------------

/**
 * `SecretName`: 1 to 192 characters, letters, digits and `_ / + = . - @` (seed 000). The Chinese
 * metadata also admits Chinese characters; the current English page (which wins) does not.
 * The pattern is anchored and has no `g` flag: `RegExp.test` with `g` would keep state between calls.
 *
 * @category text rules
 * @since 0.1.0
 */
export const secretNameRule: Text.TextRule = { maxLength: 192, allowed: /^[A-Za-z0-9_/+=.@-]+$/ }

/**
 * `VersionId`: 1 to 64 characters. The seeds restrict only the length, so any character is allowed.
 *
 * @category text rules
 * @since 0.1.0
 */
export const versionIdRule: Text.TextRule = { maxLength: 64 }

/**
 * `VersionStage`: the seeds give no limit for custom labels; the project uses the version id's
 * (1 to 64 characters of any kind).
 *
 * @category text rules
 * @since 0.1.0
 */
export const stageLabelRule: Text.TextRule = { maxLength: 64 }

// -------------------------------------------------------------------------------------
// versioning rules
// -------------------------------------------------------------------------------------

/**
 * The label of the current version.
 *
 * @category versioning rules
 * @since 0.1.0
 */
// A literal that passes `stageLabelRule` (a test checks it), so the cast skips no real check.
export const currentStage = 'ACSCurrent' as StageLabel.StageLabel

/**
 * The label that the version losing `ACSCurrent` receives.
 *
 * @category versioning rules
 * @since 0.1.0
 */
export const previousStage = 'ACSPrevious' as StageLabel.StageLabel

/**
 * ACSCurrent, ACSPrevious, at most 10 versions and 8 distinct labels per secret.
 *
 * @category versioning rules
 * @since 0.1.0
 */
export const rules: Secret.Rules = { currentStage, previousStage, maxVersions: 10, maxStages: 8 }
