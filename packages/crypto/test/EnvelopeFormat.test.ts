import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CryptoError } from '@secrets-engine/core'
import { EnvelopeFormat } from '@secrets-engine/crypto'

const text = (): fc.Arbitrary<string> => fc.string({ unit: 'binary', maxLength: 40 })

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
    fc.assert(
      fc.property(text(), text(), text(), text(), (a, b, c, d) => {
        fc.pre(a !== c || b !== d)
        const prefix = Uint8Array.of(1)
        expect(EnvelopeFormat.associatedData(prefix, { secretName: a, versionId: b })).not.toStrictEqual(
          EnvelopeFormat.associatedData(prefix, { secretName: c, versionId: d }),
        )
      }),
    )
    const aad = (secretName: string, versionId: string) => EnvelopeFormat.dataAssociatedData({ secretName, versionId })
    expect(aad('ab', 'c')).not.toStrictEqual(aad('a', 'bc'))
    expect(aad('\uD800', '')).not.toStrictEqual(aad('\uDBFF', ''))
    expect(aad('a', 'b')).toStrictEqual(Uint8Array.of(1, 0, 0, 0, 2, 0, 97, 0, 0, 0, 2, 0, 98))
  })
})
