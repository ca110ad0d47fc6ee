import { ApiErrors } from '@secrets-engine/alibaba'
import { MemoryKeyring } from '@secrets-engine/crypto'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, hours, testEngine, withoutRequestId } from '../../../test/support/engine.js'
import { createAll, fixtures, json, read } from './rotating.js'
import { recordOf } from './support/versions.js'

// Automatic rotation, seen through the API with the manual clock: the engine rotates a due secret
// when a request first touches it.

const start = Date.parse('2026-01-01T00:00:00Z')
const weekly = { EnableAutomaticRotation: 'true', RotationInterval: '7d' }
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The keys of the value a rotation writes, as GetSecretValue reads it, for each rotating fixture. */
const rotatedKeys: Record<string, ReadonlyArray<string>> = {
  'rds-single': ['AccountName', 'AccountPassword'],
  'rds-double': ['AccountName', 'AccountPassword'],
  redis: ['AccountName', 'AccountPassword'],
  'acs/ram/user/alice': ['AccessKeyId', 'AccessKeySecret', 'GenerateTimestamp'],
  'acs/ecs/web': ['UserName', 'Password'],
  'acs/ecs/ssh': ['UserName', 'PublicKey', 'PrivateKey'],
}

/** The current version of `name` is a rotated one: a new id, and a value of its type's shape. */
const expectRotated = async (engine: Parameters<typeof read>[0], name: string): Promise<void> => {
  const current = await read(engine, name)
  expect(current.VersionId).toMatch(uuid)
  const value = json(current.SecretData)
  expect(Object.keys(value)).toStrictEqual(rotatedKeys[name])
  if ('GenerateTimestamp' in value) expect(value['GenerateTimestamp']).toBe(current.CreateTime)
}

