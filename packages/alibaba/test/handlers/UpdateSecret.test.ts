import { ApiErrors, type DescribeSecretResponse } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { hours, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic } from '../support/versions.js'

const rds = {
  SecretName: 'mydbconninfo',
  VersionId: 'v1',
  SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"****"}]}',
  SecretType: 'Rds',
  ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1","CustomData":{"Old":"1"}}',
} as const

const pairs = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v'])))

const created = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  await t.engine.createSecret(rds)()
  t.clock.advance(hours(1))
  return t
}

const described = async (t: Awaited<ReturnType<typeof created>>, name: string) =>
  E.map((b: DescribeSecretResponse) => ({
    Description: b.Description,
    UpdateTime: b.UpdateTime,
    ExtendedConfig: b.ExtendedConfig,
  }))(await t.engine.describeSecret({ SecretName: name })())

describe('UpdateSecret', () => {
  it('replaces the description and moves UpdateTime; the ARN works too', async () => {
    const t = await created()
    expect(
      withoutRequestId(
        await t.engine.updateSecret({
          SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password',
          Description: 'the db',
        })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'db-password' }))
    expect(await described(t, 'db-password')).toStrictEqual(
      E.right({ Description: 'the db', UpdateTime: '2026-01-01T01:00:00Z', ExtendedConfig: undefined }),
    )
  })

  it('replaces CustomData inside ExtendedConfig of a typed secret, keeping the rest', async () => {
    const t = await created()
    expect(
      withoutRequestId(
        await t.engine.updateSecret({
          SecretName: 'mydbconninfo',
          'ExtendedConfig.CustomData': '{"DBName":"app1","Port":"3306"}',
        })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'mydbconninfo' }))
    expect(await described(t, 'mydbconninfo')).toStrictEqual(
      E.right({
        Description: '',
        UpdateTime: '2026-01-01T01:00:00Z',
        ExtendedConfig:
          '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1","CustomData":{"DBName":"app1","Port":"3306"}}',
      }),
    )
  })

  it('takes CustomData of 10 pairs and refuses 11, or anything but a JSON object', async () => {
    const t = await created()
    expect(
      E.isRight(await t.engine.updateSecret({ SecretName: 'mydbconninfo', 'ExtendedConfig.CustomData': pairs(10) })()),
    ).toBe(true)
    const before = t.store.snapshot()
    expect(
      await t.engine.updateSecret({ SecretName: 'mydbconninfo', 'ExtendedConfig.CustomData': pairs(11) })(),
    ).toStrictEqual(
      E.left(ApiErrors.invalidParameter('ExtendedConfig.CustomData', 'It must be a JSON object of at most 10 pairs.')),
    )
    expect(
      await t.engine.updateSecret({ SecretName: 'mydbconninfo', 'ExtendedConfig.CustomData': '["a"]' })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('ExtendedConfig.CustomData', 'It must be a JSON object.')))
    expect(
      await t.engine.updateSecret({ SecretName: 'mydbconninfo', 'ExtendedConfig.CustomData': '{"a":' })(),
    ).toStrictEqual(
      E.left(
        ApiErrors.invalidParameter('ExtendedConfig.CustomData', 'It must be a JSON object, and it is not valid JSON.'),
      ),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('keeps the ExtendedConfig within 1,024 characters', async () => {
    const t = await created()
    const base = '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1","CustomData":{"k":""}}'
    const fits = 1024 - base.length
    const ok = await t.engine.updateSecret({
      SecretName: 'mydbconninfo',
      'ExtendedConfig.CustomData': JSON.stringify({ k: 'x'.repeat(fits) }),
    })()
    expect(E.isRight(ok)).toBe(true)
    const before = t.store.snapshot()
    expect(
      await t.engine.updateSecret({
        SecretName: 'mydbconninfo',
        'ExtendedConfig.CustomData': JSON.stringify({ k: 'x'.repeat(fits + 1) }),
      })(),
    ).toStrictEqual(
      E.left(
        ApiErrors.invalidParameter(
          'ExtendedConfig.CustomData',
          'The ExtendedConfig it makes must be at most 1024 characters long.',
        ),
      ),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('refuses CustomData for a generic secret with 400 UnsupportedOperation, even with a description', async () => {
    const t = await created()
    const before = t.store.snapshot()
    expect(
      await t.engine.updateSecret({
        SecretName: 'db-password',
        Description: 'x',
        'ExtendedConfig.CustomData': '{"a":"b"}',
      })(),
    ).toStrictEqual(E.left(ApiErrors.unsupportedOperation()))
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('with neither parameter, succeeds and writes nothing', async () => {
    const t = await created()
    const before = t.store.snapshot()
    expect(withoutRequestId(await t.engine.updateSecret({ SecretName: 'db-password' })())).toStrictEqual(
      E.right({ SecretName: 'db-password' }),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('refuses a secret pending deletion (409) and an unknown one (404), changing nothing', async () => {
    const t = await created()
    await t.engine.deleteSecret({ SecretName: 'db-password' })()
    const before = t.store.snapshot()
    expect(await t.engine.updateSecret({ SecretName: 'db-password', Description: 'x' })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(await t.engine.updateSecret({ SecretName: 'db-password' })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(await t.engine.updateSecret({ SecretName: 'nope', Description: 'x' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await t.engine.request('UpdateSecret', { Description: 'x' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })
})
