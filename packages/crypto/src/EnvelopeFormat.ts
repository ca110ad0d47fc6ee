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
 * Associated data. The context is `ctx = u32(len a) || a || u32(len b) || b`, where `a` and `b` are the
 * secret name and version id as UTF-16BE code units (lengths in bytes). The wrapped key is bound to
 * `ctx || header` (header = the first 7+L bytes), the data to `ctx || format`. The data's associated
 * data leaves out the key id and material version so that `rewrap` can change the wrapping without
 * touching the data ciphertext. Length prefixes make the encoding injective: no two (name, version id)
 * pairs give the same bytes, which plain concatenation would not ensure. The context comes first so
 * that both are views of one buffer.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EnvelopeCipher } from '@secrets-engine/core'
import { CryptoError, type Envelope } from '@secrets-engine/core'
import { tagLength } from './AesGcm.js'

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
  /** The header is the envelope's first `headerLength` bytes. */
  readonly headerLength: number
  readonly wrapNonce: Uint8Array
  readonly wrappedKey: Uint8Array
  /** Where the body starts: the data nonce, ciphertext and tag, which `rewrap` carries over untouched. */
  readonly bodyAt: number
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
 * The GCM tag length of both tags, the one constant `AesGcm` declares.
 *
 * @category constants
 * @since 0.1.0
 */
export { tagLength }

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

const writeUint16 = (out: Uint8Array, at: number, n: number): void => {
  out[at] = n >>> 8
  out[at + 1] = n & 0xff
}
const writeUint32 = (out: Uint8Array, at: number, n: number): void => {
  writeUint16(out, at, n >>> 16)
  writeUint16(out, at + 2, n & 0xffff)
}
const readUint16 = (bytes: Uint8Array, at: number): number => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)
const readUint32 = (bytes: Uint8Array, at: number): number =>
  readUint16(bytes, at) * 0x10000 + readUint16(bytes, at + 2)

const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false
  return true
}

/**
 * The byte length of the header for `keyId`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const headerLength = (keyId: string): number => 7 + (isAscii(keyId) ? keyId.length : utf8.encode(keyId).length)

/**
 * Writes the header for a key id and material version at the start of `out`. `length` must be
 * `headerLength(keyId)`: the caller has measured it to size the envelope, so the key id is not
 * measured twice. Writing into the envelope itself spares a buffer per seal: small typed arrays cost
 * more to allocate than to fill. Throws a RangeError for an empty key id or one longer than 65,535
 * bytes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const writeHeader = (out: Uint8Array, keyId: string, materialVersion: number, length: number): void => {
  const idLength = length - 7
  // Key ids are short in every KMS; a keyring handing out one that does not fit is a bug, and writing
  // it truncated would make the envelope unreadable, so refuse loudly.
  if (idLength <= 0 || idLength > 0xffff) throw new RangeError(`key id of ${idLength} bytes`)
  out[0] = format
  writeUint16(out, 1, idLength)
  // A text has as many UTF-8 bytes as UTF-16 units exactly when it is ASCII: copy those directly.
  if (idLength === keyId.length) for (let i = 0; i < idLength; i++) out[3 + i] = keyId.charCodeAt(i)
  else out.set(utf8.encode(keyId), 3)
  writeUint32(out, 3 + idLength, materialVersion)
}

/**
 * The header bytes for a key id and material version.
 *
 * @category constructors
 * @since 0.1.0
 */
export const header = (keyId: string, materialVersion: number): Uint8Array => {
  const length = headerLength(keyId)
  const out = new Uint8Array(length)
  writeHeader(out, keyId, materialVersion, length)
  return out
}

/**
 * The associated data of an envelope: `ctx || header` for the wrapped key, and its first bytes,
 * `ctx || format`, for the data.
 *
 * @category model
 * @since 0.1.0
 */
export interface AssociatedData {
  readonly wrap: Uint8Array
  readonly data: Uint8Array
}

const writeText = (out: Uint8Array, at: number, text: string): number => {
  writeUint32(out, at, 2 * text.length)
  at += 4
  // UTF-16 code units, not UTF-8: every JavaScript string, lone surrogates included, has its own
  // encoding, where UTF-8 would map all lone surrogates to U+FFFD.
  for (let i = 0; i < text.length; i++, at += 2) writeUint16(out, at, text.charCodeAt(i))
  return at
}

/**
 * A builder of associated data that reuses one buffer: the views it returns are valid until its next
 * call. An envelope cipher uses them at once, synchronously, so one buffer per cipher suffices, and
 * it saves an allocation on every seal and open. The buffer holds names and headers, nothing secret.
 *
 * @category constructors
 * @since 0.1.0
 */
export const associatedDataBuilder = (): ((
  context: EnvelopeCipher.EnvelopeContext,
  header: Uint8Array,
  headerLength: number,
) => AssociatedData) => {
  let scratch = new Uint8Array(256)
  return (context, header, headerLength) => {
    const length = 8 + 2 * (context.secretName.length + context.versionId.length) + headerLength
    if (scratch.length < length) scratch = new Uint8Array(Math.max(length, 2 * scratch.length))
    const at = writeText(scratch, writeText(scratch, 0, context.secretName), context.versionId)
    for (let i = 0; i < headerLength; i++) scratch[at + i] = header[i] ?? 0
    return { wrap: scratch.subarray(0, at + headerLength), data: scratch.subarray(0, at + 1) }
  }
}

/**
 * The associated data for an envelope whose header is the first `headerLength` bytes of `header`, in
 * a buffer of its own.
 *
 * @category constructors
 * @since 0.1.0
 */
export const associatedData = (
  context: EnvelopeCipher.EnvelopeContext,
  header: Uint8Array,
  headerLength: number = header.length,
): AssociatedData => {
  const { wrap, data } = associatedDataBuilder()(context, header, headerLength)
  const copy = Uint8Array.from(wrap)
  return { wrap: copy, data: copy.subarray(0, data.length) }
}

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
  const idLength = readUint16(bytes, 1)
  if (idLength === 0 || bytes.length < minLength - 1 + idLength) return undefined
  let keyId: string
  try {
    keyId = utf8Strict.decode(bytes.subarray(3, 3 + idLength))
  } catch {
    return undefined
  }
  const length = 7 + idLength
  const wrapAt = length + nonceLength
  const bodyAt = wrapAt + wrappedKeyLength
  return {
    format,
    keyId,
    materialVersion: readUint32(bytes, 3 + idLength),
    headerLength: length,
    wrapNonce: bytes.subarray(length, wrapAt),
    wrappedKey: bytes.subarray(wrapAt, bodyAt),
    bodyAt,
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
