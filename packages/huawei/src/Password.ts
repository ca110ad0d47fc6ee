/**
 * Random passwords, for GenerateRandomPassword and for the values rotation writes: every character
 * drawn from the engine's random source by rejection sampling, required characters at random
 * positions. (A copy of the Alibaba package's generator plus the space class; it belongs in the core.)
 *
 * @since 0.1.0
 */
import { Random } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type CharacterClass = 'lowercase' | 'uppercase' | 'numbers' | 'punctuation' | 'space'

/**
 * @category model
 * @since 0.1.0
 */
export interface Options {
  readonly length: number
  readonly excludeCharacters: string
  /** The classes in use; `space` only when asked for. */
  readonly classes: ReadonlySet<CharacterClass>
  readonly requireEachIncludedType: boolean
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const characters: { readonly [C in CharacterClass]: string } = {
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  numbers: '0123456789',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  space: ' ',
}

/**
 * @category constants
 * @since 0.1.0
 */
export const defaults: Options = {
  length: 32,
  excludeCharacters: '',
  classes: new Set(['lowercase', 'uppercase', 'numbers', 'punctuation']),
  requireEachIncludedType: false,
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A password, or `NothingLeft` when the options exclude every character (or require more classes
 * than the length holds).
 *
 * @category constructors
 * @since 0.1.0
 */
export const generate =
  (options: Options) =>
  (random: Random.Random): E.Either<'NothingLeft', string> => {
    const excluded = new Set(options.excludeCharacters)
    const alphabet = (Object.keys(characters) as ReadonlyArray<CharacterClass>)
      .filter((c) => options.classes.has(c))
      .map((c) => Array.from(characters[c]).filter((ch) => !excluded.has(ch)))
      .filter((chars) => chars.length > 0)
    if (alphabet.length === 0) return E.left('NothingLeft')
    if (options.requireEachIncludedType && alphabet.length > options.length) return E.left('NothingLeft')
    const pick = (chars: ReadonlyArray<string>): string => chars[Random.integerBelow(chars.length)(random)] ?? ''
    const all = alphabet.flat()
    const required = options.requireEachIncludedType ? alphabet.map(pick) : []
    const password = Array.from({ length: options.length - required.length }, () => pick(all))
    for (const ch of required) password.splice(Random.integerBelow(password.length + 1)(random), 0, ch)
    return E.right(password.join(''))
  }
