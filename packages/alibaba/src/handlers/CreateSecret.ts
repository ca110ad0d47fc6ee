/**
 * CreateSecret, end to end: the name must be free (a live secret: Rejected.ResourceExist; one in
 * its deletion window: Rejected.ResourceInDeleteWindow), the key must exist and be symmetric, the
 * DKMS instance must exist, the account must be under its quota; then the first value is sealed and
 * the secret is committed with one version labelled ACSCurrent. An engine runs its CreateSecret
 * requests one at a time, so that concurrent requests cannot overshoot the quota together.
 *
 * @since 0.1.0
 */
import { KeyMetadata } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from '../ApiError.js'
import * as CreateSecret from '../CreateSecret.js'
import * as Engine from '../Engine.js'
import * as SecretRecord from '../SecretRecord.js'
import * as SecretValues from '../SecretValues.js'
import * as Wire from '../Wire.js'
import { extendedConfigField, rotationFields } from './GetSecretValue.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface CreateSecretResponse {
  readonly Arn: string
  readonly SecretName: string
  readonly VersionId: string
  readonly SecretType: CreateSecret.SecretType
  readonly DKMSInstanceId?: string
  readonly AutomaticRotation?: 'Enabled' | 'Disabled'
  readonly ExtendedConfig?: string
  readonly RotationInterval?: string
  readonly NextRotationDate?: string
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle =
  (
    command: CreateSecret.CreateSecretCommand,
    env: Engine.Env,
  ): TE.TaskEither<ApiError.ApiError, CreateSecretResponse> =>
  // Plain async code rather than a TE pipe: every write runs it (see Engine.ts). The count and the
  // commit of one engine's requests run one at a time (`env.creating`), so that two of them cannot
  // both count the secrets, find one place left under the quota, and both commit: the store's
  // compare-and-set guards one secret, not the count. While no other CreateSecret waits there, the
  // queue costs no extra promise hop.
  async () => {
    const { arnScope } = command
    if (
      arnScope !== undefined &&
      (arnScope.region !== env.config.region || arnScope.accountId !== env.config.accountId)
    ) {
      return E.left(ApiError.invalidParameter('SecretName', 'An ARN must be of this region and account.'))
    }
    if (command.dkmsInstanceId !== undefined && !env.config.dkmsInstances.has(command.dkmsInstanceId)) {
      return E.left(ApiError.dkmsInstanceNotFound())
    }
    const keyId = await resolveKey(env, command.encryptionKeyId)
    if (E.isLeft(keyId)) return keyId
    return env.creating(async () => {
      // The quota counts live secrets only (see `Engine.hasRoom`): Rejected.LimitExceeded at the limit.
      const room = await Engine.hasRoom(env, env.config.maxSecrets)
      if (E.isLeft(room)) return room
      if (!room.right) return E.left(ApiError.limitExceeded())
      return Engine.transact(env, command.secretName, (current) => async () => {
        if (O.isSome(current)) {
          return E.left(SecretRecord.deleteWindowRefusal(current.value.record) ?? ApiError.resourceExist())
        }
        const context = { secretName: command.secretName, versionId: command.versionId }
        const sealed = await SecretValues.seal(env, keyId.right, context, command)()
        if (E.isLeft(sealed)) return sealed
        const record = recordOf(command, env.now, env.config.accountId, keyId.right, sealed.right)
        return E.right(Engine.commit(record, responseOf(record, command, env)))
      })()
    })
  }

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The key to seal with: the one named, which must exist and be symmetric, or the default key. */
const resolveKey = async (env: Engine.Env, keyId: string | undefined): Promise<E.Either<ApiError.ApiError, string>> => {
  if (keyId === undefined) {
    const key = await env.keyring.defaultKey()()
    return E.isLeft(key) ? E.left(SecretValues.fromCryptoError(key.left)) : E.right(key.right.keyId)
  }
  const key = await env.keyring.describeKey(keyId)()
  if (E.isLeft(key)) {
    return E.left(key.left._tag === 'KeyNotFound' ? ApiError.resourceNotFound() : ApiError.internalFailure())
  }
  return KeyMetadata.isSymmetric(key.right.spec)
    ? E.right(key.right.keyId)
    : E.left(ApiError.invalidParameter('EncryptionKeyId', 'The key must be a symmetric key.'))
}

const defaultPolicies = new Map<string, string>()

/**
 * The policy a secret gets when CreateSecret names none: the account may do everything. The text is
 * built once per account and shared by every secret that has it (about 200 bytes each otherwise).
 */
const defaultPolicy = (accountId: string): string => {
  const known = defaultPolicies.get(accountId)
  if (known !== undefined) return known
  const policy = JSON.stringify({
    Version: '1',
    Statement: [
      {
        Sid: 'kms default secret policy',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${accountId}:*`] },
        Action: ['kms:*'],
        Resource: ['*'],
      },
    ],
  })
  defaultPolicies.set(accountId, policy)
  return policy
}

/** Records are immutable once stored: every secret without rotation shares this one. */
const noRotation: SecretRecord.RotationState = Object.freeze({ enabled: false })

/**
 * The record CreateSecret stores for `command` at `now`, its first value sealed under `keyId`:
 * exported for tools that fill a store directly with what CreateSecret would store (the benchmark).
 *
 * @category handler
 * @since 0.1.0
 */
export const recordOf = (
  command: CreateSecret.CreateSecretCommand,
  now: number,
  accountId: string,
  keyId: string,
  sealed: SecretRecord.SealedValue,
): SecretRecord.SecretRecord => {
  const rotation: SecretRecord.RotationState = command.rotation.enabled
    ? {
        enabled: true,
        intervalSeconds: command.rotation.intervalSeconds,
        nextRotationAt: now + command.rotation.intervalSeconds * 1000,
      }
    : noRotation
  const secret = CreateSecret.initialSecret(command, now, sealed)
  const description = command.description ?? ''
  const policy = command.policy?.raw ?? defaultPolicy(accountId)
  const record: SecretRecord.SecretRecord = {
    secret,
    secretType: command.secretType,
    encryptionKeyId: keyId,
    description,
    tags: command.tags,
    policy,
    rotation,
    updatedAt: now,
  }
  // The optional fields are added only to the records that have them: a literal without spreads is
  // allocated at its exact size, one with spreads leaves room for two more fields (16 bytes a secret).
  const { extendedConfig, dkmsInstanceId } = command
  if (extendedConfig === undefined && dkmsInstanceId === undefined) return record
  return {
    ...record,
    ...(extendedConfig === undefined ? {} : { extendedConfig: extendedConfig.raw }),
    ...(dkmsInstanceId === undefined ? {} : { dkmsInstanceId }),
  }
}

const responseOf = (
  record: SecretRecord.SecretRecord,
  command: CreateSecret.CreateSecretCommand,
  env: Engine.Env,
): CreateSecretResponse => ({
  Arn: Wire.arn(env.config.region, env.config.accountId, command.secretName),
  SecretName: command.secretName,
  VersionId: command.versionId,
  SecretType: command.secretType,
  ...(record.dkmsInstanceId === undefined ? {} : { DKMSInstanceId: record.dkmsInstanceId }),
  // A new secret has not rotated yet, so these never include LastRotationDate.
  ...rotationFields(record),
  ...extendedConfigField(record),
})
