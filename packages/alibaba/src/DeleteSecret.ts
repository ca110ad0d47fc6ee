/**
 * DeleteSecret: the wire parameters decoded into a command. Either a scheduled deletion with a
 * recovery window (`RecoveryWindowInDays`, 7 to 30 days, 30 by default), or, with
 * `ForceDeleteWithoutRecovery=true`, an immediate one. A forced deletion ignores
 * `RecoveryWindowInDays` entirely, even a value that would not be valid: Terraform sends both
 * parameters on every delete, and the documentation only says the window does not apply.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { BooleanC } from './CreateSecret.js'
import * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method.
 *
 * @category model
 * @since 0.1.0
 */
export interface DeleteSecretRequest {
  readonly SecretName: string
  readonly RecoveryWindowInDays?: string
  readonly ForceDeleteWithoutRecovery?: 'true' | 'false'
}

/**
 * How the secret goes: at once, or at the end of a recovery window (in days).
 *
 * @category model
 * @since 0.1.0
 */
export type Deletion = { readonly force: true } | { readonly force: false; readonly recoveryWindowInDays: number }

/**
 * @category model
 * @since 0.1.0
 */
export interface DeleteSecretCommand {
  readonly _tag: 'DeleteSecret'
  /** A name or an ARN. */
  readonly secretName: string
  readonly deletion: Deletion
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const recoveryWindow = { minDays: 7, maxDays: 30, defaultDays: 30 } as const

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * A whole number of days from 7 to 30, in decimal digits.
 *
 * @category codecs
 * @since 0.1.0
 */
export const RecoveryWindowInDaysC = new t.Type<number, string, string>(
  'RecoveryWindowInDays',
  (u): u is number => typeof u === 'number',
  (s, c) => {
    const days = /^[0-9]{1,3}$/.test(s) ? Number(s) : Number.NaN
    return days >= recoveryWindow.minDays && days <= recoveryWindow.maxDays
      ? t.success(days)
      : t.failure(
          s,
          c,
          `It must be a whole number of days from ${recoveryWindow.minDays} to ${recoveryWindow.maxDays}.`,
        )
  },
  String,
)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, DeleteSecretCommand> =>
  pipe(
    E.Do,
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.bind('force', () => Params.optional(params, 'ForceDeleteWithoutRecovery', BooleanC)),
    E.bind('deletion', ({ force }): E.Either<ApiError.ApiError, Deletion> =>
      force === 'true'
        ? E.right({ force: true })
        : pipe(
            Params.optional(params, 'RecoveryWindowInDays', RecoveryWindowInDaysC),
            E.map((days): Deletion => ({ force: false, recoveryWindowInDays: days ?? recoveryWindow.defaultDays })),
          ),
    ),
    E.map((d): DeleteSecretCommand => ({ _tag: 'DeleteSecret', secretName: d.secretName, deletion: d.deletion })),
  )
