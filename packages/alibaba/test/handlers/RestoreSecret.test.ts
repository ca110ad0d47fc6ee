import { ApiErrors, type DescribeSecretResponse } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic } from '../support/versions.js'

const created = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  return t
}

describe('RestoreSecret', () => {
  it('keeps the quota around the end of a window: a restore and a create a moment later do not both hold', async () => {
    for (const latency of [0, 1, 3]) {
      const { engine, clock, store } = testEngine({ maxSecrets: 2 })
      await engine.createSecret(generic)()
      await engine.createSecret({ ...generic, SecretName: 'b' })()
      await engine.deleteSecret({ SecretName: 'b', RecoveryWindowInDays: '7' })()
      store.faults.setLatency(latency)
      // The restore starts 1 ms before the window ends, the create 1 ms after it.
      clock.advance(days(7) - 1)
      const restoring = engine.restoreSecret({ SecretName: 'b' })()
      clock.advance(2)
      const creating = engine.createSecret({ ...generic, SecretName: 'c' })()
      const [restored, created] = await Promise.all([restoring, creating])
      expect(withoutRequestId(restored)).toStrictEqual(E.right({ SecretName: 'b' }))
      expect(created).toStrictEqual(E.left(ApiErrors.limitExceeded()))
      store.faults.setLatency(0)
      const listed = await engine.listSecrets({})()
      expect(E.map((b: { TotalCount: number }) => b.TotalCount)(listed)).toStrictEqual(E.right(2))
    }
  })

  it('restores a secret pending deletion: PlannedDeleteTime goes, the value reads again', async () => {
    const { engine, clock } = await created()
    await engine.deleteSecret({ SecretName: 'db-password' })()
    clock.advance(days(29))
    expect(withoutRequestId(await engine.restoreSecret({ SecretName: 'db-password' })())).toStrictEqual(
      E.right({ SecretName: 'db-password' }),
    )
    const described = await engine.describeSecret({ SecretName: 'db-password' })()
    expect(E.map((b: DescribeSecretResponse) => [b.PlannedDeleteTime, b.UpdateTime])(described)).toStrictEqual(
      E.right([undefined, '2026-01-01T00:00:00Z']),
    )
    const value = await engine.getSecretValue({ SecretName: 'db-password' })()
    expect(E.map((b: { SecretData: string }) => b.SecretData)(value)).toStrictEqual(E.right('s3cr3t'))
    // It no longer goes when the old window ends, and it can be scheduled again.
    clock.advance(days(2))
    expect(E.isRight(await engine.describeSecret({ SecretName: 'db-password' })())).toBe(true)
    expect(E.isRight(await engine.deleteSecret({ SecretName: 'db-password' })())).toBe(true)
  })

  it('takes the ARN, and answers with the name', async () => {
    const { engine } = await created()
    await engine.deleteSecret({ SecretName: 'db-password' })()
    expect(
      withoutRequestId(
        await engine.restoreSecret({ SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password' })(),
      ),
    ).toStrictEqual(E.right({ SecretName: 'db-password' }))
  })

  it('refuses a secret that is not pending deletion with 409 Rejected.ResourceInUse', async () => {
    const { engine, store } = await created()
    const before = store.snapshot()
    expect(await engine.restoreSecret({ SecretName: 'db-password' })()).toStrictEqual(
      E.left({ code: 'Rejected.ResourceInUse', httpStatus: 409, message: 'restore normal secret' }),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('cannot restore after a forced deletion, or after the window ended (404)', async () => {
    const { engine, clock, store } = await created()
    await engine.createSecret({ ...generic, SecretName: 'other' })()
    await engine.deleteSecret({ SecretName: 'db-password', ForceDeleteWithoutRecovery: 'true' })()
    await engine.deleteSecret({ SecretName: 'other', RecoveryWindowInDays: '7' })()
    clock.advance(days(7))
    const before = store.snapshot()
    expect(await engine.restoreSecret({ SecretName: 'db-password' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await engine.restoreSecret({ SecretName: 'other' })()).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    // The expired secret is removed by the read that found it gone; nothing else changes.
    expect(store.snapshot().records).toStrictEqual(before.records.filter((r) => r.name !== 'other'))
  })

  it('refuses a missing SecretName', async () => {
    const { engine } = await created()
    expect(await engine.request('RestoreSecret', {})()).toStrictEqual(E.left(ApiErrors.missingParameter('SecretName')))
    expect(await engine.request('RestoreSecret', { SecretName: '' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
  })
})
