import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { uuidOf } from '../../../test/support/uuid.js'
import { Random } from '@secrets-engine/core'

describe('Random.seeded', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(Random.seeded(1).bytes(16)).toStrictEqual(Random.seeded(1).bytes(16))
    expect(Random.seeded(1).bytes(16)).not.toStrictEqual(Random.seeded(2).bytes(16))
  })
  it('returns exactly the length asked for', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.integer(), (n, seed) => {
        expect(Random.seeded(seed).bytes(n).length).toBe(n)
      }),
    )
  })
})

describe('Random.integerBelow', () => {
  it('stays within its bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer(), (bound, seed) => {
        const r = Random.seeded(seed)
        for (let i = 0; i < 20; i++) {
          const n = Random.integerBelow(bound)(r)
          expect(n >= 0 && n < bound && Number.isInteger(n)).toBe(true)
        }
      }),
    )
  })
  it('reaches every value of a small range', () => {
    const r = Random.seeded(7)
    const seen = new Set(Array.from({ length: 200 }, () => Random.integerBelow(6)(r)))
    expect([...seen].sort()).toStrictEqual([0, 1, 2, 3, 4, 5])
  })
})

describe('Random.uuidsOf and Random.uuid', () => {
  it('formats each 16 bytes in turn as a lower-case UUID v4, leaving a shorter rest out', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 * 40 + 15 }), (bytes) => {
        const want = Array.from({ length: Math.floor(bytes.length / 16) }, (_, i) =>
          uuidOf(bytes.subarray(16 * i, 16 * i + 16)),
        ).join('')
        expect(Random.uuidsOf(bytes)).toBe(want)
      }),
    )
  })

  it('makes a UUID of one draw of 16 bytes', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(Random.uuid(Random.seeded(seed))).toBe(uuidOf(Random.seeded(seed).bytes(16)))
      }),
    )
  })
})
