/**
 * What both gateways' signature checks share: hex SHA-256 and HMAC-SHA256, a comparison of a computed
 * signature with the one given that takes the same time whatever the bytes, and the 15 minutes a
 * request's own time may be from the server's clock, either way (Alibaba's gateway and Huawei's
 * both allow that much). Internal to the server.
 *
 * @since 0.1.0
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * How far a signed request's time may be from the server's, either way: 15 minutes.
 *
 * @since 0.1.0
 */
export const timeTolerance = 15 * 60 * 1000

/**
 * Whether a request signed at `timestamp` may be served at `now` (both epoch ms).
 *
 * @since 0.1.0
 */
export const isTimely = (now: number, timestamp: number): boolean => Math.abs(now - timestamp) <= timeTolerance

/**
 * The lower-case hex SHA-256 of bytes, or of a string's UTF-8.
 *
 * @since 0.1.0
 */
export const sha256Hex = (data: string | Uint8Array): string =>
  typeof data === 'string'
    ? createHash('sha256').update(data, 'utf8').digest('hex')
    : createHash('sha256').update(data).digest('hex')

/**
 * The lower-case hex HMAC-SHA256 of a string's UTF-8 under a key.
 *
 * @since 0.1.0
 */
export const hmacSha256Hex = (key: string, data: string): string =>
  createHmac('sha256', key).update(data, 'utf8').digest('hex')

/**
 * Whether a signature given equals the one computed, in constant time for equal lengths, so that a
 * caller cannot find a signature byte by byte.
 *
 * @since 0.1.0
 */
export const signaturesEqual = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(given, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
