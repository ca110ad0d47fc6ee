/**
 * GetSecretValue: opens one version's value. Without `VersionId` or `VersionStage` it reads
 * ACSCurrent; `VersionId` alone reads that version, labelled or not; both must name the same
 * version (400 InvalidParameter otherwise). A secret pending deletion cannot be read (409).
 * Non-generic secrets read only ACSCurrent or ACSPrevious, and ignore `VersionId`.
 *
 * @since 0.1.0
 */
import { Secret } from '@secrets-engine/core'
import type { Version } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from '../ApiError.js'
import type { SecretDataType, SecretType } from '../CreateSecret.js'
import * as Credentials from '../Credentials.js'
import * as Dialect from '../Dialect.js'
import * as Engine from '../Engine.js'
import type { GetSecretValueCommand } from '../GetSecretValue.js'
import * as SecretRecord from '../SecretRecord.js'
import * as SecretValues from '../SecretValues.js'
import * as Wire from '../Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface GetSecretValueResponse {
  readonly SecretName: string
  readonly VersionId: string
  readonly SecretData: string
  readonly SecretDataType: SecretDataType
  readonly SecretType: SecretType
  readonly CreateTime: string
  readonly VersionStages: { readonly VersionStage: ReadonlyArray<string> }
  readonly AutomaticRotation?: 'Enabled' | 'Disabled'
  readonly RotationInterval?: string
  readonly NextRotationDate?: string
  readonly LastRotationDate?: string
  readonly ExtendedConfig?: string
}

/**
 * What reading one secret's value needs: GetSecretValue's command has these fields, and so has
 * each entry of BatchGetSecretValue's `SecretsList`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ValueRequest {
  /** A name or an ARN. */
  readonly secretName: string
  readonly versionId?: string
  readonly versionStage?: string
  readonly fetchExtendedConfig: boolean
  /** Stop with DryRunOperationError once the version is found, before opening it. */
  readonly dryRun?: boolean
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: GetSecretValueCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, GetSecretValueResponse> => readValue(env, command)

/**
 * Reads one secret's value and builds its GetSecretValue response body: the one implementation
 * that GetSecretValue and BatchGetSecretValue share.
 *
 * @category handler
 * @since 0.1.0
 */
export const readValue =
  (env: Engine.Env, request: ValueRequest): TE.TaskEither<ApiError.ApiError, GetSecretValueResponse> =>
  // Plain async code rather than a TE pipe: this is the engine's hottest path (see Engine.ts).
  async () => {
    const found = await Engine.readExisting(env, request.secretName)()
    if (E.isLeft(found)) return found
    const { name, record } = found.right
    const refused = SecretRecord.deleteWindowRefusal(record)
    if (refused !== undefined) return E.left(refused)
    const version = selectVersion(request, record)
    if (E.isLeft(version)) return version
    if (request.dryRun === true) return E.left(ApiError.dryRunOperation())
    const value = await SecretValues.openText(
      env,
      { secretName: name, versionId: version.right.versionId },
      version.right.value,
    )
    return E.isLeft(value) ? value : E.right(responseOf(request, record, version.right, value.right))
  }

/**
 * The version a GetSecretValue-style request names in `record`, or the request's error.
 *
 * @category handler
 * @since 0.1.0
 */
export const selectVersion = (
  request: { readonly versionId?: string; readonly versionStage?: string },
  record: SecretRecord.SecretRecord,
): E.Either<ApiError.ApiError, Version.Version<SecretRecord.SealedValue>> => {
  const generic = record.secretType === 'Generic'
  const versionId = generic ? request.versionId : undefined
  const stage = request.versionStage
  if (!generic && stage !== undefined && stage !== Dialect.currentStage && stage !== Dialect.previousStage) {
    return E.left(ApiError.invalidParameter('VersionStage', 'This secret type has only ACSCurrent and ACSPrevious.'))
  }
  // Plain branches rather than E.fromOption and E.filterOrElse: every read runs this (see Engine.ts).
  const found =
    versionId === undefined
      ? Secret.findByStage(stage ?? Dialect.currentStage)(record.secret)
      : Secret.findVersion(versionId)(record.secret)
  if (O.isNone(found)) return E.left(ApiError.resourceNotFound())
  if (versionId !== undefined && stage !== undefined && !found.value.stages.some((s) => s === stage)) {
    return E.left(ApiError.invalidParameter('VersionStage', 'The version does not carry this stage.'))
  }
  return E.right(found.value)
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const responseOf = (
  request: ValueRequest,
  record: SecretRecord.SecretRecord,
  version: Version.Version<SecretRecord.SealedValue>,
  secretData: string,
): GetSecretValueResponse => {
  const createTime = Wire.date(version.createdAt)
  return {
    SecretName: record.secret.name,
    VersionId: version.versionId,
    // Typed secrets are stored in CreateSecret's shape and read in GetSecretValue's.
    SecretData: Credentials.readShape(record.secretType, secretData, createTime),
    SecretDataType: version.value.dataType,
    SecretType: record.secretType,
    CreateTime: createTime,
    VersionStages: { VersionStage: [...version.stages] },
    ...rotationFields(record),
    ...(request.fetchExtendedConfig ? extendedConfigField(record) : {}),
  }
}

/**
 * The rotation fields non-generic secrets carry in their responses.
 *
 * @category handler
 * @since 0.1.0
 */
export const rotationFields = (
  record: SecretRecord.SecretRecord,
): Pick<GetSecretValueResponse, 'AutomaticRotation' | 'RotationInterval' | 'NextRotationDate' | 'LastRotationDate'> => {
  if (record.secretType === 'Generic') return {}
  const { rotation } = record
  return {
    AutomaticRotation: rotation.enabled ? 'Enabled' : 'Disabled',
    ...(rotation.enabled && rotation.intervalSeconds !== undefined
      ? { RotationInterval: Wire.seconds(rotation.intervalSeconds) }
      : {}),
    ...(rotation.enabled && rotation.nextRotationAt !== undefined
      ? { NextRotationDate: Wire.date(rotation.nextRotationAt) }
      : {}),
    ...(rotation.lastRotationAt === undefined ? {} : { LastRotationDate: Wire.date(rotation.lastRotationAt) }),
  }
}

/**
 * `ExtendedConfig` as the responses carry it: only for non-generic secrets (a Generic secret keeps
 * an ExtendedConfig it was created with, but never shows it).
 *
 * @category handler
 * @since 0.1.0
 */
export const extendedConfigField = (
  record: SecretRecord.SecretRecord,
): Pick<GetSecretValueResponse, 'ExtendedConfig'> =>
  record.secretType === 'Generic' || record.extendedConfig === undefined
    ? {}
    : { ExtendedConfig: record.extendedConfig }
