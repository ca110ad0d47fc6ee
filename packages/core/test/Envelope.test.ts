import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CryptoError, Envelope } from '@secrets-engine/core'

describe('Envelope', () => {
  it('round-trips through base64, and writes what Node writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const text = Envelope.toBase64({ bytes })
        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(Envelope.fromBase64(text)).toStrictEqual(E.right({ bytes }))
      }),
    )
  })

  it('round-trips values large enough to be built in several slices', () => {
    for (const length of [6143, 6144, 6145, 6146, 12_288, 31_000, 40_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + (i >>> 8)) & 0xff)
      const text = Envelope.toBase64({ bytes })
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect(Envelope.fromBase64(text)).toStrictEqual(E.right({ bytes }))
    }
  })

  it('hands out envelopes that stay as they were while many more are decoded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 3000 }), { minLength: 1, maxLength: 40 }),
        (all) => {
          const decoded = all.map((bytes) => Envelope.fromBase64(Envelope.toBase64({ bytes })))
          expect(decoded).toStrictEqual(all.map((bytes) => E.right({ bytes })))
        },
      ),
    )
  })

  it('accepts exactly the canonical base64 texts, as Node reads them', () => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ '.split('')
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 24 }), (list) => {
        const text = list.join('')
        const bytes = Buffer.from(text, 'base64')
        const canonical = text.length > 0 && bytes.toString('base64') === text
        expect(Envelope.fromBase64(text)).toStrictEqual(
          canonical
            ? E.right({ bytes: new Uint8Array(bytes) })
            : E.left(CryptoError.malformedEnvelope(text === '' ? 'empty' : 'not canonical base64')),
        )
      }),
    )
  })

  it('refuses the empty text as an empty envelope', () => {
    expect(Envelope.fromBase64('')).toStrictEqual(E.left(CryptoError.malformedEnvelope('empty')))
  })

  it.each([
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
  ])('refuses %j as not canonical base64', (text) => {
    expect(Envelope.fromBase64(text)).toStrictEqual(E.left(CryptoError.malformedEnvelope('not canonical base64')))
  })

  it('leaves nothing of a refused text in the shared buffer that decoded envelopes are views of', () => {
    const secret = new TextEncoder().encode('secret-value')
    const holds = (buffer: ArrayBufferLike): boolean => {
      const all = new Uint8Array(buffer)
      return all.some((_, at) => secret.every((byte, i) => all[at + i] === byte))
    }
    const before = Envelope.fromBase64('AAAA')
    // Four groups decode to 'secret-value' before the fifth fails.
    expect(Envelope.fromBase64(Buffer.from(secret).toString('base64') + 'AB$A')).toStrictEqual(
      E.left(CryptoError.malformedEnvelope('not canonical base64')),
    )
    expect(Envelope.fromBase64(Buffer.from(secret).toString('base64') + 'AB==')).toStrictEqual(
      E.left(CryptoError.malformedEnvelope('not canonical base64')),
    )
    const after = Envelope.fromBase64('AAAA')
    if (E.isLeft(before) || E.isLeft(after)) return expect.fail('AAAA is canonical base64')
    expect(holds(before.right.bytes.buffer)).toBe(false)
    expect(holds(after.right.bytes.buffer)).toBe(false)
  })

  it('says why it refuses', () => {
    expect(Envelope.fromBase64('A')).toStrictEqual(E.left(CryptoError.malformedEnvelope('not canonical base64')))
    expect(Envelope.fromBase64('')).toStrictEqual(E.left(CryptoError.malformedEnvelope('empty')))
    expect(Envelope.fromBytes(new Uint8Array(0))).toStrictEqual(E.left(CryptoError.malformedEnvelope('empty')))
  })

  it('reads the format byte and compares byte-wise', () => {
    const a = { bytes: Uint8Array.of(1, 2, 3) }
    expect(Envelope.format(a)).toBe(1)
    expect(Envelope.Eq.equals(a, { bytes: Uint8Array.of(1, 2, 3) })).toBe(true)
    expect(Envelope.Eq.equals(a, { bytes: Uint8Array.of(1, 2, 4) })).toBe(false)
    expect(Envelope.Eq.equals(a, { bytes: Uint8Array.of(1, 2) })).toBe(false)
  })
})
