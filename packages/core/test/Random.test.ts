import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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

describe('Random.uuids', () => {
  it('is one draw of 16 bytes per id, each formatted as a lower-case UUID v4, in order', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, count) => {
        const bytes = Random.seeded(seed).bytes(16 * count)
        const want = Array.from({ length: count }, (_, i) => {
          const b = bytes.slice(16 * i, 16 * i + 16)
          b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
          b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
          const hex = Buffer.from(b).toString('hex')
          return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
        }).join('')
        expect(Random.uuids(Random.seeded(seed), count)).toBe(want)
        expect(Random.uuid(Random.seeded(seed))).toBe(want.slice(0, Random.uuidLength))
      }),
    )
  })
})
