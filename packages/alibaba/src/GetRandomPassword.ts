/**
 * GetRandomPassword: the wire parameters decoded into what the password is drawn from. Every
 * parameter is optional: `PasswordLength` 8 to 128 (default 32), the four `Exclude*` class flags,
 * `ExcludeCharacters` and `RequireEachIncludedType` (default true: the schema and the English page
 * say true, the Chinese text says false; the project follows the schema). The command carries the
 * alphabet the options leave; options that leave no character are 400 InvalidParameter here, so
 * the handler cannot fail.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from './ApiError.js'
import { BooleanC } from './CreateSecret.js'
import * as Params from './Params.js'
import * as Password from './Password.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method.
 *
 * @category model
 * @since 0.1.0
 */
export interface GetRandomPasswordRequest {
  readonly PasswordLength?: string
  readonly ExcludeCharacters?: string
  readonly ExcludeLowercase?: 'true' | 'false'
  readonly ExcludeUppercase?: 'true' | 'false'
  readonly ExcludeNumbers?: 'true' | 'false'
  readonly ExcludePunctuation?: 'true' | 'false'
  readonly RequireEachIncludedType?: 'true' | 'false'
}

/**
 * @category model
 * @since 0.1.0
 */
export interface GetRandomPasswordCommand {
  readonly _tag: 'GetRandomPassword'
  readonly length: number
  /** The characters left to draw from, by class; never empty. */
  readonly alphabet: Password.Alphabet
  readonly requireEachIncludedType: boolean
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * A decimal integer from 8 to 128.
 *
 * @category codecs
 * @since 0.1.0
 */
export const PasswordLengthC = Params.integerC(Password.limits.minLength, Password.limits.maxLength)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const classFlags: ReadonlyArray<readonly [string, Password.CharacterClass]> = [
  ['ExcludeLowercase', 'lowercase'],
  ['ExcludeUppercase', 'uppercase'],
  ['ExcludeNumbers', 'numbers'],
  ['ExcludePunctuation', 'punctuation'],
]

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, GetRandomPasswordCommand> =>
  pipe(
    E.Do,
    E.bind('length', () => Params.optional(params, 'PasswordLength', PasswordLengthC)),
    E.bind('excludeClasses', () =>
      pipe(
        classFlags,
        E.traverseArray(([name, cls]) =>
          E.map((flag) => (flag === 'true' ? [cls] : []))(Params.optional(params, name, BooleanC)),
        ),
        E.map((excluded) => new Set(excluded.flat())),
      ),
    ),
    E.bind('requireEach', () => Params.optional(params, 'RequireEachIncludedType', BooleanC)),
    E.filterOrElse(
      (d) => d.excludeClasses.size < classFlags.length,
      () => ApiError.invalidParameters('Every character class is excluded.'),
    ),
    E.flatMap((d) =>
      pipe(
        Password.alphabet({
          excludeCharacters: Params.lookup(params, 'ExcludeCharacters') ?? '',
          excludeClasses: d.excludeClasses,
        }),
        E.mapLeft(() => ApiError.invalidParameter('ExcludeCharacters', 'It excludes every character that is left.')),
        E.map((alphabet): GetRandomPasswordCommand => ({
          _tag: 'GetRandomPassword',
          length: d.length ?? Password.limits.defaultLength,
          alphabet,
          requireEachIncludedType: d.requireEach !== 'false',
        })),
      ),
    ),
  )
