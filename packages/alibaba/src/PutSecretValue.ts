/**
 * PutSecretValue: the wire parameters decoded into a command. `SecretName` is a name or an ARN;
 * `VersionId` and `SecretData` follow CreateSecret's rules (the same codecs); `VersionStages` is a
 * JSON array string of stage labels, e.g. `["ACSCurrent","ACSNext"]`, each checked by the dialect's
 * label rule. Only generic secrets take new versions, and the secret's type is known only once it
 * is read, so `SecretData` is checked by the generic rule (a size limit) here.
 *
 * @since 0.1.0
 */
import { Redacted, StageLabel } from '@secrets-engine/core'
import type { VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { SecretDataTypeC, VersionIdC, secretDataC } from './CreateSecret.js'
import type { SecretDataType } from './CreateSecret.js'
import * as Dialect from './Dialect.js'
import * as Json from './Json.js'
import * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method. `VersionStages` is JSON text.
 *
 * @category model
 * @since 0.1.0
 */
export interface PutSecretValueRequest {
  readonly SecretName: string
  readonly VersionId: string
  readonly SecretData: string
  readonly SecretDataType?: SecretDataType
  readonly VersionStages?: string
}

/**
 * A decoded PutSecretValue request. The value is `Redacted`, so the command can be printed or
 * serialised without leaking it.
 *
 * @category model
 * @since 0.1.0
 */
export interface PutSecretValueCommand {
  readonly _tag: 'PutSecretValue'
  /** A name or an ARN. */
  readonly secretName: string
  readonly versionId: VersionId.VersionId
  readonly secretData: Redacted.Redacted<string>
  readonly dataType: SecretDataType
  /** Absent: the new version becomes ACSCurrent. Present: exactly these labels, in request order. */
  readonly versionStages?: ReadonlyArray<StageLabel.StageLabel>
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Missing required parameters first (a gateway reports them before it looks at any value), then
 * each value in the order of the documentation.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, PutSecretValueCommand> => {
  // A gateway reports a missing required parameter before it looks at any value.
  const missing = Params.firstMissing(params, ['SecretName', 'VersionId', 'SecretData'])
  if (missing !== undefined) return E.left(missing)
  const secretName = Params.required(params, 'SecretName', t.string)
  if (E.isLeft(secretName)) return secretName
  const versionId = Params.required(params, 'VersionId', VersionIdC)
  if (E.isLeft(versionId)) return versionId
  const secretData = Params.required(params, 'SecretData', secretDataC('Generic', undefined))
  if (E.isLeft(secretData)) return secretData
  const dataType = Params.optional(params, 'SecretDataType', SecretDataTypeC)
  if (E.isLeft(dataType)) return dataType
  const versionStages = Params.optional(params, 'VersionStages', VersionStagesC)
  if (E.isLeft(versionStages)) return versionStages
  return E.right({
    _tag: 'PutSecretValue',
    secretName: secretName.right,
    versionId: versionId.right,
    secretData: Redacted.make(secretData.right),
    dataType: dataType.right ?? 'text',
    ...(versionStages.right === undefined ? {} : { versionStages: versionStages.right }),
  })
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const expected = 'a non-empty JSON array of stage labels, e.g. ["ACSCurrent","ACSNext"]'

/**
 * `VersionStages`: a JSON array of 1 or more labels, each 1 to 64 characters (Dialect.stageLabelRule).
 * An empty array is refused: a version written with no label would be deprecated at birth, and the
 * documentation's examples always list at least one label. The 2021 page's `{"VersionStage":[...]}`
 * object form is refused too; every current source sends the bare array. Escaped quotes
 * (`[\"a\"]`, as some shells leave them) are accepted, as for `Tags`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const VersionStagesC = new t.Type<ReadonlyArray<StageLabel.StageLabel>, string, string>(
  'VersionStages',
  (u): u is ReadonlyArray<StageLabel.StageLabel> => Array.isArray(u) && u.every(StageLabel.is(Dialect.stageLabelRule)),
  (s, c) => {
    const json = Json.parseLenient(s)
    if (E.isLeft(json)) return t.failure(s, c, `It must be ${expected}, and it is not valid JSON.`)
    const list = json.right
    if (!Array.isArray(list) || list.length === 0) return t.failure(s, c, `It must be ${expected}.`)
    const labels: Array<StageLabel.StageLabel> = []
    for (const item of list) {
      if (typeof item !== 'string') return t.failure(s, c, `It must be ${expected}.`)
      const label = StageLabel.fromString(Dialect.stageLabelRule)(item)
      if (E.isLeft(label)) {
        return t.failure(s, c, `Each stage label must be 1 to ${Dialect.stageLabelRule.maxLength} characters long.`)
      }
      labels.push(label.right)
    }
    return t.success(labels)
  },
  (labels) => JSON.stringify(labels),
)
