import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { days, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { createAll, json, read } from '../rotating.js'
import { recordOf } from '../support/versions.js'

const password32 = /^[0-9a-zA-Z!"#$%&'()*+,\-./:;<=>?@[\\\]^_{|}~]{32}$/

describe('RotateSecret: new credentials of the type shape', () => {
  it('answers with SecretName, VersionId and Arn, and moves ACSCurrent and ACSPrevious', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    expect(withoutRequestId(await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })())).toStrictEqual(
      E.right({
        SecretName: 'rds-single',
        VersionId: 'v2',
        Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/rds-single',
      }),
    )
    const current = await read(engine, 'rds-single')
    expect(current).toMatchObject({
      VersionId: 'v2',
      VersionStages: { VersionStage: ['ACSCurrent'] },
      LastRotationDate: '2026-01-01T00:00:00Z',
    })
    const previous = await read(engine, 'rds-single', 'ACSPrevious')
    expect(previous).toMatchObject({
      VersionId: 'v1',
      SecretData: '{"AccountName":"user1","AccountPassword":"old-password"}',
      VersionStages: { VersionStage: ['ACSPrevious'] },
    })
  })

  it('SingleUser: the same account with a new password', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })()
    const account = json((await read(engine, 'rds-single')).SecretData)
    expect(Object.keys(account)).toStrictEqual(['AccountName', 'AccountPassword'])
    expect(account['AccountName']).toBe('user1')
    expect(account['AccountPassword']).toMatch(password32)
  })

  it('Rds DoubleUsers: switches between AccountName and AccountName_clone, each time with a new password', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    const seen: Array<[string, string]> = []
    for (const VersionId of ['v2', 'v3', 'v4']) {
      await engine.rotateSecret({ SecretName: 'rds-double', VersionId })()
      const account = json((await read(engine, 'rds-double')).SecretData)
      seen.push([String(account['AccountName']), String(account['AccountPassword'])])
    }
    expect(seen.map(([name]) => name)).toStrictEqual(['user1_clone', 'user1', 'user1_clone'])
    expect(new Set(seen.map(([, password]) => password)).size).toBe(3)
  })

  it('Redis DoubleUsers: switches between AccountName and CloneAccountName of the ExtendedConfig', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    const names: string[] = []
    for (const VersionId of ['v2', 'v3']) {
      await engine.rotateSecret({ SecretName: 'redis', VersionId })()
      const account = json((await read(engine, 'redis')).SecretData)
      names.push(String(account['AccountName']))
      expect(account['AccountPassword']).toMatch(password32)
    }
    expect(names).toStrictEqual(['app_clone', 'app'])
  })

  it('RAMCredentials: one new access key, LTAI and 20 letters or digits, and a 30-character secret', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    await engine.rotateSecret({ SecretName: 'acs/ram/user/alice', VersionId: 'v2' })()
    const value = json((await read(engine, 'acs/ram/user/alice')).SecretData)
    expect(Object.keys(value)).toStrictEqual(['AccessKeyId', 'AccessKeySecret', 'GenerateTimestamp'])
    expect(value['AccessKeyId']).toMatch(/^LTAI[A-Za-z0-9]{20}$/)
    expect(value['AccessKeySecret']).toMatch(/^[A-Za-z0-9]{30}$/)
    expect(value['GenerateTimestamp']).toBe('2026-01-01T00:00:00Z')
  })

  it('ECS Password: the same user name with a new password', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    await engine.rotateSecret({ SecretName: 'acs/ecs/web', VersionId: 'v2' })()
    const value = json((await read(engine, 'acs/ecs/web')).SecretData)
    expect(Object.keys(value)).toStrictEqual(['UserName', 'Password'])
    expect(value['UserName']).toBe('root')
    expect(value['Password']).toMatch(password32)
  })

  it('ECS SSHKey: a new Ed25519 key pair that ssh-keygen reads, the public key matching the private one', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    await engine.rotateSecret({ SecretName: 'acs/ecs/ssh', VersionId: 'v2' })()
    const value = json((await read(engine, 'acs/ecs/ssh')).SecretData)
    expect(Object.keys(value)).toStrictEqual(['UserName', 'PublicKey', 'PrivateKey'])
    expect(value['UserName']).toBe('root')
    const publicKey = String(value['PublicKey'])
    const privateKey = String(value['PrivateKey'])
    expect(publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} root$/)
    expect(privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/)
    const dir = mkdtempSync(join(tmpdir(), 'sshkey-'))
    const file = join(dir, 'id_ed25519')
    writeFileSync(file, privateKey, { mode: 0o600 })
    let derived: string | undefined
    try {
      derived = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim()
    } catch (error) {
      // Without ssh-keygen on the machine, the structural checks above are all that can run.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (derived !== undefined) expect(derived).toBe(publicKey)
  })

  it('draws new credentials on each rotation', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    await engine.rotateSecret({ SecretName: 'acs/ecs/ssh', VersionId: 'v2' })()
    const first = (await read(engine, 'acs/ecs/ssh')).SecretData
    await engine.rotateSecret({ SecretName: 'acs/ecs/ssh', VersionId: 'v3' })()
    expect((await read(engine, 'acs/ecs/ssh')).SecretData).not.toBe(first)
    expect((await read(engine, 'acs/ecs/ssh', 'ACSPrevious')).SecretData).toBe(first)
  })
})

