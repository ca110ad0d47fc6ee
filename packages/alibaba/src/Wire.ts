/**
 * The small conventions every Alibaba response shares: UTC dates with second precision, ARNs,
 * request ids, list wrapping, and intervals in seconds.
 *
 * @since 0.1.0
 */
import type { Random } from '@secrets-engine/core'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * `2024-04-15T07:02:14Z`: UTC, second precision.
 *
 * @category destructors
 * @since 0.1.0
 */
export const date = (millis: number): string => new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * `acs:kms:<region>:<accountId>:secret/<name>`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const arn = (region: string, accountId: string, name: string): string =>
  `acs:kms:${region}:${accountId}:secret/${name}`

/**
 * `604800s`: the form every response gives a rotation interval in.
 *
 * @category destructors
 * @since 0.1.0
 */
export const seconds = (value: number): string => `${value}s`

/**
 * A lower-case UUID v4 drawn from `random`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const requestId = (random: Random.Random): string => {
  const b = random.bytes(16)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The secret name a `SecretName` parameter means: the name itself, or the name inside the
 * secret's ARN. An ARN of another region or account names no secret here.
 *
 * @category destructors
 * @since 0.1.0
 */
export const nameFromReference = (region: string, accountId: string, reference: string): string | undefined => {
  if (!reference.startsWith('acs:kms:')) return reference
  const prefix = `acs:kms:${region}:${accountId}:secret/`
  return reference.startsWith(prefix) && reference.length > prefix.length ? reference.slice(prefix.length) : undefined
}
