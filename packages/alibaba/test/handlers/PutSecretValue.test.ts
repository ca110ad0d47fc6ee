import { ApiErrors, type PutSecretValueRequest } from '@secrets-engine/alibaba'
import { CryptoError, type EnvelopeCipher } from '@secrets-engine/core'
import { NodeAesGcm } from '@secrets-engine/crypto'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic, labelsOf, recordOf, scheduleDeletion } from '../support/versions.js'

const name = generic.SecretName
// Typed as a request so the typed method takes it; invalid values are the point of some tests.
const put = (params: Readonly<Record<string, string>>) =>
  ({ SecretName: name, SecretData: 'next', ...params }) as PutSecretValueRequest
const setup = async (options: Parameters<typeof testEngine>[0] = {}) => {
  const t = testEngine(options)
  await t.engine.createSecret(generic)()
  return t
}
// An engine whose cipher keeps what every seal was given, and refuses to seal once told to.
const watchingSeals = () => {
  const seals: Array<EnvelopeCipher.SealInput> = []
  const refuse = { seal: false }
  const t = testEngine({
    crypto: (deps) => {
      const inner = NodeAesGcm.make(deps)
      return {
        ...inner,
        seal: (input) => {
          seals.push(input)
          return refuse.seal ? TE.left(CryptoError.keyNotUsable('k', 'KeyDisabled')) : inner.seal(input)
        },
      }
    },
  })
  return { ...t, seals, refuse }
}
const valueOf = async (engine: ReturnType<typeof testEngine>['engine'], params: Record<string, string>) =>
  E.map((b: Record<string, unknown>) => b['SecretData'])(
    await engine.request('GetSecretValue', { SecretName: name, ...params })(),
  )

