import fc from 'fast-check'

/** Texts that are not canonical base64 (RFC 4648 with padding): every decoder of it must refuse them. */
export const nonCanonicalTexts: ReadonlyArray<string> = [
  'A',
  'AA',
  'AAA',
  'A===',
  '====',
  'AB=A',
  'AB==AB==',
  'ABC$',
  'AB\u00e9=',
  '\u20ac\u20ac\u20ac\u20ac',
  'AB\u{1f600}',
  'AB=',
  'AQ=',
  'AR==',
  'AAB=',
]

/** Short texts of base64 characters, padding, the URL-safe alphabet and a space, in any order. */
export const base64ishTexts: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ '.split('')), {
    maxLength: 24,
  })
  .map((chars) => chars.join(''))

/** What Node reads in `text` (it skips what is not base64), and whether `text` is its canonical form. */
export const asNodeReadsIt = (text: string): { readonly bytes: Uint8Array; readonly canonical: boolean } => {
  const bytes = Buffer.from(text, 'base64')
  return { bytes: new Uint8Array(bytes), canonical: bytes.toString('base64') === text }
}
