/**
 * DescribeSecret: a secret's metadata, never its value. It works while the secret is pending
 * deletion (the response then carries `PlannedDeleteTime`), since that is how a caller finds out
 * when the secret goes and whether to restore it.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from '../ApiError.js'
import type { SecretType, Tag } from '../CreateSecret.js'
import type { DescribeSecretCommand } from '../DescribeSecret.js'
import * as Engine from '../Engine.js'
import type * as SecretRecord from '../SecretRecord.js'
import * as Wire from '../Wire.js'
import { extendedConfigField, rotationFields } from './GetSecretValue.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The tags of a secret as every response wraps them.
 *
 * @category model
 * @since 0.1.0
 */
export interface TagsField {
  readonly Tag: ReadonlyArray<{ readonly TagKey: string; readonly TagValue: string }>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface DescribeSecretResponse {
  readonly Arn: string
  readonly SecretName: string
  readonly Description: string
  readonly CreateTime: string
  readonly UpdateTime: string
  readonly EncryptionKeyId: string
  readonly SecretType: SecretType
  readonly DKMSInstanceId?: string
  readonly PlannedDeleteTime?: string
  readonly Tags?: TagsField
  readonly AutomaticRotation?: 'Enabled' | 'Disabled'
  readonly RotationInterval?: string
  readonly NextRotationDate?: string
  readonly LastRotationDate?: string
  readonly ExtendedConfig?: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: DescribeSecretCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, DescribeSecretResponse> =>
  pipe(
    Engine.readExisting(env, command.secretName),
    TE.map(({ record }) => responseOf(command, record, env)),
  )

/**
 * `Tags: { Tag: [...] }`, always a real array.
 *
 * @category handler
 * @since 0.1.0
 */
export const tagsField = (tags: ReadonlyArray<Tag>): TagsField => ({
  Tag: tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value })),
})

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const responseOf = (
  command: DescribeSecretCommand,
  record: SecretRecord.SecretRecord,
  env: Engine.Env,
): DescribeSecretResponse => ({
  Arn: Wire.arn(env.config.region, env.config.accountId, record.secret.name),
  SecretName: record.secret.name,
  Description: record.description,
  CreateTime: Wire.date(record.secret.createdAt),
  UpdateTime: Wire.date(record.updatedAt),
  EncryptionKeyId: record.encryptionKeyId,
  SecretType: record.secretType,
  ...(record.dkmsInstanceId === undefined ? {} : { DKMSInstanceId: record.dkmsInstanceId }),
  ...(record.plannedDeleteAt === undefined ? {} : { PlannedDeleteTime: Wire.date(record.plannedDeleteAt) }),
  ...(command.fetchTags ? { Tags: tagsField(record.tags) } : {}),
  ...rotationFields(record),
  ...extendedConfigField(record),
})
