/**
 * UpdateSecretVersionStage: the wire parameters decoded into a command. `VersionStage` is the
 * label; `MoveToVersion` attaches it to a version, `RemoveFromVersion` takes it off one, both move
 * it. The rules that need only the parameters are checked here: at least one of the two versions,
 * and ACSCurrent or ACSPrevious only ever move (they need `MoveToVersion`).
 *
 * @since 0.1.0
 */
import { StageLabel } from '@secrets-engine/core'
import type { VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as ApiError from './ApiError.js'
import { VersionIdC } from './CreateSecret.js'
import * as Dialect from './Dialect.js'
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
export interface UpdateSecretVersionStageRequest {
  readonly SecretName: string
  readonly VersionStage: string
  readonly RemoveFromVersion?: string
  readonly MoveToVersion?: string
}

/**
 * At least one of `removeFromVersion` and `moveToVersion` is present.
 *
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretVersionStageCommand {
  readonly _tag: 'UpdateSecretVersionStage'
  /** A name or an ARN. */
  readonly secretName: string
  readonly versionStage: StageLabel.StageLabel
  readonly removeFromVersion?: VersionId.VersionId
  readonly moveToVersion?: VersionId.VersionId
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Removing ACSCurrent or ACSPrevious without a version to move it to (api-decisions.md: 400
 * InvalidParameter; the documentation says these built-in labels "can only be moved").
 *
 * @category constructors
 * @since 0.1.0
 */
export const protectedStage = (): ApiError.ApiError =>
  ApiError.invalidParameter(
    'VersionStage',
    'ACSCurrent and ACSPrevious cannot be removed, only moved to another version with MoveToVersion.',
  )

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, UpdateSecretVersionStageCommand> => {
  // A gateway reports a missing required parameter before it looks at any value.
  const missing = Params.firstMissing(params, ['SecretName', 'VersionStage'])
  if (missing !== undefined) return E.left(missing)
  return pipe(
    E.Do,
    E.bind('secretName', () => Params.required(params, 'SecretName', t.string)),
    E.bind('versionStage', () => Params.required(params, 'VersionStage', StageLabelC)),
    E.bind('removeFromVersion', () => Params.optional(params, 'RemoveFromVersion', VersionIdC)),
    E.bind('moveToVersion', () => Params.optional(params, 'MoveToVersion', VersionIdC)),
    // These two checks repeat the core's (Secret.moveStage: StageMoveUnspecified, ProtectedStageLabel)
    // on purpose: here they answer 400 before the secret is read, so a malformed request is 400
    // even for a secret that does not exist (404), as a gateway would answer.
    E.filterOrElse(
      (d) => d.removeFromVersion !== undefined || d.moveToVersion !== undefined,
      // Either version would do; the error names MoveToVersion, the parameter of the documented
      // first scenario (adding a label) and the one ACSCurrent and ACSPrevious always need.
      () => ApiError.missingParameter('MoveToVersion'),
    ),
    E.filterOrElse(
      (d) =>
        d.moveToVersion !== undefined ||
        (d.versionStage !== Dialect.currentStage && d.versionStage !== Dialect.previousStage),
      protectedStage,
    ),
    E.map((d): UpdateSecretVersionStageCommand => ({
      _tag: 'UpdateSecretVersionStage',
      secretName: d.secretName,
      versionStage: d.versionStage,
      ...(d.removeFromVersion === undefined ? {} : { removeFromVersion: d.removeFromVersion }),
      ...(d.moveToVersion === undefined ? {} : { moveToVersion: d.moveToVersion }),
    })),
  )
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * A stage label: 1 to 64 characters (Dialect.stageLabelRule), through the core's constructor.
 *
 * @category codecs
 * @since 0.1.0
 */
export const StageLabelC = Params.brandedC('VersionStage', Dialect.stageLabelRule, StageLabel.fromString)
