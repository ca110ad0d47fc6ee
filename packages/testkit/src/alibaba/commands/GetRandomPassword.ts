/**
 * GetRandomPassword: `PasswordLength` 8 to 128 (32 by default) characters from the classes not
 * excluded, each of them present unless `RequireEachIncludedType=false`; excluding every class is
 * 400 `InvalidParameter`, as is a length out of range.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { matcher, success } from '../Expectation.js'
import { invalidParameter, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

// The documented classes (the punctuation set has no backquote).
const classes = {
  ExcludeNumbers: '0123456789',
  ExcludeLowercase: 'abcdefghijklmnopqrstuvwxyz',
  ExcludeUppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ExcludePunctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_{|}~',
} as const

type Exclusion = keyof typeof classes

/** @since 0.1.0 */
export const getRandomPassword: fc.Arbitrary<AlibabaCommand> = fc
  .record({
    length: Pools.optional(fc.constantFrom(7, 8, 12, 128, 129)),
    excluded: fc.subarray(Object.keys(classes) as Array<Exclusion>),
    requireEach: Pools.optional(fc.constantFrom('true', 'false')),
  })
  .map(({ length, excluded, requireEach }) =>
    request(
      'GetRandomPassword',
      params({
        PasswordLength: length === undefined ? undefined : String(length),
        RequireEachIncludedType: requireEach,
        ...Object.fromEntries(excluded.map((e) => [e, 'true'])),
      }),
      () => {
        const n = length ?? 32
        const included = (Object.keys(classes) as Array<Exclusion>).filter((c) => !excluded.includes(c))
        if (n < 8 || n > 128 || included.length === 0) return { expected: invalidParameter }
        const alphabet = included.map((c) => classes[c]).join('')
        return {
          expected: success({
            RandomPassword: matcher(
              `${n} characters of ${included.length} classes${requireEach === 'false' ? '' : ', each present'}`,
              (u) =>
                typeof u === 'string' &&
                [...u].length === n &&
                [...u].every((ch) => alphabet.includes(ch)) &&
                (requireEach === 'false' || included.every((c) => [...u].some((ch) => classes[c].includes(ch)))),
            ),
          }),
        }
      },
    ),
  )