describe('automatic rotation', () => {
  it('happens when the clock reaches NextRotationDate, not one millisecond before', async () => {
    const { engine, clock } = testEngine()
    await createAll(engine, weekly)
    clock.advance(days(7) - 1)
    expect((await read(engine, 'rds-single')).VersionId).toBe('v1')
    clock.advance(1)
    const current = await read(engine, 'rds-single')
    expect(current.VersionId).toMatch(uuid)
    expect(current).toMatchObject({
      VersionStages: { VersionStage: ['ACSCurrent'] },
      AutomaticRotation: 'Enabled',
      RotationInterval: '604800s',
      LastRotationDate: '2026-01-08T00:00:00Z',
      NextRotationDate: '2026-01-15T00:00:00Z',
    })
    const account = json(current.SecretData)
    expect(account['AccountName']).toBe('user1')
    expect(account['AccountPassword']).not.toBe('old-password')
    expect(await read(engine, 'rds-single', 'ACSPrevious')).toMatchObject({
      VersionId: 'v1',
      SecretData: '{"AccountName":"user1","AccountPassword":"old-password"}',
    })
  })

  it('gives every rotating type a new value of its own shape', async () => {
    const { engine, clock } = testEngine()
    await createAll(engine, weekly)
    clock.advance(days(7))
    for (const name of Object.keys(rotatedKeys)) {
      await expectRotated(engine, name)
      expect((await read(engine, name, 'ACSPrevious')).VersionId).toBe('v1')
    }
  })

  it('DoubleUsers switches accounts at each rotation', async () => {
    const { engine, clock } = testEngine()
    await createAll(engine, weekly)
    const names: string[] = []
    for (let i = 0; i < 3; i++) {
      clock.advance(days(7))
      for (const name of ['rds-double', 'redis']) {
        names.push(String(json((await read(engine, name)).SecretData)['AccountName']))
      }
    }
    expect(names).toStrictEqual(['user1_clone', 'app_clone', 'user1', 'app', 'user1_clone', 'app_clone'])
  })

  it('rotates a secret whose ExtendedConfig was sent in the backslash-escaped form the documentation prints', async () => {
    const { engine, clock } = testEngine()
    const escaped = (text: string): string => text.replaceAll('"', '\\"')
    for (const fixture of [fixtures.rdsDouble, fixtures.redis, fixtures.ram, fixtures.ecsPassword, fixtures.ecsSsh]) {
      const created = await engine.request('CreateSecret', {
        ...fixture,
        ExtendedConfig: escaped(fixture.ExtendedConfig),
        ...weekly,
      })()
      if (E.isLeft(created)) throw new Error(created.left.message)
    }
    clock.advance(days(7))
    const accountOf = async (name: string) => json((await read(engine, name)).SecretData)['AccountName']
    expect(await accountOf('rds-double')).toBe('user1_clone')
    expect(await accountOf('redis')).toBe('app_clone')
    const others = ['acs/ram/user/alice', 'acs/ecs/web', 'acs/ecs/ssh']
    for (const name of others) await expectRotated(engine, name)
    for (const name of ['rds-double', 'redis', ...others]) {
      expect(await read(engine, name)).toMatchObject({
        LastRotationDate: '2026-01-08T00:00:00Z',
        NextRotationDate: '2026-01-15T00:00:00Z',
      })
      expect((await read(engine, name, 'ACSPrevious')).VersionId).toBe('v1')
    }
  })

  it('writes one version however many intervals were missed, and keeps the schedule phase', async () => {
    const { engine, clock, store } = testEngine()
    await createAll(engine, weekly)
    clock.advance(days(30))
    await read(engine, 'rds-single')
    const record = await recordOf(store, 'rds-single')
    expect(record.secret.versions).toHaveLength(2)
    expect(record.rotation).toStrictEqual({
      enabled: true,
      intervalSeconds: 7 * 86_400,
      nextRotationAt: start + days(35),
      lastRotationAt: start + days(30),
    })
  })

  it('never rotates a secret whose rotation is disabled, or was disabled', async () => {
    const { engine, clock, store } = testEngine()
    await createAll(engine)
    await engine.updateSecretRotationPolicy({
      SecretName: 'redis',
      EnableAutomaticRotation: 'true',
      RotationInterval: '7d',
    })()
    await engine.updateSecretRotationPolicy({ SecretName: 'redis', EnableAutomaticRotation: 'false' })()
    clock.advance(days(400))
    for (const name of ['rds-single', 'redis', 'acs/ecs/ssh']) {
      expect((await read(engine, name)).VersionId).toBe('v1')
      expect((await recordOf(store, name)).secret.versions).toHaveLength(1)
    }
  })

  it('rotates at once on the next request when a policy is enabled after its first date has passed', async () => {
    const { engine, clock } = testEngine()
    await createAll(engine)
    clock.advance(days(40))
    await engine.updateSecretRotationPolicy({
      SecretName: 'acs/ecs/web',
      EnableAutomaticRotation: 'true',
      RotationInterval: '30d',
    })()
    const current = await read(engine, 'acs/ecs/web')
    expect(current.VersionId).toMatch(uuid)
    expect(current.LastRotationDate).toBe('2026-02-10T00:00:00Z')
    expect(current.NextRotationDate).toBe('2026-03-12T00:00:00Z')
  })

  it('a rotation whose key is disabled skips its period: the secret still answers, and rotates once the key is back', async () => {
    const keyring = MemoryKeyring.make()
    const { engine, clock } = testEngine({ keyring })
    await createAll(engine, weekly)
    const key = await keyring.defaultKey()()
    if (E.isLeft(key)) return expect.fail('no default key')
    expect(await keyring.setKeyState(key.right.keyId, 'Disabled')()).toStrictEqual(
      E.right({ ...key.right, state: 'Disabled' }),
    )
    clock.advance(days(7))
    // The due rotation failed: no LastRotationDate, and the next one a period later.
    expect(withoutRequestId(await engine.describeSecret({ SecretName: 'rds-single' })())).toStrictEqual(
      E.right({
        Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/rds-single',
        SecretName: 'rds-single',
        Description: '',
        CreateTime: '2026-01-01T00:00:00Z',
        UpdateTime: '2026-01-01T00:00:00Z',
        EncryptionKeyId: key.right.keyId,
        SecretType: 'Rds',
        AutomaticRotation: 'Enabled',
        RotationInterval: '604800s',
        NextRotationDate: '2026-01-15T00:00:00Z',
        ExtendedConfig: fixtures.rds.ExtendedConfig,
      }),
    )
    expect(
      withoutRequestId(
        await engine.updateSecretRotationPolicy({ SecretName: 'redis', EnableAutomaticRotation: 'false' })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'redis' }))
    expect(withoutRequestId(await engine.deleteSecret({ SecretName: 'rds-double' })())).toStrictEqual(
      E.right({ SecretName: 'rds-double', PlannedDeleteTime: '2026-02-07T00:00:00Z' }),
    )
    expect(await keyring.setKeyState(key.right.keyId, 'Enabled')()).toStrictEqual(E.right(key.right))
    expect(await read(engine, 'rds-single')).toMatchObject({
      VersionId: 'v1',
      NextRotationDate: '2026-01-15T00:00:00Z',
    })
    clock.advance(days(7))
    const rotated = await read(engine, 'rds-single')
    expect(rotated.VersionId).toMatch(uuid)
    expect(rotated.LastRotationDate).toBe('2026-01-15T00:00:00Z')
    expect((await read(engine, 'rds-single', 'ACSPrevious')).VersionId).toBe('v1')
  })

  it('a failed commit of a due rotation leaves the secret as it was', async () => {
    const { engine, clock, store } = testEngine()
    await createAll(engine, weekly)
    clock.advance(days(7))
    const before = store.snapshot()
    store.faults.failNext('commit', 100)
    expect(await engine.getSecretValue({ SecretName: 'rds-single' })()).toStrictEqual(
      E.left(ApiErrors.internalFailure()),
    )
    expect(store.snapshot()).toStrictEqual(before)
    store.faults.failNext('commit', 0)
    expect((await read(engine, 'rds-single')).VersionId).toMatch(uuid)
  })

  it('property: after any elapsed time, at most one new version and the next rotation after now, on the grid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 6, max: 8_760 }),
        fc.integer({ min: 0, max: 3 * 8_760 }),
        async (intervalHours, elapsedHours) => {
          const { engine, clock, store } = testEngine()
          await engine.createSecret({
            ...fixtures.ecsPassword,
            EnableAutomaticRotation: 'true',
            RotationInterval: `${intervalHours}h`,
          })()
          clock.advance(hours(elapsedHours))
          await read(engine, 'acs/ecs/web')
          const { rotation, secret } = await recordOf(store, 'acs/ecs/web')
          const now = start + hours(elapsedHours)
          const due = elapsedHours >= intervalHours
          expect(secret.versions).toHaveLength(due ? 2 : 1)
          expect(rotation.nextRotationAt).toBeGreaterThan(now)
          expect(((rotation.nextRotationAt ?? 0) - start) % hours(intervalHours)).toBe(0)
          expect(rotation.nextRotationAt).toBeLessThanOrEqual(now + hours(intervalHours))
          expect(rotation.lastRotationAt).toBe(due ? now : undefined)
        },
      ),
      { numRuns: 50 },
    )
  })
})
