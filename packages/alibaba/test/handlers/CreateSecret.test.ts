import { ApiErrors, storeIndex, type SecretRecord } from '@secrets-engine/alibaba'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { unfrozenPath } from '../../../../test/support/frozen.js'
import { generic } from '../support/versions.js'

const rds = {
  SecretName: 'mydbconninfo',
  VersionId: 'v1',
  SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"****"}]}',
  SecretType: 'Rds',
  ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-bp1b3dd3a506e****"}',
  EnableAutomaticRotation: 'true',
  RotationInterval: '30d',
}

describe('CreateSecret end to end', () => {
  it('creates a generic secret and answers with its ARN', async () => {
    const { engine } = testEngine()
    expect(withoutRequestId(await engine.request('CreateSecret', generic)())).toStrictEqual(
      E.right({
        Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password',
        SecretName: 'db-password',
        VersionId: 'v1',
        SecretType: 'Generic',
      }),
    )
  })

  it('answers every request with a fresh lower-case UUID v4 request id', async () => {
    const { engine } = testEngine()
    const a = await engine.createSecret(generic)()
    const b = await engine.createSecret({ ...generic, SecretName: 'other' })()
    const ids = [a, b].map((r) => (E.isRight(r) ? r.right.RequestId : ''))
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(ids[0]).not.toBe(ids[1])
  })

  it('gives rotating secrets their rotation fields, NextRotationDate one interval ahead', async () => {
    const { engine } = testEngine()
    expect(withoutRequestId(await engine.request('CreateSecret', rds)())).toStrictEqual(
      E.right({
        Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/mydbconninfo',
        SecretName: 'mydbconninfo',
        VersionId: 'v1',
        SecretType: 'Rds',
        AutomaticRotation: 'Enabled',
        ExtendedConfig: rds.ExtendedConfig,
        RotationInterval: '2592000s',
        NextRotationDate: '2026-01-31T00:00:00Z',
      }),
    )
  })

  it('stores ExtendedConfig and Policy sent in the escaped form of the documentation as plain JSON', async () => {
    const { engine } = testEngine()
    const policy =
      '{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:role/app"]},"Action":["kms:GetSecretValue"],"Resource":["*"]}]}'
    const escaped = (text: string): string => text.replaceAll('"', '\\"')
    const created = await engine.request('CreateSecret', {
      ...rds,
      ExtendedConfig: escaped(rds.ExtendedConfig),
      Policy: escaped(policy),
    })()
    expect(E.map((b: Record<string, unknown>) => b['ExtendedConfig'])(created)).toStrictEqual(
      E.right(rds.ExtendedConfig),
    )
    const described = await engine.request('DescribeSecret', { SecretName: 'mydbconninfo' })()
    expect(E.map((b: Record<string, unknown>) => b['ExtendedConfig'])(described)).toStrictEqual(
      E.right(rds.ExtendedConfig),
    )
    const read = await engine.request('GetSecretValue', { SecretName: 'mydbconninfo', FetchExtendedConfig: 'true' })()
    expect(E.map((b: Record<string, unknown>) => b['ExtendedConfig'])(read)).toStrictEqual(E.right(rds.ExtendedConfig))
    expect(withoutRequestId(await engine.request('GetSecretPolicy', { SecretName: 'mydbconninfo' })())).toStrictEqual(
      E.right({ Policy: policy }),
    )
  })

  it('keeps ExtendedConfig and Policy sent as plain JSON exactly as sent', async () => {
    const { engine } = testEngine()
    // Valid JSON whose strings hold escaped quotes: the text is kept as it is, not unescaped.
    const ExtendedConfig = '{ "SecretSubType": "SingleUser", "DBInstanceId": "rm-1", "Note": "say \\"hi\\"" }'
    const Policy =
      '{"Version":"1", "Statement":[{"Sid":"s","Effect":"Allow","Principal":{"RAM":["acs:ram::1:root"]},"Action":"kms:*","Resource":"*","Condition":{"k":"\\"v\\""}}]}'
    await engine.request('CreateSecret', { ...rds, ExtendedConfig, Policy })()
    const described = await engine.request('DescribeSecret', { SecretName: 'mydbconninfo' })()
    expect(E.map((b: Record<string, unknown>) => b['ExtendedConfig'])(described)).toStrictEqual(E.right(ExtendedConfig))
    expect(withoutRequestId(await engine.request('GetSecretPolicy', { SecretName: 'mydbconninfo' })())).toStrictEqual(
      E.right({ Policy }),
    )
  })

  it('refuses a name that is taken', async () => {
    const { engine } = testEngine()
    await engine.request('CreateSecret', generic)()
    expect(await engine.request('CreateSecret', { ...generic, SecretData: 'other' })()).toStrictEqual(
      E.left(ApiErrors.resourceExist()),
    )
  })

  it('takes the name inside an ARN of its own region and account, and refuses any other ARN', async () => {
    const { engine, store } = testEngine()
    const arn = (name: string, region = 'cn-hangzhou', account = '1234567890123456') =>
      `acs:kms:${region}:${account}:secret/${name}`
    expect(
      withoutRequestId(await engine.request('CreateSecret', { ...generic, SecretName: arn('by-arn') })()),
    ).toStrictEqual(E.right({ Arn: arn('by-arn'), SecretName: 'by-arn', VersionId: 'v1', SecretType: 'Generic' }))
    const read = await engine.request('GetSecretValue', { SecretName: 'by-arn' })()
    expect(E.map((b: Record<string, unknown>) => b['SecretData'])(read)).toStrictEqual(E.right(generic.SecretData))
    // The ARN of a live secret, then of one in its deletion window, names that secret.
    expect(await engine.request('CreateSecret', { ...generic, SecretName: arn('by-arn') })()).toStrictEqual(
      E.left(ApiErrors.resourceExist()),
    )
    await engine.request('DeleteSecret', { SecretName: 'by-arn' })()
    expect(await engine.request('CreateSecret', { ...generic, SecretName: arn('by-arn') })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    const before = store.snapshot()
    const otherScope = ApiErrors.invalidParameter('SecretName', 'An ARN must be of this region and account.')
    for (const other of [arn('elsewhere', 'cn-shanghai'), arn('elsewhere', 'cn-hangzhou', '1')]) {
      expect(await engine.request('CreateSecret', { ...generic, SecretName: other })()).toStrictEqual(
        E.left(otherScope),
      )
    }
    // The name inside is checked as any name is.
    expect(await engine.request('CreateSecret', { ...generic, SecretName: arn('a b') })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('SecretName', 'It may contain only letters, digits and _ / + = . - @')),
    )
    expect(await engine.request('CreateSecret', { ...generic, SecretName: arn('acs/x') })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('SecretName', 'A Generic secret name must not start with "acs/".')),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('refuses an unknown key with 404 and an unknown KMS instance with 403', async () => {
    const { engine } = testEngine()
    expect(await engine.request('CreateSecret', { ...generic, EncryptionKeyId: 'key-nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await engine.request('CreateSecret', { ...generic, DKMSInstanceId: 'kst-nope' })()).toStrictEqual(
      E.left(ApiErrors.dkmsInstanceNotFound()),
    )
  })

  it('accepts a configured KMS instance and an existing symmetric key', async () => {
    const { engine } = testEngine({ dkmsInstances: ['kst-one'] })
    const key = await engine.keyring.createKey({})()
    const keyId = E.isRight(key) ? key.right.keyId : ''
    const created = await engine.request('CreateSecret', {
      ...generic,
      EncryptionKeyId: keyId,
      DKMSInstanceId: 'kst-one',
    })()
    expect(E.map((r: Record<string, unknown>) => r['DKMSInstanceId'])(created)).toStrictEqual(E.right('kst-one'))
  })

  it('refuses an asymmetric key with 400 InvalidParameter', async () => {
    const { engine } = testEngine()
    const key = await engine.keyring.createKey({ spec: 'RSA_2048' })()
    const keyId = E.isRight(key) ? key.right.keyId : ''
    expect(await engine.request('CreateSecret', { ...generic, EncryptionKeyId: keyId })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('EncryptionKeyId', 'The key must be a symmetric key.')),
    )
  })

  it('refuses secrets beyond the quota, and the limit itself passes', async () => {
    const { engine } = testEngine({ maxSecrets: 2 })
    expect(E.isRight(await engine.request('CreateSecret', { ...generic, SecretName: 'a' })())).toBe(true)
    expect(E.isRight(await engine.request('CreateSecret', { ...generic, SecretName: 'b' })())).toBe(true)
    expect(await engine.request('CreateSecret', { ...generic, SecretName: 'c' })()).toStrictEqual(
      E.left(ApiErrors.limitExceeded()),
    )
  })

  it.each([
    ['with the engine index', true],
    ['without an index', false],
  ])('counts only live secrets against the quota, on a store %s', async (_, indexed) => {
    const store = indexed ? MemoryStore.make<SecretRecord>({ index: storeIndex }) : MemoryStore.make<SecretRecord>()
    const { engine, clock } = testEngine({ maxSecrets: 1, store })
    await engine.request('CreateSecret', { ...generic, SecretName: 'a' })()
    await engine.request('DeleteSecret', { SecretName: 'a', RecoveryWindowInDays: '7' })()
    expect(await engine.request('CreateSecret', { ...generic, SecretName: 'b' })()).toStrictEqual(
      E.left(ApiErrors.limitExceeded()),
    )
    clock.advance(days(7) - 1)
    expect(await engine.request('CreateSecret', { ...generic, SecretName: 'b' })()).toStrictEqual(
      E.left(ApiErrors.limitExceeded()),
    )
    clock.advance(1)
    const created = await engine.request('CreateSecret', { ...generic, SecretName: 'b' })()
    expect(E.map((r: Record<string, unknown>) => r['SecretName'])(created)).toStrictEqual(E.right('b'))
  })

  it.each([
    ['with the engine index', true],
    ['without an index', false],
  ])(
    'lets exactly one of concurrent creates take the last place under the quota, on a store %s',
    async (_, indexed) => {
      const store = indexed ? MemoryStore.make<SecretRecord>({ index: storeIndex }) : MemoryStore.make<SecretRecord>()
      const { engine } = testEngine({ maxSecrets: 3, store })
      for (const SecretName of ['a', 'b']) await engine.request('CreateSecret', { ...generic, SecretName })()
      const names = ['c', 'd', 'e', 'f']
      const results = await Promise.all(
        names.map((SecretName) => engine.request('CreateSecret', { ...generic, SecretName })()),
      )
      expect(results.map(withoutRequestId)).toStrictEqual([
        E.right({
          Arn: 'acs:kms:cn-hangzhou:1234567890123456:secret/c',
          SecretName: 'c',
          VersionId: 'v1',
          SecretType: 'Generic',
        }),
        E.left(ApiErrors.limitExceeded()),
        E.left(ApiErrors.limitExceeded()),
        E.left(ApiErrors.limitExceeded()),
      ])
      expect(store.snapshot().records.map((r) => r.name)).toStrictEqual(['a', 'b', 'c'])
    },
  )

  it('goes on with the next concurrent create after one that failed, with store latency', async () => {
    const { engine, store } = testEngine({ maxSecrets: 2 })
    store.faults.setLatency(1)
    store.faults.failNext('commit')
    const results = await Promise.all(
      ['a', 'b', 'c'].map((SecretName) => engine.request('CreateSecret', { ...generic, SecretName })()),
    )
    expect(results.map((r) => E.map(({ SecretName }: Record<string, unknown>) => SecretName)(r))).toStrictEqual([
      E.left(ApiErrors.internalFailure()),
      E.right('b'),
      E.right('c'),
    ])
  })

  it('a refused request changes nothing in the store', async () => {
    const { engine, store } = testEngine()
    await engine.request('CreateSecret', generic)()
    const before = store.snapshot()
    await engine.request('CreateSecret', generic)()
    await engine.request('CreateSecret', { ...generic, SecretName: 'x', EncryptionKeyId: 'key-nope' })()
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('keeps only ciphertext in the store', async () => {
    const { engine, store } = testEngine()
    await engine.request('CreateSecret', { ...generic, SecretData: 'plaintext-marker-42' })()
    const text = JSON.stringify(store.snapshot())
    expect(text).not.toContain('plaintext-marker-42')
    expect(text).not.toContain(Buffer.from('plaintext-marker-42').toString('base64').slice(0, 16))
  })
})

describe('every write', () => {
  it('stores its record frozen all the way down', async () => {
    const { engine, store, clock } = testEngine()
    const writes: ReadonlyArray<readonly [string, object]> = [
      ['CreateSecret', { ...rds, Tags: '[{"TagKey":"team","TagValue":"db"}]' }],
      ['CreateSecret', { ...generic, Tags: '[{"TagKey":"k","TagValue":"v"}]' }],
      ['PutSecretValue', { SecretName: generic.SecretName, VersionId: 'v2', SecretData: 'two' }],
      ['PutSecretValue', { SecretName: generic.SecretName, VersionId: 'v3', SecretData: '3', VersionStages: '["x"]' }],
      ['UpdateSecretVersionStage', { SecretName: generic.SecretName, VersionStage: 'y', MoveToVersion: 'v1' }],
      ['UpdateSecret', { SecretName: generic.SecretName, Description: 'new' }],
      ['TagResource', { SecretName: generic.SecretName, Tags: '[{"TagKey":"k2","TagValue":"v2"}]' }],
      ['UpdateSecretRotationPolicy', { SecretName: rds.SecretName, EnableAutomaticRotation: 'false' }],
      ['DeleteSecret', { SecretName: generic.SecretName }],
    ]
    for (const [action, params] of writes) {
      const result = await engine.request(action, params)()
      expect([action, E.isRight(result) ? 'ok' : result.left.code]).toStrictEqual([action, 'ok'])
      for (const { record } of store.snapshot().records) expect(unfrozenPath(record)).toBeUndefined()
    }
    // A rotation that falls due is committed when the secret is next read.
    const enabled = await engine.request('UpdateSecretRotationPolicy', {
      SecretName: rds.SecretName,
      EnableAutomaticRotation: 'true',
      RotationInterval: rds.RotationInterval,
    })()
    expect(withoutRequestId(enabled)).toStrictEqual(E.right({ SecretName: rds.SecretName }))
    clock.advance(days(31))
    const rotated = await engine.request('GetSecretValue', { SecretName: rds.SecretName })()
    expect(E.map((b: Record<string, unknown>) => b['VersionId'] !== 'v1')(rotated)).toStrictEqual(E.right(true))
    for (const { record } of store.snapshot().records) expect(unfrozenPath(record)).toBeUndefined()
  })
})

describe('GetSecretValue end to end', () => {
  it('reads back the value of ACSCurrent with the version fields', async () => {
    const { engine } = testEngine()
    await engine.request('CreateSecret', generic)()
    expect(withoutRequestId(await engine.request('GetSecretValue', { SecretName: 'db-password' })())).toStrictEqual(
      E.right({
        SecretName: 'db-password',
        VersionId: 'v1',
        SecretData: 's3cr3t',
        SecretDataType: 'text',
        SecretType: 'Generic',
        CreateTime: '2026-01-01T00:00:00Z',
        VersionStages: { VersionStage: ['ACSCurrent'] },
      }),
    )
  })

  it('reads by ARN, by version id and by stage', async () => {
    const { engine } = testEngine()
    await engine.request('CreateSecret', generic)()
    const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password'
    for (const params of [
      { SecretName: arn },
      { SecretName: 'db-password', VersionId: 'v1' },
      { SecretName: 'db-password', VersionStage: 'ACSCurrent' },
      { SecretName: 'db-password', VersionId: 'v1', VersionStage: 'ACSCurrent' },
    ]) {
      const r = await engine.request('GetSecretValue', params)()
      expect(E.map((b: Record<string, unknown>) => b['SecretData'])(r)).toStrictEqual(E.right('s3cr3t'))
    }
  })

  it('answers unknown secrets, versions and stages with 404, a mismatched pair with 400', async () => {
    const { engine } = testEngine()
    await engine.request('CreateSecret', generic)()
    expect(await engine.request('GetSecretValue', { SecretName: 'nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(
      await engine.request('GetSecretValue', { SecretName: 'acs:kms:cn-beijing:1:secret/db-password' })(),
    ).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    expect(await engine.request('GetSecretValue', { SecretName: 'db-password', VersionId: 'v9' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await engine.request('GetSecretValue', { SecretName: 'db-password', VersionStage: 'Nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(
      await engine.request('GetSecretValue', {
        SecretName: 'db-password',
        VersionId: 'v1',
        VersionStage: 'ACSPrevious',
      })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('VersionStage', 'The version does not carry this stage.')))
  })

  it('requires SecretName and answers DryRun with DryRunOperationError', async () => {
    const { engine } = testEngine()
    await engine.request('CreateSecret', generic)()
    expect(await engine.request('GetSecretValue', {})()).toStrictEqual(E.left(ApiErrors.missingParameter('SecretName')))
    expect(await engine.request('GetSecretValue', { SecretName: 'db-password', DryRun: 'true' })()).toStrictEqual(
      E.left(ApiErrors.dryRunOperation()),
    )
  })

  it('returns ExtendedConfig of a non-generic secret only when asked', async () => {
    const { engine } = testEngine()
    await engine.request('CreateSecret', rds)()
    const plain = await engine.request('GetSecretValue', { SecretName: 'mydbconninfo' })()
    expect(E.map((b: Record<string, unknown>) => [b['ExtendedConfig'], b['AutomaticRotation']])(plain)).toStrictEqual(
      E.right([undefined, 'Enabled']),
    )
    const fetched = await engine.request('GetSecretValue', {
      SecretName: 'mydbconninfo',
      FetchExtendedConfig: 'true',
    })()
    expect(E.map((b: Record<string, unknown>) => b['ExtendedConfig'])(fetched)).toStrictEqual(
      E.right(rds.ExtendedConfig),
    )
  })
})
