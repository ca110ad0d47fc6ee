import { ApiErrors, type UpdateSecretVersionStageRequest } from '@secrets-engine/alibaba'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic, labelsOf, recordOf, scheduleDeletion } from '../support/versions.js'

const name = generic.SecretName
const protectedStage = ApiErrors.invalidParameter(
  'VersionStage',
  'ACSCurrent and ACSPrevious cannot be removed, only moved to another version with MoveToVersion.',
)

/** v1 ACSPrevious, v2 ACSCurrent, v3 Pending. */
const setup = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  await t.engine.putSecretValue({ SecretName: name, VersionId: 'v2', SecretData: 'two' })()
  await t.engine.putSecretValue({
    SecretName: name,
    VersionId: 'v3',
    SecretData: 'three',
    VersionStages: '["Pending"]',
  })()
  return t
}
// Typed as a request so the typed method takes it; missing parameters are the point of some tests.
const update = (params: Readonly<Record<string, string>>) =>
  ({ SecretName: name, ...params }) as UpdateSecretVersionStageRequest

describe('UpdateSecretVersionStage', () => {
  it('attaches a label with MoveToVersion and answers with the secret name', async () => {
    const { engine, store } = await setup()
    expect(
      withoutRequestId(await engine.updateSecretVersionStage(update({ VersionStage: 'Mine', MoveToVersion: 'v1' }))()),
    ).toStrictEqual(E.right({ SecretName: name }))
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', ['ACSPrevious', 'Mine']],
      ['v2', ['ACSCurrent']],
      ['v3', ['Pending']],
    ])
  })

  it('moves a label that sits elsewhere, with or without RemoveFromVersion', async () => {
    const { engine, store } = await setup()
    await engine.updateSecretVersionStage(update({ VersionStage: 'Pending', MoveToVersion: 'v1' }))()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', ['ACSPrevious', 'Pending']],
      ['v2', ['ACSCurrent']],
      ['v3', []],
    ])
    await engine.updateSecretVersionStage(
      update({ VersionStage: 'Pending', RemoveFromVersion: 'v1', MoveToVersion: 'v3' }),
    )()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', ['ACSPrevious']],
      ['v2', ['ACSCurrent']],
      ['v3', ['Pending']],
    ])
  })

  it('moving ACSCurrent hands ACSPrevious to the old current version', async () => {
    const { engine, store, clock } = await setup()
    clock.advance(7_000)
    expect(
      withoutRequestId(
        await engine.updateSecretVersionStage(
          update({ VersionStage: 'ACSCurrent', RemoveFromVersion: 'v2', MoveToVersion: 'v3' }),
        )(),
      ),
    ).toStrictEqual(E.right({ SecretName: name }))
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', []],
      ['v2', ['ACSPrevious']],
      ['v3', ['Pending', 'ACSCurrent']],
    ])
    expect((await recordOf(store, name)).updatedAt).toBe(Date.parse('2026-01-01T00:00:07Z'))
    const read = await engine.request('GetSecretValue', { SecretName: name })()
    expect(E.map((b: Record<string, unknown>) => b['SecretData'])(read)).toStrictEqual(E.right('three'))
  })

  it('moves ACSPrevious alone, leaving ACSCurrent where it is', async () => {
    const { engine, store } = await setup()
    await engine.updateSecretVersionStage(update({ VersionStage: 'ACSPrevious', MoveToVersion: 'v3' }))()
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', []],
      ['v2', ['ACSCurrent']],
      ['v3', ['Pending', 'ACSPrevious']],
    ])
  })

  it('removes a custom label with RemoveFromVersion alone', async () => {
    const { engine, store } = await setup()
    expect(
      withoutRequestId(
        await engine.updateSecretVersionStage(update({ VersionStage: 'Pending', RemoveFromVersion: 'v3' }))(),
      ),
    ).toStrictEqual(E.right({ SecretName: name }))
    expect(await labelsOf(store, name)).toStrictEqual([
      ['v1', ['ACSPrevious']],
      ['v2', ['ACSCurrent']],
      ['v3', []],
    ])
  })

  it('a request that moves nothing succeeds and commits nothing', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    for (const params of [
      update({ VersionStage: 'ACSCurrent', MoveToVersion: 'v2' }),
      update({ VersionStage: 'Pending', RemoveFromVersion: 'v3', MoveToVersion: 'v3' }),
    ]) {
      expect(withoutRequestId(await engine.updateSecretVersionStage(params)())).toStrictEqual(
        E.right({ SecretName: name }),
      )
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('requires SecretName, VersionStage, and one of RemoveFromVersion and MoveToVersion', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    expect(
      await engine.request('UpdateSecretVersionStage', { VersionStage: 'x', MoveToVersion: 'v1' })(),
    ).toStrictEqual(E.left(ApiErrors.missingParameter('SecretName')))
    expect(await engine.request('UpdateSecretVersionStage', update({ MoveToVersion: 'v1' }))()).toStrictEqual(
      E.left(ApiErrors.missingParameter('VersionStage')),
    )
    for (const params of [
      update({ VersionStage: 'Pending' }),
      update({ VersionStage: 'Pending', RemoveFromVersion: '', MoveToVersion: '' }),
    ]) {
      expect(await engine.request('UpdateSecretVersionStage', params)()).toStrictEqual(
        E.left(ApiErrors.missingParameter('MoveToVersion')),
      )
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('refuses to remove ACSCurrent or ACSPrevious without MoveToVersion (400 InvalidParameter)', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    for (const [stage, version] of [
      ['ACSCurrent', 'v2'],
      ['ACSPrevious', 'v1'],
      ['ACSPrevious', 'v9'],
    ] as const) {
      expect(
        await engine.updateSecretVersionStage(update({ VersionStage: stage, RemoveFromVersion: version }))(),
      ).toStrictEqual(E.left(protectedStage))
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('refuses RemoveFromVersion that does not carry the label (400 Rejected.InvalidRequest)', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    for (const params of [
      update({ VersionStage: 'Pending', RemoveFromVersion: 'v1' }),
      update({ VersionStage: 'Nowhere', RemoveFromVersion: 'v1' }),
      update({ VersionStage: 'ACSCurrent', RemoveFromVersion: 'v1', MoveToVersion: 'v3' }),
    ]) {
      expect(await engine.updateSecretVersionStage(params)()).toStrictEqual(E.left(ApiErrors.invalidRequest()))
    }
    expect(ApiErrors.invalidRequest()).toStrictEqual({
      code: 'Rejected.InvalidRequest',
      httpStatus: 400,
      message: 'param mismatch',
    })
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('answers a version id or secret that does not exist with 404 Forbidden.ResourceNotFound', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    for (const params of [
      update({ VersionStage: 'Pending', MoveToVersion: 'v9' }),
      update({ VersionStage: 'Pending', RemoveFromVersion: 'v9' }),
      update({ VersionStage: 'ACSCurrent', RemoveFromVersion: 'v2', MoveToVersion: 'v9' }),
      { SecretName: 'nope', VersionStage: 'Pending', MoveToVersion: 'v1' },
      { SecretName: 'acs:kms:cn-beijing:1:secret/db-password', VersionStage: 'Pending', MoveToVersion: 'v1' },
    ]) {
      expect(await engine.updateSecretVersionStage(params)()).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('accepts the ARN', async () => {
    const { engine, store } = await setup()
    const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password'
    expect(
      withoutRequestId(
        await engine.updateSecretVersionStage({ SecretName: arn, VersionStage: 'Mine', MoveToVersion: 'v2' })(),
      ),
    ).toStrictEqual(E.right({ SecretName: name }))
    expect((await labelsOf(store, name))[1]).toStrictEqual(['v2', ['ACSCurrent', 'Mine']])
  })

  it('allows an 8th label and refuses a 9th with Rejected.LimitExceeded', async () => {
    const { engine, store } = await setup()
    // ACSCurrent, ACSPrevious, Pending and five more: eight.
    for (const label of ['a', 'b', 'c', 'd', 'e']) {
      expect(
        E.isRight(await engine.updateSecretVersionStage(update({ VersionStage: label, MoveToVersion: 'v1' }))()),
      ).toBe(true)
    }
    const before = store.snapshot()
    expect(await engine.updateSecretVersionStage(update({ VersionStage: 'f', MoveToVersion: 'v1' }))()).toStrictEqual(
      E.left(ApiErrors.limitExceeded()),
    )
    expect(store.snapshot()).toStrictEqual(before)
    // Moving one of the eight is still fine.
    expect(E.isRight(await engine.updateSecretVersionStage(update({ VersionStage: 'a', MoveToVersion: 'v2' }))())).toBe(
      true,
    )
  })

  it('pins VersionStage and the version ids at 64 characters', async () => {
    const { engine } = await setup()
    expect(
      E.isRight(await engine.updateSecretVersionStage(update({ VersionStage: 's'.repeat(64), MoveToVersion: 'v1' }))()),
    ).toBe(true)
    expect(
      await engine.updateSecretVersionStage(update({ VersionStage: 's'.repeat(65), MoveToVersion: 'v1' }))(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('VersionStage', 'It must be 1 to 64 characters long.')))
    expect(
      await engine.updateSecretVersionStage(update({ VersionStage: 'x', MoveToVersion: 'v'.repeat(64) }))(),
    ).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    expect(
      await engine.updateSecretVersionStage(update({ VersionStage: 'x', MoveToVersion: 'v'.repeat(65) }))(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('MoveToVersion', 'It must be 1 to 64 characters long.')))
    expect(
      await engine.updateSecretVersionStage(update({ VersionStage: 'x', RemoveFromVersion: 'v'.repeat(65) }))(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('RemoveFromVersion', 'It must be 1 to 64 characters long.')))
  })

  it('refuses non-generic secrets (400) and secrets pending deletion (409)', async () => {
    const { engine, store, clock } = await setup()
    await engine.createSecret({
      SecretName: 'mydb',
      VersionId: 'v1',
      SecretData: '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}',
      SecretType: 'Rds',
      ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}',
    })()
    expect(
      await engine.updateSecretVersionStage({ SecretName: 'mydb', VersionStage: 'x', MoveToVersion: 'v1' })(),
    ).toStrictEqual(E.left(ApiErrors.unsupportedOperation()))
    await scheduleDeletion(store, name, clock.now().getTime() + 86_400_000)
    const before = store.snapshot()
    expect(await engine.updateSecretVersionStage(update({ VersionStage: 'x', MoveToVersion: 'v1' }))()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('any move keeps exactly one ACSCurrent and each label on one version (property)', async () => {
    const stage = fc.constantFrom('ACSCurrent', 'ACSPrevious', 'Pending', 'Mine')
    const version = fc.option(fc.constantFrom('v1', 'v2', 'v3', 'v4'), { nil: undefined })
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(stage, version, version), { maxLength: 8 }), async (moves) => {
        const { engine, store } = await setup()
        for (const [s, from, to] of moves) {
          await engine.updateSecretVersionStage({
            SecretName: name,
            VersionStage: s,
            ...(from === undefined ? {} : { RemoveFromVersion: from }),
            ...(to === undefined ? {} : { MoveToVersion: to }),
          })()
          const labels = (await labelsOf(store, name)).flatMap(([, l]) => l)
          expect(labels.filter((l) => l === 'ACSCurrent')).toStrictEqual(['ACSCurrent'])
          expect(new Set(labels).size).toBe(labels.length)
        }
      }),
      { numRuns: 60 },
    )
  })
})
