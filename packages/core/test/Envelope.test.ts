import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CryptoError, Envelope } from '@secrets-engine/core'
import { asNodeReadsIt, base64ishTexts, nonCanonicalTexts } from './support/base64.js'

// The codec itself is tested in Base64.test.ts; these tests are about the envelope's use of it.

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

  it('accepts exactly the canonical base64 texts, as Node reads them', () => {
    fc.assert(
      fc.property(base64ishTexts, (text) => {
        const { bytes, canonical } = asNodeReadsIt(text)
        expect(Envelope.fromBase64(text)).toStrictEqual(
          text.length > 0 && canonical
            ? E.right({ bytes })
            : E.left(CryptoError.malformedEnvelope(text === '' ? 'empty' : 'not canonical base64')),
        )
      }),
    )
  })

  it('refuses the empty text as an empty envelope', () => {
    expect(Envelope.fromBase64('')).toStrictEqual(E.left(CryptoError.malformedEnvelope('empty')))
  })

  it.each(nonCanonicalTexts)('refuses %j as not canonical base64', (text) => {
    expect(Envelope.fromBase64(text)).toStrictEqual(E.left(CryptoError.malformedEnvelope('not canonical base64')))
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
