/**
 * UpdateSecretRotationPolicy: the wire parameters decoded into a command. `EnableAutomaticRotation`
 * is required; `RotationInterval` is required when it is `true` (400 MissingParameter otherwise)
 * and ignored when it is `false`. This API allows 7 to 365 days (168 h to 8,760 h), narrower than
 * CreateSecret's 6 h to 8,760 h; both go through the same interval rule with their own range.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { BooleanC, limits as createLimits, rotationIntervalC } from './CreateSecret.js'
import type { Rotation } from './CreateSecret.js'
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
export interface UpdateSecretRotationPolicyRequest {
  readonly SecretName: string
  readonly EnableAutomaticRotation: 'true' | 'false'
  readonly RotationInterval?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretRotationPolicyCommand {
  readonly _tag: 'UpdateSecretRotationPolicy'
  /** A name or an ARN. */
  readonly secretName: string
  readonly rotation: Rotation
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const limits = {
  minRotationSeconds: 168 * 3_600,
  maxRotationSeconds: createLimits.maxRotationSeconds,
} as const

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const RotationIntervalC = rotationIntervalC(limits.minRotationSeconds, limits.maxRotationSeconds)

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, UpdateSecretRotationPolicyCommand> =>
  pipe(
    E.Do,
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.bind('enable', () => Params.required(params, 'EnableAutomaticRotation', BooleanC)),
    E.bind('rotation', ({ enable }): E.Either<ApiError.ApiError, Rotation> =>
      enable === 'true'
        ? pipe(
            Params.required(params, 'RotationInterval', RotationIntervalC),
            E.map((intervalSeconds) => ({ enabled: true, intervalSeconds })),
          )
        : E.right({ enabled: false }),
    ),
    E.map((d): UpdateSecretRotationPolicyCommand => ({
      _tag: 'UpdateSecretRotationPolicy',
      secretName: d.secretName,
      rotation: d.rotation,
    })),
  )
