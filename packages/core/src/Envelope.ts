/**
 * An envelope: a secret value sealed by an `EnvelopeCipher`, as opaque bytes. The first byte names
 * the format; the rest (key id, key material version, wrapped data key, nonces, ciphertext) is the
 * cipher's business. Envelopes are what the store holds instead of plaintext, so they serialise:
 * `toBase64` and `fromBase64` give a string form for snapshots and files.
 *
 * Treat `bytes` as immutable: ciphers never keep a reference to it, and neither should callers
 * write into it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as Eq_ from 'fp-ts/lib/Eq.js'
import type { CryptoError } from './CryptoError.js'
import { malformedEnvelope } from './CryptoError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Envelope {
  readonly bytes: Uint8Array
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Wraps bytes read back from storage. Only emptiness is checked here: whether the bytes verify is for
 * the cipher's `open` to say.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromBytes = (bytes: Uint8Array): E.Either<CryptoError, Envelope> =>
  bytes.length === 0 ? E.left(malformedEnvelope('empty')) : E.right({ bytes })

/**
 * Decodes the form written by `toBase64` (RFC 4648 base64 with padding). Only the canonical encoding
 * is accepted, so that one envelope has exactly one string form.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromBase64 = (text: string): E.Either<CryptoError, Envelope> => {
  const bytes = decodeBase64(text)
  return bytes === undefined ? E.left(malformedEnvelope('not canonical base64')) : fromBytes(bytes)
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The format byte, first in every envelope.
 *
 * @category destructors
 * @since 0.1.0
 */
export const format = (envelope: Envelope): number => envelope.bytes[0] ?? 0

/**
 * @category destructors
 * @since 0.1.0
 */
export const toBase64 = (envelope: Envelope): string => encodeBase64(envelope.bytes)

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * Byte-wise equality. Not constant-time: envelopes are ciphertext, not secrets.
 *
 * @category instances
 * @since 0.1.0
 */
export const Eq: Eq_.Eq<Envelope> = {
  equals: (x, y) => {
    if (x.bytes.length !== y.bytes.length) return false
    for (let i = 0; i < x.bytes.length; i++) if (x.bytes[i] !== y.bytes[i]) return false
    return true
  },
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

// The core has no Buffer and no btoa (it runs on any platform and imports none), so base64 is here.
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const sextets: ReadonlyArray<number> = Array.from({ length: 128 }, (_, code) =>
  alphabet.indexOf(String.fromCharCode(code)),
)

const encodeBase64 = (bytes: Uint8Array): string => {
  const out: Array<string> = []
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out.push(
      alphabet.charAt(n >>> 18) +
        alphabet.charAt((n >>> 12) & 63) +
        alphabet.charAt((n >>> 6) & 63) +
        alphabet.charAt(n & 63),
    )
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16
    out.push(alphabet.charAt(n >>> 18) + alphabet.charAt((n >>> 12) & 63) + '==')
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8)
    out.push(alphabet.charAt(n >>> 18) + alphabet.charAt((n >>> 12) & 63) + alphabet.charAt((n >>> 6) & 63) + '=')
  }
  return out.join('')
}

const decodeBase64 = (text: string): Uint8Array | undefined => {
  if (text.length % 4 !== 0) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  const sextet = (i: number): number => {
    const code = text.charCodeAt(i)
    return code < 128 ? (sextets[code] ?? -1) : -1
  }
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length
    const a = sextet(i)
    const b = sextet(i + 1)
    const c = last && padding === 2 ? 0 : sextet(i + 2)
    const d = last && padding >= 1 ? 0 : sextet(i + 3)
    if (a < 0 || b < 0 || c < 0 || d < 0) return undefined
    const n = (a << 18) | (b << 12) | (c << 6) | d
    out[o++] = n >>> 16
    if (o < out.length) out[o++] = (n >>> 8) & 0xff
    if (o < out.length) out[o++] = n & 0xff
    // Canonical form: the bits that padding drops must be zero.
    if (last && ((padding === 2 && (n & 0xffff) !== 0) || (padding === 1 && (n & 0xff) !== 0))) return undefined
  }
  return out
}
