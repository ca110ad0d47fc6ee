import { ApiErrors, Password, validateRequest } from '@secrets-engine/alibaba'
import { Random } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'

const passwordOf = (r: E.Either<unknown, { readonly RandomPassword: string }>): string =>
  E.isRight(r) ? r.right.RandomPassword : ''

const { numbers, lowercase, uppercase, punctuation } = Password.classes
const documentedSet = numbers + lowercase + uppercase + punctuation

describe('GetRandomPassword', () => {
  it('gives 32 characters of the documented set by default, with each class present', async () => {
    const { engine } = testEngine()
    const password = passwordOf(await engine.getRandomPassword({})())
    expect(password).toHaveLength(32)
    for (const ch of password) expect(documentedSet).toContain(ch)
    for (const cls of [numbers, lowercase, uppercase, punctuation]) {
      expect([...password].some((ch) => cls.includes(ch))).toBe(true)
    }
    expect(password).not.toContain('`')
  })

  it('answers with RequestId and RandomPassword only', async () => {
    const { engine } = testEngine()
    const r = await engine.request('GetRandomPassword', {})()
    expect(E.isRight(r) && Object.keys(r.right).sort()).toStrictEqual(['RandomPassword', 'RequestId'])
  })

  it('accepts PasswordLength 8 and 128 and refuses 7, 129 and non-integers', async () => {
    const { engine } = testEngine()
    expect(passwordOf(await engine.getRandomPassword({ PasswordLength: '8' })())).toHaveLength(8)
    expect(passwordOf(await engine.getRandomPassword({ PasswordLength: '128' })())).toHaveLength(128)
    for (const PasswordLength of ['7', '129', '12.5', '-8', 'ten', '0x10', ' 16']) {
      expect(await engine.getRandomPassword({ PasswordLength })()).toStrictEqual(
        E.left(ApiErrors.invalidParameter('PasswordLength', 'It must be an integer from 8 to 128.')),
      )
    }
  })

  it('treats an empty PasswordLength as absent', async () => {
    const { engine } = testEngine()
    expect(passwordOf(await engine.getRandomPassword({ PasswordLength: '' })())).toHaveLength(32)
  })

  it('refuses flags that are not true or false', async () => {
    const { engine } = testEngine()
    for (const name of [
      'ExcludeLowercase',
      'ExcludeUppercase',
      'ExcludeNumbers',
      'ExcludePunctuation',
      'RequireEachIncludedType',
    ]) {
      expect(await engine.request('GetRandomPassword', { [name]: 'yes' })()).toStrictEqual(
        E.left(ApiErrors.invalidParameter(name, 'It must be true or false.')),
      )
    }
  })

  it('excludes classes and characters', async () => {
    const { engine } = testEngine()
    const password = passwordOf(
      await engine.getRandomPassword({
        PasswordLength: '128',
        ExcludeLowercase: 'true',
        ExcludePunctuation: 'true',
        ExcludeCharacters: '0123ABC',
      })(),
    )
    expect(password).toMatch(/^[4-9D-Z]{128}$/)
    expect(password).toMatch(/[4-9]/)
    expect(password).toMatch(/[D-Z]/)
  })

  it('refuses to exclude every class, and refuses excluding every character left', async () => {
    const { engine } = testEngine()
    const all = {
      ExcludeLowercase: 'true',
      ExcludeUppercase: 'true',
      ExcludeNumbers: 'true',
      ExcludePunctuation: 'true',
    } as const
    expect(await engine.getRandomPassword(all)()).toStrictEqual(
      E.left(ApiErrors.invalidParameters('Every character class is excluded.')),
    )
    expect(
      await engine.getRandomPassword({ ...all, ExcludeNumbers: 'false', ExcludeCharacters: numbers })(),
    ).toStrictEqual(
      E.left(ApiErrors.invalidParameter('ExcludeCharacters', 'It excludes every character that is left.')),
    )
    expect(await engine.getRandomPassword({ ExcludeCharacters: documentedSet })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('ExcludeCharacters', 'It excludes every character that is left.')),
    )
    // One character left is enough.
    expect(passwordOf(await engine.getRandomPassword({ ExcludeCharacters: documentedSet.slice(1) })())).toBe(
      '0'.repeat(32),
    )
  })

  it('decodes into the alphabet the options leave, by class', () => {
    expect(
      validateRequest('GetRandomPassword', {
        PasswordLength: '8',
        ExcludeLowercase: 'true',
        ExcludePunctuation: 'true',
        ExcludeCharacters: '0123456ABCDEFGHIJKLMNOPQRSTUVWXY',
        RequireEachIncludedType: 'false',
      }),
    ).toStrictEqual(
      E.right({
        _tag: 'GetRandomPassword',
        length: 8,
        alphabet: [['7', '8', '9'], ['Z']],
        requireEachIncludedType: false,
      }),
    )
  })

  it('ignores excluded characters outside the documented set (they never appear anyway)', async () => {
    const { engine } = testEngine()
    const password = passwordOf(await engine.getRandomPassword({ ExcludeCharacters: '` \u00e9\u4e2d' })())
    expect(password).toHaveLength(32)
  })

  it('draws from the engine random source: the same seed gives the same password', async () => {
    const a = passwordOf(await testEngine({ seed: 7 }).engine.getRandomPassword({})())
    const b = passwordOf(await testEngine({ seed: 7 }).engine.getRandomPassword({})())
    const c = passwordOf(await testEngine({ seed: 8 }).engine.getRandomPassword({})())
    expect(a).toBe(b)
    expect(a).not.toBe(c)
  })

  it('needs not include each class when RequireEachIncludedType=false', async () => {
    const { engine } = testEngine()
    const r = withoutRequestId(
      await engine.getRandomPassword({ RequireEachIncludedType: 'false', PasswordLength: '8' })(),
    )
    expect(E.isRight(r) && r.right.RandomPassword.length).toBe(8)
  })
})

