import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CryptoError } from '@secrets-engine/core'
import { EnvelopeFormat } from '@secrets-engine/crypto'
import { text } from './support/crypto.js'

describe('EnvelopeFormat', () => {
  it('writes the header as format, key id length, key id and material version', () => {
    expect(EnvelopeFormat.header('key-ab', 258)).toStrictEqual(
      Uint8Array.of(1, 0, 6, 107, 101, 121, 45, 97, 98, 0, 0, 1, 2),
    )
  })

  it('reads back the header it wrote', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.nat(100),
        (keyId, version, n) => {
          const header = EnvelopeFormat.header(keyId, version)
          const bytes = new Uint8Array(EnvelopeFormat.minLength - 8 + header.length + n)
          bytes.set(header)
          expect(EnvelopeFormat.readHeader({ bytes })).toStrictEqual(
            E.right({ format: 1, keyId, materialVersion: version }),
          )
          expect(EnvelopeFormat.parse(bytes)?.sealedData.length).toBe(16 + n)
        },
      ),
    )
  })

  it('writes a key id as UTF-8, whatever its characters, and reads it back', () => {
    expect(EnvelopeFormat.header('k\u00e9', 1)).toStrictEqual(Uint8Array.of(1, 0, 3, 107, 0xc3, 0xa9, 0, 0, 0, 1))
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.nat(), (keyId, version) => {
        const header = EnvelopeFormat.header(keyId, version)
        const id = new TextEncoder().encode(keyId)
        expect(header.length).toBe(EnvelopeFormat.headerLength(keyId))
        expect(header.subarray(3, 3 + id.length)).toStrictEqual(id)
        const bytes = new Uint8Array(EnvelopeFormat.minLength - 8 + header.length)
        bytes.set(header)
        expect(EnvelopeFormat.readHeader({ bytes })).toStrictEqual(
          E.right({ format: 1, keyId, materialVersion: version }),
        )
      }),
    )
  })

  it('refuses to write an empty key id or one longer than 65,535 bytes', () => {
    expect(() => EnvelopeFormat.header('', 1)).toThrow(RangeError)
    expect(() => EnvelopeFormat.header('k'.repeat(65_536), 1)).toThrow(RangeError)
    expect(() => EnvelopeFormat.header('\u00e9'.repeat(32_768), 1)).toThrow(RangeError)
    expect(EnvelopeFormat.header('k'.repeat(65_535), 1).length).toBe(7 + 65_535)
  })

  it('refuses what is not a format-1 envelope', () => {
    const refused = E.left(CryptoError.malformedEnvelope('not a format-1 envelope'))
    expect(EnvelopeFormat.readHeader({ bytes: new Uint8Array(EnvelopeFormat.minLength - 1) })).toStrictEqual(refused)
    const bytes = new Uint8Array(EnvelopeFormat.minLength)
    bytes.set(EnvelopeFormat.header('k', 1))
    expect(E.isRight(EnvelopeFormat.readHeader({ bytes }))).toBe(true)
    bytes[0] = 2
    expect(EnvelopeFormat.readHeader({ bytes })).toStrictEqual(refused)
    bytes[0] = 1
    bytes[2] = 2 // the key id no longer fits
    expect(EnvelopeFormat.readHeader({ bytes })).toStrictEqual(refused)
    bytes[2] = 1
    bytes[3] = 0xff // not UTF-8
    expect(EnvelopeFormat.readHeader({ bytes })).toStrictEqual(refused)
  })

  it('encodes the context without ambiguity: different contexts, different bytes', () => {
    const header = EnvelopeFormat.header('key-a', 1)
    fc.assert(
      fc.property(text(40), text(40), text(40), text(40), (a, b, c, d) => {
        fc.pre(a !== c || b !== d)
        const x = EnvelopeFormat.associatedData({ secretName: a, versionId: b }, header)
        const y = EnvelopeFormat.associatedData({ secretName: c, versionId: d }, header)
        expect(x.data).not.toStrictEqual(y.data)
        expect(x.wrap).not.toStrictEqual(y.wrap)
      }),
    )
    const aad = (secretName: string, versionId: string) =>
      EnvelopeFormat.associatedData({ secretName, versionId }, EnvelopeFormat.header('k', 258))
    expect(aad('ab', 'c').data).not.toStrictEqual(aad('a', 'bc').data)
    expect(aad('\uD800', '').data).not.toStrictEqual(aad('\uDBFF', '').data)
    const ctx = [0, 0, 0, 2, 0, 97, 0, 0, 0, 2, 0, 98]
    const expected = Uint8Array.of(...ctx, 1, 0, 1, 107, 0, 0, 1, 2)
    expect(aad('a', 'b')).toStrictEqual({ wrap: expected, data: expected.subarray(0, ctx.length + 1) })
  })

  it('builds the same associated data in a reused buffer, whatever came before', () => {
    const build = EnvelopeFormat.associatedDataBuilder()
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text(40), text(40), fc.string({ minLength: 1, maxLength: 300 }), fc.nat())),
        (calls) => {
          for (const [secretName, versionId, keyId, version] of calls) {
            const ctx = { secretName, versionId }
            const header = EnvelopeFormat.header(keyId, version)
            const { wrap, data } = build(ctx, header, header.length)
            const fresh = EnvelopeFormat.associatedData(ctx, header)
            expect(Uint8Array.from(wrap)).toStrictEqual(Uint8Array.from(fresh.wrap))
            expect(Uint8Array.from(data)).toStrictEqual(Uint8Array.from(fresh.data))
          }
        },
      ),
    )
  })
})
