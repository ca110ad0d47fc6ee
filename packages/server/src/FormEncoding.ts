/**
 * `application/x-www-form-urlencoded` as the RPC API carries it, in both directions. Decoding is
 * strict where browsers are lenient: a bad percent escape or bytes that are not UTF-8 are errors, not
 * replacement characters, because a signature computed over a silently repaired value would fail
 * for reasons the caller cannot see. Encoding is the RFC 3986 form the Alibaba SDKs sign with
 * (`encodeURIComponent` plus `!'()*`), so the server's canonical strings are byte for byte theirs.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Decoded name/value pairs in the order they came.
 *
 * @category model
 * @since 0.1.0
 */
export type Pairs = ReadonlyArray<readonly [string, string]>

// -------------------------------------------------------------------------------------
// encoding
// -------------------------------------------------------------------------------------

/**
 * RFC 3986 percent-encoding: only `A-Za-z0-9-_.~` stay as they are.
 *
 * @category encoding
 * @since 0.1.0
 */
export const percentEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true })

const hex = (byte: number | undefined): number => {
  if (byte === undefined) return -1
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57
  return -1
}

// One name or value: `+` is a space, `%XX` a byte, the bytes UTF-8.
const decodeComponent = (bytes: Uint8Array): E.Either<string, string> => {
  const out = new Uint8Array(bytes.length)
  let n = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x25) {
      const hi = hex(bytes[i + 1])
      const lo = hex(bytes[i + 2])
      if (hi < 0 || lo < 0) return E.left('A percent sign is not followed by two hexadecimal digits.')
      out[n++] = hi * 16 + lo
      i += 2
    } else {
      out[n++] = b === 0x2b ? 0x20 : b
    }
  }
  try {
    return E.right(utf8.decode(out.subarray(0, n)))
  } catch {
    return E.left('A parameter is not valid UTF-8.')
  }
}

/**
 * Decodes a query string (without `?`) or a form body. Empty segments (`a=1&&b=2`) are skipped; a
 * segment without `=` is a name with an empty value. The error is a reason that quotes no value.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (bytes: Uint8Array): E.Either<string, Pairs> => {
  const pairs: Array<readonly [string, string]> = []
  let start = 0
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x26, start)
    if (end < 0) end = bytes.length
    if (end > start) {
      const segment = bytes.subarray(start, end)
      const eq = segment.indexOf(0x3d)
      const name = decodeComponent(eq < 0 ? segment : segment.subarray(0, eq))
      if (E.isLeft(name)) return name
      const value = eq < 0 ? E.right('') : decodeComponent(segment.subarray(eq + 1))
      if (E.isLeft(value)) return value
      pairs.push([name.right, value.right])
    }
    start = end + 1
  }
  return E.right(pairs)
}
