import { ApiErrors, type DescribeSecretResponse } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic } from '../support/versions.js'

const rds = {
  SecretName: 'mydbconninfo',
  VersionId: 'v1',
  SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"****"}]}',
  SecretType: 'Rds',
  ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-bp1b3dd3a506e****"}',
  EnableAutomaticRotation: 'true',
  RotationInterval: '30d',
} as const

const setup = async () => {
  const t = testEngine({ dkmsInstances: ['kst-one'] })
  const key = await t.engine.keyring.defaultKey()()
  const keyId = E.isRight(key) ? key.right.keyId : ''
  return { ...t, keyId }
}

describe('DescribeSecret', () => {
  it('describes a generic secret: always the eight fields, Description empty when none was given', async () => {
    const { engine, keyId } = await setup()
    await engine.createSecret(generic)()
    expect(withoutRequestId(await engine.describeSecret({ SecretName: 'db-password' })())).toStrictEqual(
      E.right({
        Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password',
        SecretName: 'db-password',
        Description: '',
        CreateTime: '2026-01-01T00:00:00Z',
        UpdateTime: '2026-01-01T00:00:00Z',
        EncryptionKeyId: keyId,
        SecretType: 'Generic',
      }),
    )
  })

  it('accepts the ARN and gives DKMSInstanceId, and Tags only with FetchTags=true', async () => {
    const { engine, keyId } = await setup()
    await engine.createSecret({
      ...generic,
      Description: 'the db',
      DKMSInstanceId: 'kst-one',
      Tags: '[{"TagKey":"k1","TagValue":"v1"},{"TagKey":"k2","TagValue":""}]',
    })()
    const base = {
      Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password',
      SecretName: 'db-password',
      Description: 'the db',
      CreateTime: '2026-01-01T00:00:00Z',
      UpdateTime: '2026-01-01T00:00:00Z',
      EncryptionKeyId: keyId,
      SecretType: 'Generic',
      DKMSInstanceId: 'kst-one',
    }
    const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password'
    expect(withoutRequestId(await engine.describeSecret({ SecretName: arn, FetchTags: 'false' })())).toStrictEqual(
      E.right(base),
    )
    expect(withoutRequestId(await engine.describeSecret({ SecretName: arn, FetchTags: 'true' })())).toStrictEqual(
      E.right({
        ...base,
        Tags: {
          Tag: [
            { TagKey: 'k1', TagValue: 'v1' },
            { TagKey: 'k2', TagValue: '' },
          ],
        },
      }),
    )
  })

  it('gives an empty Tag array with FetchTags=true when the secret has no tags', async () => {
    const { engine } = await setup()
    await engine.createSecret(generic)()
    const r = await engine.describeSecret({ SecretName: 'db-password', FetchTags: 'true' })()
    expect(E.map((b: { Tags?: unknown }) => b.Tags)(r)).toStrictEqual(E.right({ Tag: [] }))
  })

  it('gives a rotating secret its rotation fields and ExtendedConfig, LastRotationDate once it rotated', async () => {
    const { engine, clock, keyId } = await setup()
    await engine.createSecret(rds)()
    const common = {
      Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/mydbconninfo',
      SecretName: 'mydbconninfo',
      Description: '',
      CreateTime: '2026-01-01T00:00:00Z',
      UpdateTime: '2026-01-01T00:00:00Z',
      EncryptionKeyId: keyId,
      SecretType: 'Rds',
      AutomaticRotation: 'Enabled',
      RotationInterval: '2592000s',
      ExtendedConfig: rds.ExtendedConfig,
    }
    expect(withoutRequestId(await engine.describeSecret({ SecretName: 'mydbconninfo' })())).toStrictEqual(
      E.right({ ...common, NextRotationDate: '2026-01-31T00:00:00Z' }),
    )
    clock.advance(days(31))
    expect(withoutRequestId(await engine.describeSecret({ SecretName: 'mydbconninfo' })())).toStrictEqual(
      E.right({
        ...common,
        // A rotation writes a new version, so the secret was updated then.
        UpdateTime: '2026-02-01T00:00:00Z',
        NextRotationDate: '2026-03-02T00:00:00Z',
        LastRotationDate: '2026-02-01T00:00:00Z',
      }),
    )
  })

  it('gives a non-rotating typed secret AutomaticRotation=Disabled and no interval', async () => {
    const { engine } = await setup()
    await engine.createSecret({ ...rds, EnableAutomaticRotation: 'false' })()
    const r = await engine.describeSecret({ SecretName: 'mydbconninfo' })()
    expect(
      E.map((b: DescribeSecretResponse) => [b.AutomaticRotation, b.RotationInterval, b.NextRotationDate])(r),
    ).toStrictEqual(E.right(['Disabled', undefined, undefined]))
  })

  it('works while the secret is pending deletion, with PlannedDeleteTime', async () => {
    const { engine } = await setup()
    await engine.createSecret(generic)()
    await engine.deleteSecret({ SecretName: 'db-password', RecoveryWindowInDays: '7' })()
    const r = await engine.describeSecret({ SecretName: 'db-password' })()
    expect(E.map((b: DescribeSecretResponse) => b.PlannedDeleteTime)(r)).toStrictEqual(E.right('2026-01-08T00:00:00Z'))
  })

  it('refuses an unknown secret, an ARN of another account, a missing name and a bad FetchTags', async () => {
    const { engine, store } = await setup()
    await engine.createSecret(generic)()
    const before = store.snapshot()
    expect(await engine.describeSecret({ SecretName: 'nope' })()).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    expect(
      await engine.describeSecret({ SecretName: 'acs:kms:cn-hangzhou:9999999999999999:secret/db-password' })(),
    ).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    expect(await engine.request('DescribeSecret', {})()).toStrictEqual(E.left(ApiErrors.missingParameter('SecretName')))
    expect(await engine.request('DescribeSecret', { SecretName: 'db-password', FetchTags: 'yes' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('FetchTags', 'It must be true or false.')),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })
})
