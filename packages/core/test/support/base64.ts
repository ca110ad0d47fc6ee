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
