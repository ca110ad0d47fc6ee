import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { recordOf } from '../support/versions.js'

const tags = (...pairs: ReadonlyArray<readonly [string, string]>) =>
  JSON.stringify(pairs.map(([TagKey, TagValue]) => ({ TagKey, TagValue })))

const setup = async () => {
  const t = testEngine()
  await t.engine.createSecret({ SecretName: 'db', VersionId: 'v1', SecretData: 'x', Tags: tags(['env', 'prod']) })()
  return t
}

const tagsOf = async (t: Awaited<ReturnType<typeof setup>>, name = 'db') => (await recordOf(t.store, name)).tags

const ok = E.right({})
describe('TagResource', () => {
  it('adds tags, replaces the value of a key the secret has, keeps the order, and answers with RequestId only', async () => {
    const t = await setup()
    expect(
      withoutRequestId(await t.engine.tagResource({ SecretName: 'db', Tags: tags(['team', 'a'], ['env', 'dev']) })()),
    ).toStrictEqual(ok)
    expect(await tagsOf(t)).toStrictEqual([
      { key: 'env', value: 'dev' },
      { key: 'team', value: 'a' },
    ])
  })

  it('shows the tags in DescribeSecret with FetchTags', async () => {
    const t = await setup()
    await t.engine.tagResource({ SecretName: 'db', Tags: tags(['team', 'a']) })()
    const described = await t.engine.request('DescribeSecret', { SecretName: 'db', FetchTags: 'true' })()
    expect(E.isRight(described) && described.right['Tags']).toStrictEqual({
      Tag: [
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'team', TagValue: 'a' },
      ],
    })
  })

  it('accepts the ARN and the backslash-escaped JSON of the documentation', async () => {
    const t = await setup()
    expect(
      withoutRequestId(
        await t.engine.tagResource({
          SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/db',
          Tags: '[{\\"TagKey\\":\\"S1key1\\",\\"TagValue\\":\\"S1val1\\"}]',
        })(),
      ),
    ).toStrictEqual(ok)
    expect(await tagsOf(t)).toContainEqual({ key: 'S1key1', value: 'S1val1' })
  })

  it('allows 20 tags on a secret, and refuses a 21st with InvalidParameter, changing nothing', async () => {
    const t = await setup()
    const nineteen = Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v'] as const)
    expect(withoutRequestId(await t.engine.tagResource({ SecretName: 'db', Tags: tags(...nineteen) })())).toStrictEqual(
      ok,
    )
    expect(await tagsOf(t)).toHaveLength(20)
    // Replacing a value does not add a tag.
    expect(withoutRequestId(await t.engine.tagResource({ SecretName: 'db', Tags: tags(['k0', 'w']) })())).toStrictEqual(
      ok,
    )
    const before = t.store.snapshot()
    expect(await t.engine.tagResource({ SecretName: 'db', Tags: tags(['one-more', 'v']) })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('Tags', 'A secret may hold at most 20 tags.')),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('moves UpdateTime when the tags change, and commits nothing when they do not', async () => {
    const t = await setup()
    t.clock.advance(days(1))
    await t.engine.tagResource({ SecretName: 'db', Tags: tags(['env', 'prod']) })()
    expect((await recordOf(t.store, 'db')).updatedAt).toBe(Date.parse('2026-01-01T00:00:00Z'))
    await t.engine.tagResource({ SecretName: 'db', Tags: tags(['env', 'dev']) })()
    expect((await recordOf(t.store, 'db')).updatedAt).toBe(Date.parse('2026-01-02T00:00:00Z'))
  })

  it('refuses keys starting with aliyun or acs:, keys and values over 128 characters, and repeated keys', async () => {
    const t = await setup()
    const before = t.store.snapshot()
    for (const Tags of [
      tags(['aliyun-x', 'v']),
      tags(['acs:x', 'v']),
      tags(['k'.repeat(129), 'v']),
      tags(['k', 'v'.repeat(129)]),
      tags(['k', 'a'], ['k', 'b']),
      'not json',
      '{}',
    ]) {
      const r = await t.engine.tagResource({ SecretName: 'db', Tags })()
      expect(E.isLeft(r) && r.left.code).toBe('InvalidParameter')
      expect(E.isLeft(r) && r.left.message.startsWith('The specified parameter "Tags" is not valid.')).toBe(true)
    }
    expect(
      withoutRequestId(
        await t.engine.tagResource({ SecretName: 'db', Tags: tags(['k'.repeat(128), 'v'.repeat(128)]) })(),
      ),
    ).toStrictEqual(ok)
    expect((await tagsOf(t)).length).toBe(2)
    expect(before).not.toStrictEqual(t.store.snapshot())
  })

  it('refuses an empty list of tags with InvalidParameter, as UntagResource refuses an empty list of keys', async () => {
    const t = await setup()
    const before = t.store.snapshot()
    for (const Tags of ['[]', '[ ]']) {
      expect(await t.engine.tagResource({ SecretName: 'db', Tags })()).toStrictEqual(
        E.left(ApiErrors.invalidParameter('Tags', 'It must hold at least one tag.')),
      )
    }
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('needs exactly one of KeyId, SecretName and CertificateId; keys and certificates are unsupported', async () => {
    const t = await setup()
    const before = t.store.snapshot()
    const Tags = tags(['a', 'b'])
    expect(await t.engine.request('TagResource', { Tags })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(await t.engine.request('TagResource', { SecretName: 'db' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('Tags')),
    )
    expect(await t.engine.request('TagResource', { KeyId: 'key-1', SecretName: 'db' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('Tags')),
    )
    expect(await t.engine.tagResource({ Tags, KeyId: 'key-1', SecretName: 'db' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('SecretName', 'Give exactly one of KeyId, SecretName and CertificateId.')),
    )
    expect(await t.engine.tagResource({ Tags, SecretName: 'db', CertificateId: 'c-1' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('CertificateId', 'Give exactly one of KeyId, SecretName and CertificateId.')),
    )
    expect(await t.engine.tagResource({ Tags, KeyId: 'key-1' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(await t.engine.tagResource({ Tags, CertificateId: 'c-1' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(await t.engine.tagResource({ Tags, SecretName: 'nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })
})

describe('tagging a secret pending deletion', () => {
  it('is 409 Rejected.ResourceInDeleteWindow for both, changing nothing', async () => {
    const t = await setup()
    await t.engine.request('DeleteSecret', { SecretName: 'db' })()
    const before = t.store.snapshot()
    expect(await t.engine.tagResource({ SecretName: 'db', Tags: tags(['a', 'b']) })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(await t.engine.untagResource({ SecretName: 'db', TagKeys: '["env"]' })()).toStrictEqual(
      E.left(ApiErrors.resourceInDeleteWindow()),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })
})
