import { ApiErrors, type DescribeSecretResponse } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic } from '../support/versions.js'

const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password'
const windowError = ApiErrors.invalidParameter(
  'RecoveryWindowInDays',
  'It must be a whole number of days from 7 to 30.',
)

const created = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  return t
}

describe('DeleteSecret', () => {
  it('schedules the deletion 30 days ahead by default', async () => {
    const { engine } = await created()
    expect(withoutRequestId(await engine.deleteSecret({ SecretName: 'db-password' })())).toStrictEqual(
      E.right({ SecretName: 'db-password', PlannedDeleteTime: '2026-01-31T00:00:00Z' }),
    )
  })

  it('takes RecoveryWindowInDays from 7 to 30, and the ARN as SecretName', async () => {
    for (const [window, planned] of [
      ['7', '2026-01-08T00:00:00Z'],
      ['30', '2026-01-31T00:00:00Z'],
      ['15', '2026-01-16T00:00:00Z'],
    ] as const) {
      const { engine } = await created()
      expect(
        withoutRequestId(await engine.deleteSecret({ SecretName: arn, RecoveryWindowInDays: window })()),
      ).toStrictEqual(E.right({ SecretName: 'db-password', PlannedDeleteTime: planned }))
    }
  })

  it('refuses a window out of 7..30 or not a whole number, and changes nothing', async () => {
    const { engine, store } = await created()
    const before = store.snapshot()
    for (const window of ['6', '31', '0', '-7', '7.5', '1e1', ' 7', 'seven', '0x10', '1000']) {
      expect(await engine.deleteSecret({ SecretName: 'db-password', RecoveryWindowInDays: window })()).toStrictEqual(
        E.left(windowError),
      )
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('accepts every window from 7 to 30 and refuses every other integer (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -100, max: 200 }), async (n) => {
        const { engine } = await created()
        const r = await engine.deleteSecret({ SecretName: 'db-password', RecoveryWindowInDays: String(n) })()
        if (n >= 7 && n <= 30) {
          expect(E.map((b: { PlannedDeleteTime: string }) => b.PlannedDeleteTime)(r)).toStrictEqual(
            E.right(new Date(Date.parse('2026-01-01T00:00:00Z') + days(n)).toISOString().replace('.000', '')),
          )
        } else {
          expect(r).toStrictEqual(E.left(windowError))
        }
      }),
      { numRuns: 40 },
    )
  })

  it('forces deletion at once: the secret is gone, the name is free, PlannedDeleteTime is now', async () => {
    const { engine, store } = await created()
    expect(
      withoutRequestId(await engine.deleteSecret({ SecretName: 'db-password', ForceDeleteWithoutRecovery: 'true' })()),
    ).toStrictEqual(E.right({ SecretName: 'db-password', PlannedDeleteTime: '2026-01-01T00:00:00Z' }))
    expect(store.snapshot().records).toStrictEqual([])
    expect(await engine.describeSecret({ SecretName: 'db-password' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(E.isRight(await engine.createSecret(generic)())).toBe(true)
  })

  it('ignores RecoveryWindowInDays when forcing, even an invalid one (Terraform sends both)', async () => {
    for (const window of ['30', '3', 'x']) {
      const { engine } = await created()
      expect(
        withoutRequestId(
          await engine.deleteSecret({
            SecretName: 'db-password',
            ForceDeleteWithoutRecovery: 'true',
            RecoveryWindowInDays: window,
          })(),
        ),
      ).toStrictEqual(E.right({ SecretName: 'db-password', PlannedDeleteTime: '2026-01-01T00:00:00Z' }))
    }
  })

  it('ForceDeleteWithoutRecovery=false schedules; another value is 400', async () => {
    const { engine, store } = await created()
    const before = store.snapshot()
    expect(
      await engine.request('DeleteSecret', { SecretName: 'db-password', ForceDeleteWithoutRecovery: 'yes' })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('ForceDeleteWithoutRecovery', 'It must be true or false.')))
    expect(store.snapshot()).toStrictEqual(before)
    expect(
      withoutRequestId(
        await engine.deleteSecret({
          SecretName: 'db-password',
          ForceDeleteWithoutRecovery: 'false',
          RecoveryWindowInDays: '10',
        })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'db-password', PlannedDeleteTime: '2026-01-11T00:00:00Z' }))
  })

  it('refuses to schedule again while pending (409), but forcing while pending removes it', async () => {
    const { engine, store } = await created()
    await engine.deleteSecret({ SecretName: 'db-password', RecoveryWindowInDays: '7' })()
    const before = store.snapshot()
    expect(await engine.deleteSecret({ SecretName: 'db-password' })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(store.snapshot()).toStrictEqual(before)
    expect(
      withoutRequestId(await engine.deleteSecret({ SecretName: 'db-password', ForceDeleteWithoutRecovery: 'true' })()),
    ).toStrictEqual(E.right({ SecretName: 'db-password', PlannedDeleteTime: '2026-01-01T00:00:00Z' }))
    expect(store.snapshot().records).toStrictEqual([])
  })

  it('answers an unknown secret, forced or not, with 404 "Resource not found"', async () => {
    const { engine, store } = await created()
    const before = store.snapshot()
    const notFound = E.left({ code: 'Forbidden.ResourceNotFound', httpStatus: 404, message: 'Resource not found' })
    expect(await engine.deleteSecret({ SecretName: 'nope' })()).toStrictEqual(notFound)
    expect(await engine.deleteSecret({ SecretName: 'nope', ForceDeleteWithoutRecovery: 'true' })()).toStrictEqual(
      notFound,
    )
    expect(
      await engine.deleteSecret({ SecretName: 'acs:kms:cn-shanghai:1234567890123456:secret/db-password' })(),
    ).toStrictEqual(notFound)
    expect(await engine.request('DeleteSecret', {})()).toStrictEqual(E.left(ApiErrors.missingParameter('SecretName')))
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('keeps UpdateTime as it was when scheduling', async () => {
    const { engine, clock } = await created()
    clock.advance(days(1))
    await engine.deleteSecret({ SecretName: 'db-password' })()
    const r = await engine.describeSecret({ SecretName: 'db-password' })()
    expect(E.map((b: DescribeSecretResponse) => [b.UpdateTime, b.PlannedDeleteTime])(r)).toStrictEqual(
      E.right(['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']),
    )
  })
})

describe('the deletion window ends', () => {
  it('is still there one millisecond before PlannedDeleteTime, and gone everywhere at it', async () => {
    const { engine, clock, store } = await created()
    await engine.createSecret({ ...generic, SecretName: 'other' })()
    await engine.deleteSecret({ SecretName: 'db-password', RecoveryWindowInDays: '7' })()

    clock.advance(days(7) - 1)
    const describe = await engine.describeSecret({ SecretName: 'db-password' })()
    expect(E.map((b: DescribeSecretResponse) => b.PlannedDeleteTime)(describe)).toStrictEqual(
      E.right('2026-01-08T00:00:00Z'),
    )
    const listed = await engine.listSecrets({})()
    expect(
      E.map((b: { TotalCount: number; SecretList: { Secret: ReadonlyArray<{ SecretName: string }> } }) => [
        b.TotalCount,
        b.SecretList.Secret.map((s) => s.SecretName),
      ])(listed),
    ).toStrictEqual(E.right([2, ['db-password', 'other']]))
    expect(await engine.createSecret(generic)()).toStrictEqual(E.left(ApiErrors.resourceInDeleteWindow()))

    clock.advance(1)
    const gone = E.left(ApiErrors.resourceNotFound())
    // ListSecrets reads only, so it sees the expired secret still in the store and must hide it.
    expect(store.snapshot().records.map((r) => r.name)).toStrictEqual(['db-password', 'other'])
    const after = await engine.listSecrets({})()
    expect(
      E.map((b: { TotalCount: number; SecretList: { Secret: ReadonlyArray<{ SecretName: string }> } }) => [
        b.TotalCount,
        b.SecretList.Secret.map((s) => s.SecretName),
      ])(after),
    ).toStrictEqual(E.right([1, ['other']]))
    expect(await engine.listSecrets({ Filters: '[{"Key":"SecretName","Values":["db-password"]}]' })()).toSatisfy(
      (r: E.Either<unknown, { TotalCount: number }>) => E.isRight(r) && r.right.TotalCount === 0,
    )
    expect(await engine.describeSecret({ SecretName: 'db-password' })()).toStrictEqual(gone)
    expect(await engine.getSecretValue({ SecretName: 'db-password' })()).toStrictEqual(gone)
    expect(await engine.restoreSecret({ SecretName: 'db-password' })()).toStrictEqual(gone)
    expect(await engine.getSecretPolicy({ SecretName: 'db-password' })()).toStrictEqual(gone)
    expect(await engine.updateSecret({ SecretName: 'db-password', Description: 'x' })()).toStrictEqual(gone)
    expect(await engine.deleteSecret({ SecretName: 'db-password' })()).toStrictEqual(
      E.left(ApiErrors.secretNotFoundOnDelete()),
    )
    const again = await engine.createSecret({ ...generic, SecretData: 'new' })()
    expect(E.map((b: { SecretName: string }) => b.SecretName)(again)).toStrictEqual(E.right('db-password'))
    const value = await engine.getSecretValue({ SecretName: 'db-password' })()
    expect(E.map((b: { SecretData: string }) => b.SecretData)(value)).toStrictEqual(E.right('new'))
  })
})
