/**
 * The UUID v4 that 16 bytes make, written the plain way for tests to compare with: the bytes as
 * lower-case hex with the version nibble 4 and the variant bits 10, cut into the five groups.
 */
export const uuidOf = (sixteen: Uint8Array): string => {
  const b = Uint8Array.from(sixteen)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = Buffer.from(b).toString('hex')
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-')
}
