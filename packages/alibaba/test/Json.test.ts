import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Json from '../src/Json.js'

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })

describe('Json.utf8Length', () => {
  it("is the length of TextEncoder's bytes, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary' })), (s) => {
        expect(Json.utf8Length(s)).toBe(new TextEncoder().encode(s).length)
      }),
    )
  })

  it('measures texts past its buffer too, and what it measured before does not change the next', () => {
    const long = '\u{1f600}'.repeat(40_000)
    expect(Json.utf8Length(long)).toBe(160_000)
    expect(Json.utf8Length('é'.repeat(32_768))).toBe(65_536)
    expect(Json.utf8Length('a')).toBe(1)
    expect(Json.utf8Length('')).toBe(0)
  })
})