describe('PutSecretValue', () => {
  it('makes the new version ACSCurrent and the old current ACSPrevious by default', async () => {
    const { engine, store } = await setup()
    expect(withoutRequestId(await engine.putSecretValue(put({ VersionId: 'v2' }))())).toStrictEqual(
      E.right({ SecretName: name, VersionId: 'v2', VersionStages: { VersionStage: ['ACSCurrent'] } }),
    )
    await engine.putSecretValue(put({ VersionId: 'v3', SecretData: 'third' }))()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', []],
      ['v2', ['ACSPrevious']],
      ['v3', ['ACSCurrent']],
    ])
    expect(await valueOf(engine, {})).toStrictEqual(E.right('third'))
    expect(await valueOf(engine, { VersionStage: 'ACSPrevious' })).toStrictEqual(E.right('next'))
    expect(await valueOf(engine, { VersionId: 'v1' })).toStrictEqual(E.right('s3cr3t'))
  })

  it('gives the new version exactly the listed labels, which move; ACSCurrent stays put unless listed', async () => {
    const { engine, store } = await setup()
    expect(
      withoutRequestId(await engine.putSecretValue(put({ VersionId: 'v2', VersionStages: '["ACSNext","Mine"]' }))()),
    ).toStrictEqual(
      E.right({ SecretName: name, VersionId: 'v2', VersionStages: { VersionStage: ['ACSNext', 'Mine'] } }),
    )
    await engine.putSecretValue(put({ VersionId: 'v3', VersionStages: '["Mine"]' }))()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', ['ACSCurrent']],
      ['v2', ['ACSNext']],
      ['v3', ['Mine']],
    ])
    await engine.putSecretValue(put({ VersionId: 'v4', VersionStages: '["ACSCurrent","ACSNext"]' }))()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', ['ACSPrevious']],
      ['v2', []],
      ['v3', ['Mine']],
      ['v4', ['ACSCurrent', 'ACSNext']],
    ])
    await engine.putSecretValue(put({ VersionId: 'v5', VersionStages: '["ACSPrevious"]' }))()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', []],
      ['v2', []],
      ['v3', ['Mine']],
      ['v4', ['ACSCurrent', 'ACSNext']],
      ['v5', ['ACSPrevious']],
    ])
  })

  it('gives the new version both ACSCurrent and ACSPrevious when both are listed, in either order', async () => {
    for (const stages of ['["ACSPrevious","ACSCurrent"]', '["ACSCurrent","ACSPrevious"]']) {
      const { engine, store } = await setup()
      await engine.putSecretValue(put({ VersionId: 'v2' }))()
      expect(
        withoutRequestId(await engine.putSecretValue(put({ VersionId: 'v3', VersionStages: stages }))()),
      ).toStrictEqual(
        E.right({ SecretName: name, VersionId: 'v3', VersionStages: { VersionStage: ['ACSCurrent', 'ACSPrevious'] } }),
      )
      expect(await labelsOf(store, name)).toStrictEqual([
        ['v1', []],
        ['v2', []],
        ['v3', ['ACSCurrent', 'ACSPrevious']],
      ])
    }
  })

  it('accepts a name or the ARN, stores binary data verbatim, and updates the secret', async () => {
    const { engine, store, clock } = await setup()
    clock.advance(5_000)
    const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password'
    await engine.putSecretValue({
      SecretName: arn,
      VersionId: 'v2',
      SecretData: 'AAEC/w==',
      SecretDataType: 'binary',
    })()
    expect(withoutRequestId(await engine.request('GetSecretValue', { SecretName: name })())).toStrictEqual(
      E.right({
        SecretName: name,
        VersionId: 'v2',
        SecretData: 'AAEC/w==',
        SecretDataType: 'binary',
        SecretType: 'Generic',
        CreateTime: '2026-01-01T00:00:05Z',
        VersionStages: { VersionStage: ['ACSCurrent'] },
      }),
    )
    expect((await recordOf(store, name)).updatedAt).toBe(Date.parse('2026-01-01T00:00:05Z'))
  })

  it('seals the new version with the secret’s own key', async () => {
    const { engine, store, seals } = watchingSeals()
    const key = await engine.keyring.createKey({})()
    const keyId = E.isRight(key) ? key.right.keyId : ''
    await engine.createSecret({ ...generic, EncryptionKeyId: keyId })()
    await engine.putSecretValue(put({ VersionId: 'v2' }))()
    expect(seals.map((input) => input.keyId)).toStrictEqual([keyId, keyId])
    expect((await recordOf(store, name)).encryptionKeyId).toBe(keyId)
  })

  it('wipes the plaintext it seals, also when sealing fails', async () => {
    const { engine, store, seals, refuse } = watchingSeals()
    await engine.createSecret(generic)()
    await engine.putSecretValue(put({ VersionId: 'v2' }))()
    refuse.seal = true
    const before = store.snapshot()
    expect(await engine.putSecretValue(put({ VersionId: 'v3' }))()).toStrictEqual(
      E.left(ApiErrors.keyStateInvalid('Disabled')),
    )
    expect(store.snapshot()).toStrictEqual(before)
    expect(seals.map(({ plaintext }) => [plaintext.length, plaintext.every((b) => b === 0)])).toStrictEqual([
      [generic.SecretData.length, true],
      ['next'.length, true],
      ['next'.length, true],
    ])
  })

  it('repeats a version with the same data and type as a success that changes nothing', async () => {
    const { engine, store, clock } = await setup()
    await engine.putSecretValue(put({ VersionId: 'v2', VersionStages: '["Mine"]' }))()
    await engine.putSecretValue(put({ VersionId: 'v3', SecretData: 'third' }))()
    const before = store.snapshot()
    clock.advance(1_000)
    for (const params of [
      put({ VersionId: 'v2' }),
      put({ VersionId: 'v2', SecretDataType: 'text', VersionStages: '["ACSCurrent"]' }),
    ]) {
      expect(withoutRequestId(await engine.putSecretValue(params)())).toStrictEqual(
        E.right({ SecretName: name, VersionId: 'v2', VersionStages: { VersionStage: ['Mine'] } }),
      )
    }
    expect(
      withoutRequestId(await engine.putSecretValue(put({ VersionId: 'v1', SecretData: 's3cr3t' }))()),
    ).toStrictEqual(E.right({ SecretName: name, VersionId: 'v1', VersionStages: { VersionStage: ['ACSPrevious'] } }))
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('refuses an existing version id with other data or another data type (409), changing nothing', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    expect(await engine.putSecretValue(put({ VersionId: 'v1', SecretData: 'other' }))()).toStrictEqual(
      E.left(ApiErrors.resourceExist()),
    )
    expect(
      await engine.putSecretValue(put({ VersionId: 'v1', SecretData: 's3cr3t', SecretDataType: 'binary' }))(),
    ).toStrictEqual(E.left(ApiErrors.resourceExist()))
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('allows 8 labels and refuses a 9th with Rejected.LimitExceeded, changing nothing', async () => {
    const { engine, store } = await setup()
    await engine.putSecretValue(put({ VersionId: 'v2' }))()
    // ACSCurrent, ACSPrevious and six custom labels: eight.
    expect(
      E.isRight(await engine.putSecretValue(put({ VersionId: 'v3', VersionStages: '["a","b","c","d","e","f"]' }))()),
    ).toBe(true)
    const before = store.snapshot()
    expect(await engine.putSecretValue(put({ VersionId: 'v4', VersionStages: '["g"]' }))()).toStrictEqual(
      E.left(ApiErrors.limitExceeded()),
    )
    // Moving labels that exist keeps the count at eight.
    expect(store.snapshot()).toStrictEqual(before)
    expect(E.isRight(await engine.putSecretValue(put({ VersionId: 'v4', VersionStages: '["a","f"]' }))())).toBe(true)
  })

  it('keeps at most 10 versions, pruning the oldest unlabeled first', async () => {
    const { engine, store } = await setup()
    await engine.putSecretValue(put({ VersionId: 'v2', VersionStages: '["Keep"]' }))()
    for (let i = 3; i <= 12; i++) await engine.putSecretValue(put({ VersionId: `v${i}` }))()
    const versions = await labelsOf(store, name)
    expect(versions.map(([id]) => id)).toStrictEqual(['v2', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11', 'v12'])
    expect(await valueOf(engine, { VersionId: 'v1' })).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
  })

  it('refuses an unknown secret (404), a non-generic one (400) and one pending deletion (409)', async () => {
    const { engine, store, clock } = await setup()
    await engine.createSecret({
      SecretName: 'mydb',
      VersionId: 'v1',
      SecretData: '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}',
      SecretType: 'Rds',
      ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}',
    })()
    expect(await engine.putSecretValue(put({ SecretName: 'nope', VersionId: 'v2' }))()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(
      await engine.putSecretValue(put({ SecretName: 'acs:kms:cn-beijing:1:secret/db-password', VersionId: 'v2' }))(),
    ).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    expect(await engine.putSecretValue(put({ SecretName: 'mydb', VersionId: 'v2' }))()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    await scheduleDeletion(store, name, clock.now().getTime() + 86_400_000)
    const before = store.snapshot()
    expect(await engine.putSecretValue(put({ VersionId: 'v2' }))()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('requires SecretName, VersionId and SecretData', async () => {
    const { engine } = await setup()
    const full = { SecretName: name, VersionId: 'v2', SecretData: 'x' }
    for (const missing of ['SecretName', 'VersionId', 'SecretData'] as const) {
      for (const params of [
        { ...full, [missing]: '' },
        Object.fromEntries(Object.entries(full).filter(([k]) => k !== missing)),
      ]) {
        expect(await engine.request('PutSecretValue', params)()).toStrictEqual(
          E.left(ApiErrors.missingParameter(missing)),
        )
      }
    }
  })

  it('pins VersionId at 64 characters and SecretData at 30,720 UTF-8 bytes', async () => {
    const { engine, store } = await setup()
    expect(E.isRight(await engine.putSecretValue(put({ VersionId: 'v'.repeat(64) }))())).toBe(true)
    expect(E.isRight(await engine.putSecretValue(put({ VersionId: 'big', SecretData: 'é'.repeat(15_360) }))())).toBe(
      true,
    )
    const before = store.snapshot()
    expect(await engine.putSecretValue(put({ VersionId: 'v'.repeat(65) }))()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('VersionId', 'It must be 1 to 64 characters long.')),
    )
    expect(await engine.putSecretValue(put({ VersionId: 'x', SecretData: 'é'.repeat(15_360) + 'a' }))()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('SecretData', 'It must be at most 30720 bytes long (UTF-8).')),
    )
    expect(await engine.request('PutSecretValue', put({ VersionId: 'x', SecretDataType: 'base64' }))()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('SecretDataType', 'It must be text or binary.')),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('refuses VersionStages that is not a non-empty JSON array of valid labels', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    const shape = 'a non-empty JSON array of stage labels, e.g. ["ACSCurrent","ACSNext"]'
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['ACSCurrent', `It must be ${shape}, and it is not valid JSON.`],
      ['["a",', `It must be ${shape}, and it is not valid JSON.`],
      ['{"VersionStage":["ACSCurrent"]}', `It must be ${shape}.`],
      ['"ACSCurrent"', `It must be ${shape}.`],
      ['[]', `It must be ${shape}.`],
      ['[1]', `It must be ${shape}.`],
      ['["a",null]', `It must be ${shape}.`],
      ['[""]', 'Each stage label must be 1 to 64 characters long.'],
      [`["${'s'.repeat(65)}"]`, 'Each stage label must be 1 to 64 characters long.'],
    ]
    for (const [stages, reason] of cases) {
      expect(await engine.putSecretValue(put({ VersionId: 'v2', VersionStages: stages }))()).toStrictEqual(
        E.left(ApiErrors.invalidParameter('VersionStages', reason)),
      )
    }
    expect(store.snapshot()).toStrictEqual(before)
    expect(
      withoutRequestId(await engine.putSecretValue(put({ VersionId: 'v2', VersionStages: `["${'s'.repeat(64)}"]` }))()),
    ).toStrictEqual(E.right({ SecretName: name, VersionId: 'v2', VersionStages: { VersionStage: ['s'.repeat(64)] } }))
    expect(
      withoutRequestId(await engine.putSecretValue(put({ VersionId: 'v3', VersionStages: '[\\"Esc\\"]' }))()),
    ).toStrictEqual(E.right({ SecretName: name, VersionId: 'v3', VersionStages: { VersionStage: ['Esc'] } }))
  })

  it('reads back whatever value was written, under any version id (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.constantFrom('text', 'binary'),
        async (versionId, data, dataType) => {
          const { engine, store } = await setup()
          const written = await engine.putSecretValue({
            SecretName: name,
            VersionId: versionId,
            SecretData: data,
            SecretDataType: dataType,
          })()
          const read = await engine.request('GetSecretValue', { SecretName: name, VersionId: versionId })()
          if (versionId === 'v1') {
            expect(E.isRight(written)).toBe(data === generic.SecretData && dataType === 'text')
          } else {
            expect(E.map((b: Record<string, unknown>) => [b['SecretData'], b['SecretDataType']])(read)).toStrictEqual(
              E.right([data, dataType]),
            )
            // Long enough that base64 text cannot hold it by chance.
            if (data.length >= 12)
              expect(JSON.stringify(store.snapshot())).not.toContain(JSON.stringify(data).slice(1, -1))
          }
        },
      ),
      { numRuns: 50 },
    )
  })
})
