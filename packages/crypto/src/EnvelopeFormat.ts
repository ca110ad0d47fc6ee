/**
 * The byte layout of an envelope, format 1, shared by every AES-GCM adapter so that an envelope sealed
 * by one opens with another. All integers are big-endian.
 *
 * ```
 * offset        size   field
 * 0             1      format = 0x01
 * 1             2      L, the byte length of the key id
 * 3             L      master key id, UTF-8
 * 3+L           4      master key material version
 * 7+L           12     wrap nonce
 * 19+L          48     data key (32) wrapped under the master key material, then its tag (16)
 * 67+L          12     data nonce
 * 79+L          n+16   the plaintext (n) encrypted under the data key, then its tag (16)
 * ```
 *
 * Associated data, with the context `ctx = u32(len a) || a || u32(len b) || b` where `a` and `b` are
 * the secret name and version id as UTF-16BE code units (lengths in bytes):
 * the wrapped key is bound to `header || ctx` (header = the first 7+L bytes), and the data to
 * `format || ctx`. The data's associated data leaves out the material version so that `rewrap` can
 * change it without touching the data ciphertext. Length prefixes make the encoding injective: no two
 * (name, version id) pairs give the same bytes, which plain concatenation would not ensure.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EnvelopeCipher } from '@secrets-engine/core'
import { CryptoError, type Envelope } from '@secrets-engine/core'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface EnvelopeHeader {
  readonly format: number
  readonly keyId: string
  readonly materialVersion: number
}

/**
 * An envelope split into its fields. The byte fields are views into the envelope, not copies.
 *
 * @category model
 * @since 0.1.0
 */
export interface EnvelopeParts extends EnvelopeHeader {
  readonly header: Uint8Array
  readonly wrapNonce: Uint8Array
  readonly wrappedKey: Uint8Array
  /** The data nonce followed by the data ciphertext and tag: what `rewrap` carries over untouched. */
  readonly body: Uint8Array
  readonly dataNonce: Uint8Array
  readonly sealedData: Uint8Array
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const format = 1

/**
 * @category constants
 * @since 0.1.0
 */
export const dataKeyLength = 32

/**
 * @category constants
 * @since 0.1.0
 */
export const nonceLength = 12

/**
 * @category constants
 * @since 0.1.0
 */
export const tagLength = 16

/**
 * @category constants
 * @since 0.1.0
 */
export const wrappedKeyLength: number = dataKeyLength + tagLength

/**
 * The smallest envelope: a one-byte key id and an empty plaintext. Anything shorter is malformed.
 *
 * @category constants
 * @since 0.1.0
 */
export const minLength: number = 7 + 1 + nonceLength + wrappedKeyLength + nonceLength + tagLength

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const utf8 = new TextEncoder()
const utf8Strict = new TextDecoder('utf-8', { fatal: true })

/**
 * The header bytes for a key id and material version.
 *
 * @category constructors
 * @since 0.1.0
 */
export const header = (keyId: string, materialVersion: number): Uint8Array => {
  const id = utf8.encode(keyId)
  const out = new Uint8Array(7 + id.length)
  const view = new DataView(out.buffer)
  out[0] = format
  view.setUint16(1, id.length)
  out.set(id, 3)
  view.setUint32(3 + id.length, materialVersion)
  return out
}

/**
 * The associated data that binds an envelope to a secret name and version id, after `prefix` (the
 * header for the wrapped key, the format byte for the data).
 *
 * @category constructors
 * @since 0.1.0
 */
export const associatedData = (prefix: Uint8Array, context: EnvelopeCipher.EnvelopeContext): Uint8Array => {
  const { secretName, versionId } = context
  const out = new Uint8Array(prefix.length + 8 + 2 * (secretName.length + versionId.length))
  out.set(prefix)
  const view = new DataView(out.buffer)
  let at = prefix.length
  for (const text of [secretName, versionId]) {
    view.setUint32(at, 2 * text.length)
    at += 4
    // UTF-16 code units, not UTF-8: every JavaScript string, lone surrogates included, has its own
    // encoding, where UTF-8 would map all lone surrogates to U+FFFD.
    for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i))
  }
  return out
}

/**
 * The associated data of the data ciphertext: the format byte, then the context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const dataAssociatedData = (context: EnvelopeCipher.EnvelopeContext): Uint8Array =>
  associatedData(formatPrefix, context)

const formatPrefix = new Uint8Array([format])

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Splits envelope bytes into their fields, or `undefined` when they are not a format-1 envelope.
 *
 * @category destructors
 * @since 0.1.0
 */
export const parse = (bytes: Uint8Array): EnvelopeParts | undefined => {
  if (bytes.length < minLength || bytes[0] !== format) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const idLength = view.getUint16(1)
  const headerLength = 7 + idLength
  if (idLength === 0 || bytes.length < minLength - 1 + idLength) return undefined
  let keyId: string
  try {
    keyId = utf8Strict.decode(bytes.subarray(3, 3 + idLength))
  } catch {
    return undefined
  }
  const wrapAt = headerLength + nonceLength
  const bodyAt = wrapAt + wrappedKeyLength
  return {
    format,
    keyId,
    materialVersion: view.getUint32(3 + idLength),
    header: bytes.subarray(0, headerLength),
    wrapNonce: bytes.subarray(headerLength, wrapAt),
    wrappedKey: bytes.subarray(wrapAt, bodyAt),
    body: bytes.subarray(bodyAt),
    dataNonce: bytes.subarray(bodyAt, bodyAt + nonceLength),
    sealedData: bytes.subarray(bodyAt + nonceLength),
  }
}

/**
 * The format, master key id and material version of an envelope, read without any key: which key a
 * stored value depends on, for rotation and audits.
 *
 * @category destructors
 * @since 0.1.0
 */
export const readHeader = (envelope: Envelope.Envelope): E.Either<CryptoError.CryptoError, EnvelopeHeader> => {
  const parts = parse(envelope.bytes)
  return parts === undefined
    ? E.left(CryptoError.malformedEnvelope('not a format-1 envelope'))
    : E.right({ format: parts.format, keyId: parts.keyId, materialVersion: parts.materialVersion })
}
