/**
 * Rules for the short identifiers of the domain (secret names, version ids, stage labels). Each
 * dialect states its own limits as a `TextRule`; the branded constructors of `SecretName`,
 * `VersionId` and `StageLabel` check a string against one.
 *
 * @since 0.1.0
 */
import type { TextProblem } from './DomainError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Lengths are counted in Unicode code points, the way the clouds count "characters".
 *
 * @category model
 * @since 0.1.0
 */
export interface TextRule {
  readonly maxLength: number
  /** Every character must match this pattern; `undefined` allows any character. */
  readonly allowed?: RegExp
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The first problem of `value` under `rule`, or `undefined` when the value is valid.
 *
 * @category destructors
 * @since 0.1.0
 */
export const problemOf =
  (rule: TextRule) =>
  (value: string): TextProblem | undefined => {
    if (value.length === 0) return 'Empty'
    // A string has at least as many UTF-16 units as code points, so most values skip the count.
    if (value.length > rule.maxLength && codePointLength(value) > rule.maxLength) return 'TooLong'
    if (rule.allowed !== undefined && !rule.allowed.test(value)) return 'InvalidCharacter'
    return undefined
  }

/**
 * @category destructors
 * @since 0.1.0
 */
export const codePointLength = (value: string): number => {
  let n = 0
  for (const _ of value) n++
  return n
}
