/**
 * What the version and label operations (PutSecretValue, UpdateSecretVersionStage) share: the
 * check that a secret may take version changes now, and the reading of the core's versioning errors
 * as Alibaba errors.
 *
 * @since 0.1.0
 */
import type { DomainError } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as ApiError from '../ApiError.js'
import * as SecretRecord from '../SecretRecord.js'
import { protectedStage } from '../UpdateSecretVersionStage.js'

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * A secret pending deletion refuses every change (409); only generic secrets have versions a caller
 * may write or relabel (400 UnsupportedOperation). The deletion window is checked first: it is the
 * state of this one secret, where the type is a rule of the whole operation.
 *
 * @category refinements
 * @since 0.1.0
 */
export const writableVersions = (record: SecretRecord.SecretRecord): E.Either<ApiError.ApiError, void> => {
  const refused = SecretRecord.deleteWindowRefusal(record)
  if (refused !== undefined) return E.left(refused)
  if (record.secretType !== 'Generic') return E.left(ApiError.unsupportedOperation())
  return E.right(undefined)
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * How a refused version or label change reads in the API (api-decisions.md: a 9th label is
 * Rejected.LimitExceeded, an unknown version 404, a label not on RemoveFromVersion
 * Rejected.InvalidRequest, removing ACSCurrent or ACSPrevious InvalidParameter).
 *
 * @category destructors
 * @since 0.1.0
 */
export const fromDomainError = (error: DomainError.DomainError): ApiError.ApiError => {
  switch (error._tag) {
    case 'StageLabelLimitExceeded':
      return ApiError.limitExceeded()
    case 'VersionNotFound':
    case 'StageLabelNotFound':
      return ApiError.resourceNotFound()
    case 'StageLabelNotOnVersion':
      return ApiError.invalidRequest()
    case 'ProtectedStageLabel':
      return protectedStage()
    case 'StageMoveUnspecified':
      return ApiError.missingParameter('MoveToVersion')
    case 'VersionAlreadyExists':
      return ApiError.resourceExist()
    case 'InvalidSecretName':
      return ApiError.invalidParameter('SecretName')
    case 'InvalidVersionId':
      return ApiError.invalidParameter('VersionId')
    case 'InvalidStageLabel':
      return ApiError.invalidParameter('VersionStage')
  }
}
