import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, hours, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { fixtures } from '../rotating.js'
import { recordOf, scheduleDeletion } from '../support/versions.js'

const rds = {
  SecretName: 'mydbconninfo',
  VersionId: 'v1',
  SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"old-password"}]}',
  SecretType: 'Rds',
  ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-bp1b3dd3a506e****"}',
} as const

const setup = async () => {
  const t = testEngine()
  await t.engine.createSecret(rds)()
  await t.engine.createSecret(fixtures.generic)()
  return t
}

const enable = (RotationInterval: string) => ({
  SecretName: rds.SecretName,
  EnableAutomaticRotation: 'true' as const,
  RotationInterval,
})

describe('UpdateSecretRotationPolicy: parameters', () => {
  it('requires SecretName and EnableAutomaticRotation, and RotationInterval when enabling', async () => {
    const { engine } = await setup()
    expect(await engine.request('UpdateSecretRotationPolicy', { EnableAutomaticRotation: 'false' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(await engine.request('UpdateSecretRotationPolicy', { SecretName: 'mydbconninfo' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('EnableAutomaticRotation')),
    )
    expect(
      await engine.request('UpdateSecretRotationPolicy', {
        SecretName: 'mydbconninfo',
        EnableAutomaticRotation: 'true',
      })(),
    ).toStrictEqual(E.left(ApiErrors.missingParameter('RotationInterval')))
    expect(
      await engine.request('UpdateSecretRotationPolicy', {
        SecretName: 'mydbconninfo',
        EnableAutomaticRotation: 'yes',
      })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('EnableAutomaticRotation', 'It must be true or false.')))
  })

  it('accepts 7 to 365 days (168 h to 8760 h) in any unit, and refuses one past either end', async () => {
    const { engine } = await setup()
    for (const interval of ['7d', '168h', '10080m', '604800s', '365d', '8760h', '31536000s']) {
      expect(withoutRequestId(await engine.updateSecretRotationPolicy(enable(interval))())).toStrictEqual(
        E.right({ SecretName: 'mydbconninfo' }),
      )
    }
    const outOfRange = E.left(
      ApiErrors.invalidParameter('RotationInterval', 'It must be from 168 hours to 8760 hours.'),
    )
    for (const interval of ['167h', '10079m', '604799s', '6d', '8761h', '366d', '31536001s']) {
      expect(await engine.updateSecretRotationPolicy(enable(interval))()).toStrictEqual(outOfRange)
    }
    for (const interval of ['7', 'd', '7w', '1.5d', '-7d', '7 d']) {
      expect(await engine.updateSecretRotationPolicy(enable(interval))()).toStrictEqual(
        E.left(
          ApiErrors.invalidParameter(
            'RotationInterval',
            'It must be an integer followed by d, h, m or s, such as 30d.',
          ),
        ),
      )
    }
  })

  it('ignores RotationInterval when disabling', async () => {
    const { engine } = await setup()
    expect(
      withoutRequestId(
        await engine.updateSecretRotationPolicy({
          SecretName: 'mydbconninfo',
          EnableAutomaticRotation: 'false',
          RotationInterval: 'never',
        })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'mydbconninfo' }))
  })
})

describe('UpdateSecretRotationPolicy: semantics', () => {
  it('schedules the next rotation at creation plus the interval when the secret never rotated', async () => {
    const { engine, clock } = await setup()
    clock.advance(days(1))
    await engine.updateSecretRotationPolicy(enable('30d'))()
    const read = await engine.getSecretValue({ SecretName: 'mydbconninfo' })()
    expect(E.isRight(read) && read.right).toMatchObject({
      AutomaticRotation: 'Enabled',
      RotationInterval: '2592000s',
      NextRotationDate: '2026-01-31T00:00:00Z',
    })
  })

  it('schedules the next rotation now when creation plus the interval has passed', async () => {
    const { engine, clock, store } = await setup()
    clock.advance(days(40))
    await engine.updateSecretRotationPolicy(enable('30d'))()
    const record = await recordOf(store, 'mydbconninfo')
    expect(record.rotation).toStrictEqual({
      enabled: true,
      intervalSeconds: 30 * 86_400,
      nextRotationAt: Date.parse('2026-02-10T00:00:00Z'),
    })
    expect(record.updatedAt).toBe(Date.parse('2026-02-10T00:00:00Z'))
  })

  it('disabling drops the schedule and shows AutomaticRotation Disabled', async () => {
    const { engine, clock } = testEngine()
    await engine.createSecret({ ...rds, EnableAutomaticRotation: 'true', RotationInterval: '7d' })()
    await engine.updateSecretRotationPolicy({ SecretName: 'mydbconninfo', EnableAutomaticRotation: 'false' })()
    clock.advance(days(30))
    const read = await engine.getSecretValue({ SecretName: 'mydbconninfo' })()
    expect(E.isRight(read) && read.right).toMatchObject({ VersionId: 'v1', AutomaticRotation: 'Disabled' })
    expect(E.isRight(read) && 'NextRotationDate' in read.right).toBe(false)
  })

  it('accepts the secret ARN', async () => {
    const { engine } = await setup()
    expect(
      withoutRequestId(
        await engine.updateSecretRotationPolicy({
          ...enable('7d'),
          SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/mydbconninfo',
        })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'mydbconninfo' }))
  })
})

describe('UpdateSecretRotationPolicy: refusals change nothing', () => {
  it('an unknown secret is 404, a Generic one 400 UnsupportedOperation', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    expect(await engine.updateSecretRotationPolicy({ ...enable('7d'), SecretName: 'nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await engine.updateSecretRotationPolicy({ ...enable('7d'), SecretName: 'plain' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(
      await engine.updateSecretRotationPolicy({ SecretName: 'plain', EnableAutomaticRotation: 'false' })(),
    ).toStrictEqual(E.left(ApiErrors.unsupportedOperation()))
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('a secret pending deletion is 409 Rejected.ResourceInDeleteWindow', async () => {
    const { engine, store, clock } = await setup()
    await scheduleDeletion(store, 'mydbconninfo', Date.parse('2026-01-31T00:00:00Z'))
    clock.advance(hours(1))
    const before = store.snapshot()
    expect(await engine.updateSecretRotationPolicy(enable('7d'))()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })
})
