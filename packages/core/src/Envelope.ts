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
import * as Base64 from './Base64.js'
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
 * Decodes the form written by `toBase64` (RFC 4648 base64 with padding, see `Base64`). Only the
 * canonical encoding is accepted, so that one envelope has exactly one string form.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromBase64 = (text: string): E.Either<CryptoError, Envelope> => {
  const bytes = Base64.decode(text)
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
export const toBase64 = (envelope: Envelope): string => Base64.encode(envelope.bytes)

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