describe('RotateSecret: idempotency and schedule', () => {
  it('a VersionId the secret has already is ignored and succeeds, changing nothing', async () => {
    const { engine, store, clock } = testEngine()
    await createAll(engine)
    await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })()
    clock.advance(days(1))
    const before = store.snapshot()
    for (const VersionId of ['v2', 'v1']) {
      expect(withoutRequestId(await engine.rotateSecret({ SecretName: 'rds-single', VersionId })())).toStrictEqual(
        E.right({ SecretName: 'rds-single', VersionId, Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/rds-single' }),
      )
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('accepts the ARN, and a VersionId of 64 characters', async () => {
    const { engine } = testEngine()
    await createAll(engine)
    const VersionId = 'x'.repeat(64)
    const r = await engine.rotateSecret({
      SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/rds-single',
      VersionId,
    })()
    expect(E.isRight(r) && r.right.VersionId).toBe(VersionId)
    expect((await read(engine, 'rds-single')).VersionId).toBe(VersionId)
  })

  it('with automatic rotation on, the next rotation is one interval after the manual one', async () => {
    const { engine, store, clock } = testEngine()
    await createAll(engine, { EnableAutomaticRotation: 'true', RotationInterval: '7d' })
    clock.advance(days(3))
    await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })()
    expect((await recordOf(store, 'rds-single')).rotation).toStrictEqual({
      enabled: true,
      intervalSeconds: 7 * 86_400,
      nextRotationAt: Date.parse('2026-01-11T00:00:00Z'),
      lastRotationAt: Date.parse('2026-01-04T00:00:00Z'),
    })
  })

  it('UpdateSecretRotationPolicy then counts from the last rotation', async () => {
    const { engine, clock, store } = testEngine()
    await createAll(engine)
    clock.advance(days(10))
    await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })()
    clock.advance(days(1))
    await engine.updateSecretRotationPolicy({
      SecretName: 'rds-single',
      EnableAutomaticRotation: 'true',
      RotationInterval: '7d',
    })()
    expect((await recordOf(store, 'rds-single')).rotation.nextRotationAt).toBe(Date.parse('2026-01-18T00:00:00Z'))
  })
})

describe('RotateSecret: refusals change nothing', () => {
  it('requires SecretName and VersionId; VersionId is at most 64 characters', async () => {
    const { engine, store } = testEngine()
    await createAll(engine)
    const before = store.snapshot()
    expect(await engine.request('RotateSecret', { VersionId: 'v2' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(await engine.request('RotateSecret', { VersionId: 'x'.repeat(65) })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(await engine.request('RotateSecret', { SecretName: 'rds-single', VersionId: '' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('VersionId')),
    )
    expect(await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'x'.repeat(65) })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('VersionId', 'It must be 1 to 64 characters long.')),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('an unknown secret is 404, a Generic one 400 UnsupportedOperation', async () => {
    const { engine, store } = testEngine()
    await createAll(engine)
    const before = store.snapshot()
    expect(await engine.rotateSecret({ SecretName: 'nope', VersionId: 'v2' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await engine.rotateSecret({ SecretName: 'plain', VersionId: 'v2' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(await engine.rotateSecret({ SecretName: 'plain', VersionId: 'v1' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('a secret pending deletion is 409 Rejected.ResourceInDeleteWindow', async () => {
    const { engine, store } = testEngine()
    await createAll(engine)
    const got = await store.get('rds-single')()
    if (E.isLeft(got) || O.isNone(got.right)) throw new Error('no secret')
    const { record, revision } = got.right.value
    await store.commit('rds-single', revision, { ...record, plannedDeleteAt: Date.parse('2026-01-31T00:00:00Z') })()
    const before = store.snapshot()
    expect(await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('a store failure at commit changes nothing and is 500', async () => {
    const { engine, store } = testEngine()
    await createAll(engine)
    const before = store.snapshot()
    store.faults.failNext('commit')
    expect(await engine.rotateSecret({ SecretName: 'rds-single', VersionId: 'v2' })()).toStrictEqual(
      E.left(ApiErrors.internalFailure()),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })
})
