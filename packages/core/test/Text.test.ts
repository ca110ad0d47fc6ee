import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SecretName, StageLabel, Text, VersionId } from '@secrets-engine/core'

const rule: Text.TextRule = { maxLength: 5, allowed: /^[a-z/]+$/ }

describe('Text.problemOf', () => {
  it('accepts the limit and refuses one past it', () => {
    expect(Text.problemOf(rule)('abcde')).toBe(undefined)
    expect(Text.problemOf(rule)('abcdef')).toBe('TooLong')
  })
  it('refuses empty strings and characters outside the set', () => {
    expect(Text.problemOf(rule)('')).toBe('Empty')
    expect(Text.problemOf(rule)('ab-c')).toBe('InvalidCharacter')
  })
  it('counts code points, not UTF-16 units', () => {
    const anyChar: Text.TextRule = { maxLength: 2 }
    expect(Text.problemOf(anyChar)('😀😀')).toBe(undefined)
    expect(Text.problemOf(anyChar)('😀😀😀')).toBe('TooLong')
  })
})

describe('branded constructors', () => {
  it('return the branded value or the tagged error', () => {
    expect(SecretName.fromString(rule)('db')).toStrictEqual(E.right('db'))
    expect(SecretName.fromString(rule)('')).toStrictEqual(E.left({ _tag: 'InvalidSecretName', problem: 'Empty' }))
    expect(VersionId.fromString(rule)('toolong')).toStrictEqual(
      E.left({ _tag: 'InvalidVersionId', problem: 'TooLong' }),
    )
    expect(StageLabel.fromString(rule)('A')).toStrictEqual(
      E.left({ _tag: 'InvalidStageLabel', problem: 'InvalidCharacter' }),
    )
  })
  it('agree with their refinements on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (s) => {
        expect(E.isRight(SecretName.fromString(rule)(s))).toBe(SecretName.is(rule)(s))
      }),
    )
  })
})

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })

describe('Text.utf8Length', () => {
  it("is the length of TextEncoder's bytes, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary' })), (s) => {
        expect(Text.utf8Length(s)).toBe(new TextEncoder().encode(s).length)
      }),
    )
  })

  it('measures texts past its buffer too, and what it measured before does not change the next', () => {
    expect(Text.utf8Length('\u{1f600}'.repeat(40_000))).toBe(160_000)
    expect(Text.utf8Length('é'.repeat(32_768))).toBe(65_536)
    expect(Text.utf8Length('a')).toBe(1)
    expect(Text.utf8Length('')).toBe(0)
  })
})

describe('Text.utf8Bytes', () => {
  it("is TextEncoder's bytes, lone surrogates included, long texts too", () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary' })), (s) => {
        expect(Text.utf8Bytes(s)).toStrictEqual(new TextEncoder().encode(s))
      }),
    )
    const long = 'é'.repeat(5_000)
    expect(Text.utf8Bytes(long)).toStrictEqual(new TextEncoder().encode(long))
  })

  it('hands out bytes that stay intact while many more are encoded and wiped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 2, maxLength: 200 }),
        (texts) => {
          const kept = texts.map((text) => ({ text, bytes: Text.utf8Bytes(text) }))
          // The callers' part: wipe after use. A wipe must reach no other caller's bytes.
          for (let i = 0; i < 50; i++) Text.utf8Bytes('wiped after use '.repeat(i)).fill(0)
          for (const { text, bytes } of kept) expect(bytes).toStrictEqual(new TextEncoder().encode(text))
        },
      ),
    )
  })
})

describe('Text.utf8FitsIn', () => {
  it('agrees with utf8Length against any limit, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary' })), fc.nat({ max: 40 }), (s, max) => {
        expect(Text.utf8FitsIn(s, max)).toBe(Text.utf8Length(s) <= max)
      }),
    )
    expect(Text.utf8FitsIn('é'.repeat(15_360), 30_720)).toBe(true)
    expect(Text.utf8FitsIn('é'.repeat(15_361), 30_720)).toBe(false)
    expect(Text.utf8FitsIn('a'.repeat(30_720), 30_720)).toBe(true)
    expect(Text.utf8FitsIn('a'.repeat(30_721), 30_720)).toBe(false)
  })
})
