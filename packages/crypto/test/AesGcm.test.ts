/**
 * Wycheproof's AES-GCM vectors against the primitive of each adapter: every valid case encrypts and
 * decrypts as listed, every invalid case is refused. Valid cases whose IV length a library does not
 * accept are skipped, and counted.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AesGcm, NobleAesGcm, NodeAesGcm } from '@secrets-engine/crypto'

interface Case {
  readonly tcId: number
  readonly comment: string
  readonly flags: ReadonlyArray<string>
  readonly key: string
  readonly iv: string
  readonly aad: string
  readonly msg: string
  readonly ct: string
  readonly tag: string
  readonly result: 'valid' | 'invalid' | 'acceptable'
}
interface Vectors {
  readonly numberOfTests: number
  readonly testGroups: ReadonlyArray<{ readonly ivSize: number; readonly tests: ReadonlyArray<Case> }>
}

// A copy kept in the repository, so that the tests need nothing outside it (see vectors/wycheproof/SOURCE.txt).
const vectors: Vectors = JSON.parse(
  readFileSync(new URL('./vectors/wycheproof/aes_gcm_test.json', import.meta.url), 'utf8'),
) as Vectors
const cases = vectors.testGroups.flatMap((group) => group.tests)
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'))
const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

it('holds every case of the vector file', () => {
  expect(cases.length).toBe(vectors.numberOfTests)
  expect(cases.every((c) => c.result === 'valid' || c.result === 'invalid')).toBe(true)
})

describe.each([
  ['NobleAesGcm', NobleAesGcm.aesGcm],
  ['NodeAesGcm', NodeAesGcm.aesGcm],
])('Wycheproof AES-GCM on %s', (name, aead) => {
  const accepts = (c: Case): boolean => {
    const ivLength = c.iv.length / 2
    return ivLength >= aead.nonceLength.min && ivLength <= aead.nonceLength.max
  }
  const valid = cases.filter((c) => c.result === 'valid')
  const invalid = cases.filter((c) => c.result === 'invalid')
  const skipped = valid.filter((c) => !accepts(c))
  console.log(
    `Wycheproof AES-GCM on ${name}: ${valid.length - skipped.length} valid and ${invalid.length} invalid cases run, ` +
      `${skipped.length} valid cases skipped (IV lengths ${[...new Set(skipped.map((c) => c.iv.length / 2))].join(', ')} bytes not accepted)`,
  )

  it.each(valid.filter(accepts))('valid case $tcId $comment encrypts and decrypts as listed', (c) => {
    const sealed = concat(hex(c.ct), hex(c.tag))
    expect(AesGcm.encrypt(aead)(hex(c.key), hex(c.iv), hex(c.aad), hex(c.msg))).toStrictEqual(sealed)
    expect(aead.decrypt(hex(c.key), hex(c.iv), hex(c.aad), sealed)).toStrictEqual(hex(c.msg))
  })

  it.each(invalid)('invalid case $tcId $comment [$flags] is refused', (c) => {
    expect(aead.decrypt(hex(c.key), hex(c.iv), hex(c.aad), concat(hex(c.ct), hex(c.tag)))).toBeUndefined()
    // An empty IV is refused on the way in too, not only on the way out.
    if (c.iv === '') expect(() => AesGcm.encrypt(aead)(hex(c.key), hex(c.iv), hex(c.aad), hex(c.msg))).toThrow()
  })

  it.skip.each(skipped)('valid case $tcId: IV length not accepted by the library', () => {})
})
