/**
 * The core's base64 codec: it writes what Node writes, reads back exactly the canonical texts that
 * Node would write, and leaves nothing of what it read in its shared buffers.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Base64 } from '@secrets-engine/core'
import { asNodeReadsIt, base64ishTexts, nonCanonicalTexts } from './support/base64.js'

describe('Base64', () => {
  it('round-trips, and writes what Node writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = Base64.encode(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(Base64.decode(text)).toStrictEqual(bytes)
      }),
    )
  })

  it('encodes the empty byte string as the empty text, and back', () => {
    expect(Base64.encode(new Uint8Array(0))).toBe('')
    expect(Base64.decode('')).toStrictEqual(new Uint8Array(0))
  })

  it('round-trips values large enough to be built in several slices, or to need a buffer of their own', () => {
    for (const length of [6143, 6144, 6145, 6146, 12_288, 31_000, 40_000, 73_729, 100_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + (i >>> 8)) & 0xff)
      const text = Base64.encode(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect(Base64.decode(text)).toStrictEqual(bytes)
    }
  })

  it('hands out bytes that stay as they were while many more are decoded', () => {
    // 100 bytes unlike fast-check's favourite values; decoded 100 times after the kept values, they
    // fill more than the 8 KiB shared slab, so every run crosses at least one slab rollover.
    const filler = Base64.encode(Uint8Array.from({ length: 100 }, (_, i) => 0xa5 ^ i))
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 3000 }), { minLength: 1, maxLength: 40 }),
        (all) => {
          const decoded = all.map((bytes) => Base64.decode(Base64.encode(bytes)))
          for (let i = 0; i < 100; i++) Base64.decode(filler)
          expect(decoded).toStrictEqual(all)
        },
      ),
    )
  })

  it('accepts exactly the canonical base64 texts, as Node reads them', () => {
    fc.assert(
      fc.property(base64ishTexts, (text) => {
        const { bytes, canonical } = asNodeReadsIt(text)
        expect(Base64.decode(text)).toStrictEqual(canonical ? bytes : undefined)
      }),
    )
  })

  it.each(nonCanonicalTexts)('refuses %j', (text) => {
    expect(Base64.decode(text)).toBe(undefined)
  })

  it('leaves nothing of a refused text in the shared buffer that decoded bytes are views of', () => {
    const secret = new TextEncoder().encode('secret-value')
    const holds = (buffer: ArrayBufferLike): boolean => {
      const all = new Uint8Array(buffer)
      return all.some((_, at) => secret.every((byte, i) => all[at + i] === byte))
    }
    const before = Base64.decode('AAAA')
    // Four groups decode to 'secret-value' before the fifth fails.
    expect(Base64.decode(Buffer.from(secret).toString('base64') + 'AB$A')).toBe(undefined)
    expect(Base64.decode(Buffer.from(secret).toString('base64') + 'AB==')).toBe(undefined)
    const after = Base64.decode('AAAA')
    if (before === undefined || after === undefined) return expect.fail('AAAA is canonical base64')
    expect(holds(before.buffer)).toBe(false)
    expect(holds(after.buffer)).toBe(false)
  })
})
