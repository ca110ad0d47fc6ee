import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../../../test/support/runs.js'
import { uuidOf } from '../../../test/support/uuid.js'
import * as Wire from '../src/Wire.js'

describe('Wire.date', () => {
  it('is toISOString without its milliseconds, for every time a Date holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (millis) => {
        expect(Wire.date(millis)).toBe(new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z'))
      }),
    )
  })

  it('is toISOString without its milliseconds in the four-digit years, which it computes itself', () => {
    const around = 1e11 // about three years on either side
    const times = fc.oneof(
      fc.integer({ min: Date.UTC(1000, 0, 1) - around, max: Date.UTC(10000, 0, 1) + around }),
      fc.integer({ min: Date.UTC(1000, 0, 1) - around, max: Date.UTC(1000, 0, 1) + around }),
      fc.integer({ min: Date.UTC(10000, 0, 1) - around, max: Date.UTC(10000, 0, 1) + around }),
      fc.integer({ min: Date.UTC(1970, 0, 1) - around, max: Date.UTC(2100, 0, 1) }),
      // Fractions and -0, which a Date truncates.
      fc.double({ min: Date.UTC(1000, 0, 1) - around, max: Date.UTC(10000, 0, 1) + around, noNaN: true }),
    )
    fc.assert(
      fc.property(times, (millis) => {
        expect(Wire.date(millis)).toBe(new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z'))
      }),
      { numRuns: runs(2000) },
    )
    for (const leap of [Date.UTC(2000, 1, 29, 23, 59, 59), Date.UTC(1900, 2, 1), Date.UTC(2024, 11, 31, 23, 59, 59)]) {
      expect(Wire.date(leap)).toBe(new Date(leap).toISOString().replace(/\.\d{3}Z$/, 'Z'))
    }
  })

  it('gives second precision in UTC, at the edges of the four-digit years', () => {
    expect(Wire.date(Date.UTC(2024, 3, 15, 7, 2, 14, 999))).toBe('2024-04-15T07:02:14Z')
    expect(Wire.date(Date.UTC(1000, 0, 1))).toBe('1000-01-01T00:00:00Z')
    expect(Wire.date(Date.UTC(999, 11, 31, 23, 59, 59))).toBe('0999-12-31T23:59:59Z')
    expect(Wire.date(Date.UTC(9999, 11, 31, 23, 59, 59))).toBe('9999-12-31T23:59:59Z')
    expect(Wire.date(Date.UTC(10000, 0, 1))).toBe('+010000-01-01T00:00:00Z')
  })
})

describe('Wire.requestId and Wire.requestIds', () => {
  // A source that hands out `draws` in turn and records the lengths asked for.
  const replaying = (draws: ReadonlyArray<Uint8Array>) => {
    const asked: Array<number> = []
    let next = 0
    return {
      asked,
      random: {
        bytes: (length: number): Uint8Array => {
          asked.push(length)
          return draws[next++] ?? new Uint8Array(length)
        },
      },
    }
  }

  it('makes a request id of 16 drawn bytes, as a lower-case UUID v4', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const { random, asked } = replaying([bytes])
        expect(Wire.requestId(random)).toBe(uuidOf(bytes))
        expect(asked).toStrictEqual([16])
      }),
      { numRuns: runs(500) },
    )
  })

  it('hands out the ids of a batch of 256 draws in order, then draws the next batch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 16 * 256, maxLength: 16 * 256 }), { minLength: 2, maxLength: 2 }),
        (batches) => {
          const { random, asked } = replaying(batches)
          const next = Wire.requestIds(random)
          const ids = Array.from({ length: 2 * 256 }, () => next())
          const want = batches.flatMap((batch) =>
            Array.from({ length: 256 }, (_, i) => uuidOf(batch.subarray(16 * i, 16 * i + 16))),
          )
          expect(ids).toStrictEqual(want)
          expect(asked).toStrictEqual([16 * 256, 16 * 256])
        },
      ),
      { numRuns: runs(20) },
    )
  })
})

describe('Wire.arnParts and Wire.nameFromReference', () => {
  it('reads the region, account and name of an ARN, and nothing else', () => {
    expect(Wire.arnParts('acs:kms:cn-hangzhou:1234567890123456:secret/app/db:1')).toStrictEqual({
      region: 'cn-hangzhou',
      accountId: '1234567890123456',
      name: 'app/db:1',
    })
    for (const text of [
      'db',
      'acs:kms:cn-hangzhou:1:secret/',
      'acs:kms:cn-hangzhou:1:key/k',
      'x:acs:kms:r:a:secret/n',
    ]) {
      expect(Wire.arnParts(text)).toBeUndefined()
    }
  })

  it('gives a name as itself, and the name inside an ARN of this region and account only', () => {
    const name = (reference: string) => Wire.nameFromReference('cn-hangzhou', '12', reference)
    expect(name('db')).toBe('db')
    expect(name('acs:kms:cn-hangzhou:12:secret/db')).toBe('db')
    expect(name('acs:kms:cn-shanghai:12:secret/db')).toBeUndefined()
    expect(name('acs:kms:cn-hangzhou:13:secret/db')).toBeUndefined()
    expect(name('acs:kms:cn-hangzhou:12:secret/')).toBeUndefined()
  })
})
