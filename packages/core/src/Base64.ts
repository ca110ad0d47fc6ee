/**
 * Base64 as RFC 4648 (section 4) defines it: the standard alphabet, with padding. Only the canonical
 * form decodes (no whitespace, no missing padding, zero bits where padding drops them), so that every
 * byte string has exactly one text. The empty text and the empty byte string encode each other.
 *
 * The core has no `Buffer` and no `btoa` (it runs on any platform and imports none), so the codec is
 * written here. Encoding writes the characters' codes into bytes and turns them into text with
 * `TextDecoder`, whose ASCII path is native: building the text four characters at a time cost
 * 400 µs for a 30 KiB value, ten times the AES-GCM work on it.
 *
 * @since 0.1.0
 */
import { allocate } from './internal/Slab.js'
import { decoder, encoder, scratch } from './internal/Utf8.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The canonical base64 text of `bytes`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const encode = (bytes: Uint8Array): string => {
  const length = bytes.length
  const size = Math.ceil(length / 3) * 4
  const out = size <= scratch.length ? scratch : new Uint8Array(size)
  const units = out === scratch ? scratchUnits : new Uint16Array(out.buffer)
  let u = 0
  let i = 0
  for (; i + 2 < length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    units[u] = pairs[n >>> 12] as number
    units[u + 1] = pairs[n & 4095] as number
    u += 2
  }
  const rest = length - i
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0)
    const o = u * 2
    out[o] = alphabet.charCodeAt(n >>> 18)
    out[o + 1] = alphabet.charCodeAt((n >>> 12) & 63)
    out[o + 2] = rest === 2 ? alphabet.charCodeAt((n >>> 6) & 63) : equals
    out[o + 3] = equals
  }
  const text = decoder.decode(out.subarray(0, size))
  // The text of a secret value is as secret as its bytes: wipe the copy at once.
  out.fill(0, 0, size)
  return text
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The bytes of canonical base64 text, or `undefined` when the text is not canonical base64. Treat
 * them as immutable: small results are views into a shared buffer (see `internal/Slab`).
 *
 * @category destructors
 * @since 0.1.0
 */
export const decode = (text: string): Uint8Array | undefined => {
  const length = text.length
  if (length % 4 !== 0) return undefined
  const src = length <= scratch.length ? scratch : new Uint8Array(length)
  // A non-ASCII character takes more than one byte, so the copy stops short or runs long: not base64.
  const { read, written } = encoder.encodeInto(text, src)
  const bytes = read === length && written === length ? decodeBytes(src, length) : undefined
  src.fill(0, 0, written)
  return bytes
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const equals = 61

// Both directions go through the core's shared scratch buffer (`internal/Utf8`), as the work is
// synchronous: a new ArrayBuffer costs about 0.5 µs (its allocation and the collector's
// bookkeeping), more than the base64 of a 100 B value's envelope, and large ones make the collector
// run more often. Longer texts than it holds get a buffer of their own.
const scratchUnits = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length / 2)

/**
 * `pairs[n]` is the two characters of the 12-bit group `n`, as one 16-bit unit in the platform's
 * byte order: the encoder writes two characters at a time.
 */
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1
const pairs = Uint16Array.from({ length: 4096 }, (_, n) => {
  const first = alphabet.charCodeAt(n >>> 6)
  const second = alphabet.charCodeAt(n & 63)
  return littleEndian ? first | (second << 8) : (first << 8) | second
})

/**
 * `sextetAt(shift)[byte]` is the sextet of a base64 character shifted to its place in a group of
 * four (18, 12, 6 or 0 bits), so that a group decodes as one OR of four lookups. A byte that is no
 * base64 character has a negative value in every table, which makes the whole group negative.
 */
const sextetAt = (shift: number): Int32Array =>
  Int32Array.from({ length: 256 }, (_, byte) => {
    const sextet = alphabet.indexOf(String.fromCharCode(byte))
    return sextet < 0 ? -1 << 24 : sextet << shift
  })
const at18 = sextetAt(18)
const at12 = sextetAt(12)
const at6 = sextetAt(6)
const at0 = sextetAt(0)

/**
 * The bytes of the base64 text in `src[0, length)`, whose length is a multiple of 4. `out` is taken
 * before the text is known to be valid, and may sit in the shared slab: every refusal wipes what was
 * decoded into it, as it may be part of a secret value.
 */
const decodeBytes = (src: Uint8Array, length: number): Uint8Array | undefined => {
  const padding = length > 0 && src[length - 1] === equals ? (src[length - 2] === equals ? 2 : 1) : 0
  const out = allocate((length / 4) * 3 - padding)
  // Groups without padding; a '=' anywhere in them is not a sextet, so it fails like any other.
  const full = padding === 0 ? length : length - 4
  let o = 0
  for (let i = 0; i < full; i += 4) {
    const n =
      (at18[src[i] as number] as number) |
      (at12[src[i + 1] as number] as number) |
      (at6[src[i + 2] as number] as number) |
      (at0[src[i + 3] as number] as number)
    if (n < 0) {
      out.fill(0)
      return undefined
    }
    out[o] = n >>> 16
    out[o + 1] = (n >>> 8) & 0xff
    out[o + 2] = n & 0xff
    o += 3
  }
  if (padding > 0) {
    const n =
      (at18[src[full] as number] as number) |
      (at12[src[full + 1] as number] as number) |
      (padding === 2 ? 0 : (at6[src[full + 2] as number] as number))
    // Canonical form: the bits that padding drops must be zero.
    if (n < 0 || (padding === 2 ? n & 0xffff : n & 0xff) !== 0) {
      out.fill(0)
      return undefined
    }
    out[o] = n >>> 16
    if (padding === 1) out[o + 1] = (n >>> 8) & 0xff
  }
  return out
}
