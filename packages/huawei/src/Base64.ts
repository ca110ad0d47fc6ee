/**
 * Base64 without `Buffer`, so the package runs wherever the core does: the core's canonical codec
 * (RFC 4648 with padding, one string form per byte string), and the URL-safe alphabet without
 * padding for backup blobs.
 *
 * @since 0.1.0
 */
import { Base64 } from '@secrets-engine/core'

/**
 * The bytes of canonical base64 text, or `undefined` when the text is not canonical base64.
 *
 * @category destructors
 * @since 0.1.0
 */
export const decode = (text: string): Uint8Array | undefined => Base64.decode(text)

/**
 * @category constructors
 * @since 0.1.0
 */
export const encode = (bytes: Uint8Array): string => Base64.encode(bytes)

/**
 * @category constructors
 * @since 0.1.0
 */
export const encodeUrl = (bytes: Uint8Array): string =>
  encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/**
 * The bytes of unpadded base64url text, or `undefined`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const decodeUrl = (text: string): Uint8Array | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  return decode(padded)
}
