/**
 * CreateSecret, end to end: the name must be free (a live secret: Rejected.ResourceExist; one in
 * its deletion window: Rejected.ResourceInDeleteWindow), the key must exist and be symmetric, the
 * DKMS instance must exist, the account must be under its quota; then the first value is sealed and
 * the secret is committed with one version labelled ACSCurrent.
 *
 * @since 0.1.0
 */
import { KeyMetadata, Secret } from '@secrets-engine/core'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from '../ApiError.js'
import type * as CreateSecret from '../CreateSecret.js'
import * as Dialect from '../Dialect.js'
import * as Engine from '../Engine.js'
import type * as SecretRecord from '../SecretRecord.js'
import * as SecretValues from '../SecretValues.js'
import * as Wire from '../Wire.js'

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
export const handle = (
  command: CreateSecret.CreateSecretCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, CreateSecretResponse> =>
  pipe(
    checkInstance(env, command.dkmsInstanceId),
    TE.flatMap(() => resolveKey(env, command.encryptionKeyId)),
    TE.tap(() => checkQuota(env)),
    TE.flatMap((keyId) =>
      Engine.transact(env, command.secretName, (current) => {
        if (O.isSome(current)) {
          return TE.left(
            current.value.record.plannedDeleteAt === undefined
              ? ApiError.resourceExist()
              : ApiError.resourceInDeleteWindow(),
          )
        }
        return pipe(
          SecretValues.seal(env, keyId, { secretName: command.secretName, versionId: command.versionId }, command),
          TE.map((sealed) => {
            const record = recordOf(command, env.now, env.config.accountId, keyId, sealed)
            return Engine.commit(record, responseOf(record, command, env))
          }),
        )
      }),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const checkInstance = (env: Engine.Env, instanceId: string | undefined): TE.TaskEither<ApiError.ApiError, void> =>
  instanceId === undefined || env.config.dkmsInstances.has(instanceId)
    ? TE.right(undefined)
    : TE.left(ApiError.dkmsInstanceNotFound())

/** The key to seal with: the one named, which must exist and be symmetric, or the default key. */
const resolveKey = (env: Engine.Env, keyId: string | undefined): TE.TaskEither<ApiError.ApiError, string> =>
  keyId === undefined
    ? pipe(
        env.keyring.defaultKey(),
        TE.mapLeft(SecretValues.fromCryptoError),
        TE.map((key) => key.keyId),
      )
    : pipe(
        env.keyring.describeKey(keyId),
        TE.mapLeft((error) =>
          error._tag === 'KeyNotFound' ? ApiError.resourceNotFound() : ApiError.internalFailure(),
        ),
        TE.flatMap((key) =>
          KeyMetadata.isSymmetric(key.spec)
            ? TE.right(key.keyId)
            : TE.left(ApiError.invalidParameter('EncryptionKeyId', 'The key must be a symmetric key.')),
        ),
      )

const checkQuota = (env: Engine.Env): TE.TaskEither<ApiError.ApiError, void> =>
  pipe(
    env.store.list({ limit: 1 }),
    TE.mapLeft(Engine.storeFailure),
    TE.flatMap((page) =>
      page.total < env.config.maxSecrets ? TE.right(undefined) : TE.left(ApiError.limitExceeded()),
    ),
  )

const defaultPolicies = new Map<string, string>()

/**
 * The policy a secret gets when CreateSecret names none: the account may do everything. The text is
 * built once per account and shared by every secret that has it (about 200 bytes each otherwise).
 */
export const defaultPolicy = (accountId: string): string => {
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
  const secret = Secret.create(Dialect.rules)(command.secretName, {
    versionId: command.versionId,
    createdAt: now,
    value: sealed,
  })
  const description = command.description ?? ''
  const policy = command.policy?.raw ?? defaultPolicy(accountId)
  const { extendedConfig, dkmsInstanceId } = command
  return {
    secret,
    secretType: command.secretType,
    encryptionKeyId: keyId,
    description,
    ...(extendedConfig === undefined ? {} : { extendedConfig: extendedConfig.raw }),
    ...(dkmsInstanceId === undefined ? {} : { dkmsInstanceId }),
    tags: command.tags,
    policy,
    rotation,
    updatedAt: now,
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
  ...(record.secretType === 'Generic'
    ? {}
    : {
        AutomaticRotation: record.rotation.enabled ? ('Enabled' as const) : ('Disabled' as const),
        ...(record.extendedConfig === undefined ? {} : { ExtendedConfig: record.extendedConfig }),
        ...(record.rotation.intervalSeconds === undefined || !record.rotation.enabled
          ? {}
          : { RotationInterval: Wire.seconds(record.rotation.intervalSeconds) }),
        ...(record.rotation.nextRotationAt === undefined
          ? {}
          : { NextRotationDate: Wire.date(record.rotation.nextRotationAt) }),
      }),
})
