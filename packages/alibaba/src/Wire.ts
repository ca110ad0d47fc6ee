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
export const date = (millis: number): string => {
  const d = new Date(millis)
  const year = d.getUTCFullYear()
  // The UTC getters cost less than half of `toISOString` (every response formats a date or two).
  // Years of other widths take `toISOString`'s form (0999, +010000), whose `.sssZ` is dropped.
  if (year < 1000 || year > 9999) return `${d.toISOString().slice(0, -5)}Z`
  return `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}Z`
}

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
export const requestId = (random: Random.Random): string => uuid(random.bytes(16), 0)

/**
 * A source of request ids: lower-case UUIDs v4 drawn from `random` 256 at a time. Drawing 16 bytes
 * per request cost more than formatting them (a Web Crypto call each: 13% of a GetSecretValue in a
 * CPU profile); a request id is not a secret, so holding the next ones in memory costs nothing.
 *
 * @category destructors
 * @since 0.1.0
 */
export const requestIds = (random: Random.Random): (() => string) => {
  const batch = 256
  let bytes: Uint8Array = new Uint8Array(0)
  let at = 0
  return () => {
    if (at >= bytes.length) {
      bytes = random.bytes(16 * batch)
      at = 0
    }
    const id = uuid(bytes, at)
    at += 16
    return id
  }
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

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** The UUID v4 made of the 16 bytes at `at`, with its version and variant bits set. */
const uuid = (b: Uint8Array, at: number): string => {
  const h = (i: number): string => hex[b[at + i] ?? 0] ?? '00'
  const version = hex[((b[at + 6] ?? 0) & 0x0f) | 0x40] ?? '40'
  const variant = hex[((b[at + 8] ?? 0) & 0x3f) | 0x80] ?? '80'
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${version}${h(7)}-${variant}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`
}
