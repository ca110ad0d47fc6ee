/**
 * Random passwords, as GetRandomPassword makes them and as rotation uses them for new database and
 * ECS passwords. Pure: every random choice is drawn from the `Random` port handed in, through
 * `Random.integerBelow` (rejection sampling), so no character is favoured and a seeded source
 * replays the same password.
 *
 * The characters are the four classes of the documented set
 * ``0-9 a-z A-Z !"#$%&'()*+,-./:;<=>?@[\]^_{|}~`` (the documentation omits the backtick, so the
 * engine never produces one). With `requireEachIncludedType`, one character of each included
 * class is placed at a random position and the rest are drawn from all included characters.
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
export type CharacterClass = 'lowercase' | 'uppercase' | 'numbers' | 'punctuation'

/**
 * @category model
 * @since 0.1.0
 */
export interface Options {
  readonly length: number
  /** Characters never to use. Characters outside the documented set are ignored: they never appear anyway. */
  readonly excludeCharacters: string
  readonly excludeClasses: ReadonlySet<CharacterClass>
  readonly requireEachIncludedType: boolean
}

/**
 * The characters a password may use, by class; a class whose every character is excluded is not
 * included at all (so it is not required either).
 *
 * @category model
 * @since 0.1.0
 */
export type Alphabet = ReadonlyArray<ReadonlyArray<string>>

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The documented classes, in the order of the documented set.
 *
 * @category constants
 * @since 0.1.0
 */
export const classes: { readonly [C in CharacterClass]: string } = {
  numbers: '0123456789',
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_{|}~',
}

/**
 * @category constants
 * @since 0.1.0
 */
export const limits = { minLength: 8, maxLength: 128, defaultLength: 32 } as const

/**
 * GetRandomPassword's defaults: 32 characters of every class, one of each at least.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaults: Options = {
  length: limits.defaultLength,
  excludeCharacters: '',
  excludeClasses: new Set(),
  requireEachIncludedType: true,
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The included characters by class, or `'NothingLeft'` when the options exclude every character.
 *
 * @category constructors
 * @since 0.1.0
 */
export const alphabet = (
  options: Omit<Options, 'length' | 'requireEachIncludedType'>,
): E.Either<'NothingLeft', Alphabet> => {
  const excluded = new Set(options.excludeCharacters)
  const included = (Object.keys(classes) as ReadonlyArray<CharacterClass>)
    .filter((c) => !options.excludeClasses.has(c))
    .map((c) => Array.from(classes[c]).filter((ch) => !excluded.has(ch)))
    .filter((chars) => chars.length > 0)
  return included.length === 0 ? E.left('NothingLeft') : E.right(included)
}

/**
 * A password of `length` characters from `alphabet`; with `requireEach`, at least one of each class.
 * `length` must be at least the number of classes (the API's minimum, 8, always is).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromAlphabet =
  (alphabet: Alphabet, length: number, requireEach: boolean) =>
  (random: Random.Random): string => {
    const pick = (chars: ReadonlyArray<string>): string => chars[Random.integerBelow(chars.length)(random)] ?? ''
    const all = alphabet.flat()
    const required = requireEach ? alphabet.map(pick) : []
    const password = Array.from({ length: length - required.length }, () => pick(all))
    // Each required character goes to a uniformly random position of the growing password.
    for (const ch of required) password.splice(Random.integerBelow(password.length + 1)(random), 0, ch)
    return password.join('')
  }

/**
 * A password for `options`, or `'NothingLeft'` when they exclude every character.
 *
 * @category constructors
 * @since 0.1.0
 */
export const generate =
  (options: Options) =>
  (random: Random.Random): E.Either<'NothingLeft', string> =>
    E.map((a: Alphabet) => fromAlphabet(a, options.length, options.requireEachIncludedType)(random))(alphabet(options))
