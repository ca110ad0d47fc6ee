/**
 * GenerateRandomPassword: `POST /v1/{project_id}/csms/generate-password`. `length` 8 to 128
 * (default 32); the four classes unless excluded; a space only with `include_space`;
 * `require_each_included_type` false by default, as documented. Excluding every character is
 * CSMS.0002 on `exclude_characters`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import type * as Engine from './Engine.js'
import * as Password from './Password.js'
import type { Request } from './Request.js'

/**
 * @category model
 * @since 0.1.0
 */
export interface PasswordResponse {
  readonly password: string
}

const fields = {
  length: Body.optional(Body.integer(8, 128)),
  exclude_characters: Body.optional(Body.text(4_096)),
  exclude_lowercase: Body.optional(t.boolean),
  exclude_uppercase: Body.optional(t.boolean),
  exclude_numbers: Body.optional(t.boolean),
  exclude_punctuation: Body.optional(t.boolean),
  include_space: Body.optional(t.boolean),
  require_each_included_type: Body.optional(t.boolean),
  password_policy_name: Body.optional(Body.text(255)),
}

/**
 * @category handlers
 * @since 0.1.0
 */
export const generate = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, PasswordResponse> =>
  pipe(
    TE.fromEither(Body.decode(fields)(request.body)),
    TE.flatMapEither((body) => {
      const classes = new Set<Password.CharacterClass>()
      if (body.exclude_lowercase !== true) classes.add('lowercase')
      if (body.exclude_uppercase !== true) classes.add('uppercase')
      if (body.exclude_numbers !== true) classes.add('numbers')
      if (body.exclude_punctuation !== true) classes.add('punctuation')
      if (body.include_space === true) classes.add('space')
      return pipe(
        Password.generate({
          length: body.length ?? Password.defaults.length,
          excludeCharacters: body.exclude_characters ?? '',
          classes,
          requireEachIncludedType: body.require_each_included_type ?? false,
        })(env.random),
        E.mapLeft(() => CsmsError.invalidParameter('exclude_characters')),
      )
    }),
    TE.map((password) => ({ password })),
  )
