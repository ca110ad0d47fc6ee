import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'
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
describe('UntagResource', () => {
  it('removes the given keys and ignores keys the secret does not have', async () => {
    const t = await setup()
    await t.engine.tagResource({ SecretName: 'db', Tags: tags(['team', 'a'], ['tier', '1']) })()
    expect(
      withoutRequestId(await t.engine.untagResource({ SecretName: 'db', TagKeys: '["env","tier","absent"]' })()),
    ).toStrictEqual(ok)
    expect(await tagsOf(t)).toStrictEqual([{ key: 'team', value: 'a' }])
  })

  it('changes nothing when no key matches', async () => {
    const t = await setup()
    const before = t.store.snapshot()
    expect(withoutRequestId(await t.engine.untagResource({ SecretName: 'db', TagKeys: '["absent"]' })())).toStrictEqual(
      ok,
    )
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('refuses TagKeys that is not a non-empty JSON array of valid keys (1 to 128 characters)', async () => {
    const t = await setup()
    const before = t.store.snapshot()
    for (const TagKeys of ['[]', '["k",""]', `["${'k'.repeat(129)}"]`, '["acs:x"]', '["aliyunx"]', 'env', '{"a":1}']) {
      const r = await t.engine.untagResource({ SecretName: 'db', TagKeys })()
      expect(E.isLeft(r) && r.left.code).toBe('InvalidParameter')
      expect(E.isLeft(r) && r.left.message.startsWith('The specified parameter "TagKeys" is not valid.')).toBe(true)
    }
    expect(t.store.snapshot()).toStrictEqual(before)
    expect(
      withoutRequestId(await t.engine.untagResource({ SecretName: 'db', TagKeys: `["${'k'.repeat(128)}"]` })()),
    ).toStrictEqual(ok)
  })

  it('is refused like TagResource for missing, double, key and certificate resources, and unknown secrets', async () => {
    const t = await setup()
    const TagKeys = '["env"]'
    expect(await t.engine.request('UntagResource', { TagKeys })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(await t.engine.request('UntagResource', { SecretName: 'db' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('TagKeys')),
    )
    expect(await t.engine.untagResource({ TagKeys, KeyId: 'k', SecretName: 'db' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('SecretName', 'Give exactly one of KeyId, SecretName and CertificateId.')),
    )
    expect(await t.engine.untagResource({ TagKeys, KeyId: 'k' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(await t.engine.untagResource({ TagKeys, SecretName: 'nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
  })
})