const classArb = fc.subarray(['lowercase', 'uppercase', 'numbers', 'punctuation'] as const)

describe('Password properties', () => {
  it('any valid options give a password of the asked length, of allowed characters, one of each required class', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 128 }),
        classArb.filter((c) => c.length < 4),
        fc.string({ unit: fc.constantFrom(...documentedSet), maxLength: 40 }),
        fc.boolean(),
        fc.integer(),
        (length, excluded, excludeCharacters, requireEach, seed) => {
          const options = {
            length,
            excludeCharacters,
            excludeClasses: new Set(excluded),
            requireEachIncludedType: requireEach,
          }
          const alphabet = Password.alphabet(options)
          const password = Password.generate(options)(Random.seeded(seed))
          expect(E.isRight(password)).toBe(E.isRight(alphabet))
          if (E.isLeft(password) || E.isLeft(alphabet)) return
          const chars = [...password.right]
          expect(chars).toHaveLength(length)
          const allowed = new Set(alphabet.right.flat())
          for (const ch of chars) {
            expect(allowed.has(ch)).toBe(true)
            expect(excludeCharacters).not.toContain(ch)
          }
          if (requireEach) {
            for (const cls of alphabet.right) expect(chars.some((ch) => cls.includes(ch))).toBe(true)
          }
        },
      ),
    )
  })

  it('places the required characters anywhere: each position sees every class over many draws', () => {
    const random = Random.seeded(3)
    const options = { ...Password.defaults, length: 8 }
    const seen = Array.from({ length: 8 }, () => new Set<string>())
    for (let i = 0; i < 400; i++) {
      const p = Password.generate(options)(random)
      if (E.isRight(p)) {
        ;[...p.right].forEach((ch, at) => {
          for (const [name, cls] of Object.entries(Password.classes)) if (cls.includes(ch)) seen[at]?.add(name)
        })
      }
    }
    for (const classes of seen) expect(classes.size).toBe(4)
  })
})
