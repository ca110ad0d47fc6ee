/**
 * The small conventions every Alibaba response shares: UTC dates with second precision, ARNs,
 * request ids, list wrapping, and intervals in seconds.
 *
 * @since 0.1.0
 */
import { Random } from '@secrets-engine/core'

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
  // Dates of the four-digit years are computed from the number itself (the days-to-civil algorithm of
  // Howard Hinnant's "chrono-compatible low-level date algorithms"): no Date object, 0.13 µs against
  // 0.21 for the UTC getters, and every response formats a date or two (ListSecrets: 200 a page).
  if (!Number.isInteger(millis) || millis < firstFourDigitYear || millis >= firstFiveDigitYear) {
    // Other widths take `toISOString`'s form (0999, +010000), whose `.sssZ` is dropped.
    return `${new Date(millis).toISOString().slice(0, -5)}Z`
  }
  const days = Math.floor(millis / 86_400_000)
  const secondOfDay = Math.floor((millis - days * 86_400_000) / 1000)
  const shifted = days + 719_468 // days since 0000-03-01
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const hours = Math.floor(secondOfDay / 3600)
  const minutes = Math.floor((secondOfDay % 3600) / 60)
  return `${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(secondOfDay % 60)}Z`
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
export const requestId: (random: Random.Random) => string = Random.uuid

/**
 * A source of request ids: lower-case UUIDs v4, their bytes drawn from `random` 256 ids at a time.
 * Drawing 16 bytes per request cost more than formatting them (a Web Crypto call each: 13% of a
 * GetSecretValue in a CPU profile); a request id is not a secret, so holding the next ones in memory
 * costs nothing. The ids are formatted 16 at a time into one text (`Random.uuidsOf`), and each id is
 * a slice of it. V8 keeps a slice's whole text alive while the slice lives, so the text is kept
 * short: a caller that keeps one response in a batch keeps 576 characters with it, not 9,216.
 *
 * @category destructors
 * @since 0.1.0
 */
export const requestIds = (random: Random.Random): (() => string) => {
  const drawnBytes = 16 * 256 // the bytes of 256 ids
  const formattedBytes = 16 * 16 // the bytes of the 16 ids in one text
  let bytes: Uint8Array = new Uint8Array(0)
  let used = 0
  let ids = ''
  let at = 0
  return () => {
    if (at >= ids.length) {
      if (used >= bytes.length) {
        bytes = random.bytes(drawnBytes)
        used = 0
      }
      ids = Random.uuidsOf(bytes.subarray(used, used + formattedBytes))
      used += formattedBytes
      at = 0
    }
    const id = ids.slice(at, at + Random.uuidLength)
    at += Random.uuidLength
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
  const arn = arnParts(reference)
  return arn !== undefined && arn.region === region && arn.accountId === accountId ? arn.name : undefined
}

/**
 * The region, account id and name of an ARN `acs:kms:<region>:<accountId>:secret/<name>`, or
 * undefined for any other text.
 *
 * @category destructors
 * @since 0.1.0
 */
export const arnParts = (
  text: string,
): { readonly region: string; readonly accountId: string; readonly name: string } | undefined => {
  const match = arnPattern.exec(text)
  if (match === null) return undefined
  const [, region = '', accountId = '', name = ''] = match
  return { region, accountId, name }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const arnPattern = /^acs:kms:([^:]*):([^:]*):secret\/(.+)$/

/** Two digits, for the months, days, hours, minutes and seconds of a date. */
const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'))
const two = (n: number): string => twoDigits[n] ?? '00'

const firstFourDigitYear = Date.UTC(1000, 0, 1)
const firstFiveDigitYear = Date.UTC(10000, 0, 1)
