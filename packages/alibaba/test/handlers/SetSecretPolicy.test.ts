import { ApiErrors, type DescribeSecretResponse } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { hours, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic } from '../support/versions.js'

const policy = JSON.stringify({
  Version: '1',
  Statement: [
    {
      Sid: 'Enable RAM User Permissions',
      Effect: 'Allow',
      Principal: { RAM: 'acs:ram::123456789012:root' },
      Action: ['kms:*'],
      Resource: ['*'],
    },
  ],
})

const created = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  t.clock.advance(hours(1))
  return t
}

const policyOf = async (t: Awaited<ReturnType<typeof created>>) =>
  E.map((b: { Policy: string }) => b.Policy)(await t.engine.getSecretPolicy({ SecretName: 'db-password' })())

describe('SetSecretPolicy', () => {
  it('replaces the policy, answers with RequestId only, and moves UpdateTime', async () => {
    const t = await created()
    expect(
      withoutRequestId(await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: policy })()),
    ).toStrictEqual(E.right({}))
    expect(await policyOf(t)).toStrictEqual(E.right(policy))
    const d = await t.engine.describeSecret({ SecretName: 'db-password' })()
    expect(E.map((b: DescribeSecretResponse) => b.UpdateTime)(d)).toStrictEqual(E.right('2026-01-01T01:00:00Z'))
  })

  it('stores a policy sent in the escaped form of the documentation as plain JSON', async () => {
    const t = await created()
    const escaped = policy.replaceAll('"', '\\"')
    expect(
      withoutRequestId(await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: escaped })()),
    ).toStrictEqual(E.right({}))
    expect(await policyOf(t)).toStrictEqual(E.right(policy))
  })

  it('takes PolicyName=default and the ARN', async () => {
    const t = await created()
    expect(
      withoutRequestId(
        await t.engine.setSecretPolicy({
          SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password',
          PolicyName: 'default',
          Policy: policy,
        })(),
      ),
    ).toStrictEqual(E.right({}))
    expect(await policyOf(t)).toStrictEqual(E.right(policy))
  })

  it('refuses another PolicyName, a missing or invalid Policy, and changes nothing', async () => {
    const t = await created()
    const before = t.store.snapshot()
    expect(
      await t.engine.setSecretPolicy({ SecretName: 'db-password', PolicyName: 'other', Policy: policy })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('PolicyName', 'It must be default.')))
    expect(await t.engine.request('SetSecretPolicy', { SecretName: 'db-password' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('Policy')),
    )
    // A missing parameter comes before a PolicyName that breaks its rule.
    expect(
      await t.engine.request('SetSecretPolicy', { SecretName: 'db-password', PolicyName: 'other' })(),
    ).toStrictEqual(E.left(ApiErrors.missingParameter('Policy')))
    expect(await t.engine.request('SetSecretPolicy', { Policy: policy })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(
      await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: '{"Version":"2","Statement":[]}' })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('Policy', '"Version" must be "1".')))
    expect(await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: 'nope' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('Policy', 'It must be a JSON object, and it is not valid JSON.')),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('takes a policy of 32,768 bytes and refuses one byte more (the CreateSecret rule)', async () => {
    const t = await created()
    const padded = (bytes: number) => {
      const base = JSON.stringify({ ...JSON.parse(policy), Pad: '' })
      return JSON.stringify({ ...JSON.parse(policy), Pad: 'x'.repeat(bytes - base.length) })
    }
    expect(padded(32_768).length).toBe(32_768)
    expect(E.isRight(await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: padded(32_768) })())).toBe(
      true,
    )
    expect(await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: padded(32_769) })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('Policy', 'It must be at most 32768 bytes long (UTF-8).')),
    )
  })

  it('refuses a secret pending deletion (409) and an unknown one (404)', async () => {
    const t = await created()
    await t.engine.deleteSecret({ SecretName: 'db-password' })()
    const before = t.store.snapshot()
    expect(await t.engine.setSecretPolicy({ SecretName: 'db-password', Policy: policy })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(await t.engine.setSecretPolicy({ SecretName: 'nope', Policy: policy })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })
})
