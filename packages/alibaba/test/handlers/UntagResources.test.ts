import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { withoutRequestId } from '../../../../test/support/engine.js'
import { recordOf } from '../support/versions.js'
import { scope, setupSecrets } from '../tagging.js'

const tagged = async () => {
  const t = await setupSecrets('a', 'b')
  for (const SecretName of ['a', 'b']) {
    await t.engine.tagResource({
      SecretName,
      Tags: '[{"TagKey":"env","TagValue":"prod"},{"TagKey":"team","TagValue":"x"},{"TagKey":"tier","TagValue":"1"}]',
    })()
  }
  return t
}

const ok = E.right({})
describe('UntagResources', () => {
  it('removes the TagKey.N keys from every secret, ignoring keys a secret does not have', async () => {
    const t = await tagged()
    expect(
      withoutRequestId(
        await t.engine.request('UntagResources', {
          ...scope,
          'ResourceId.1': 'a',
          'ResourceId.2': 'b',
          'TagKey.1': 'env',
          'TagKey.2': 'absent',
          'TagKey.3': 'tier',
        })(),
      ),
    ).toStrictEqual(ok)
    for (const name of ['a', 'b'])
      expect((await recordOf(t.store, name)).tags).toStrictEqual([{ key: 'team', value: 'x' }])
  })

  it('All=true without keys removes every tag; with keys it is ignored; without either nothing changes', async () => {
    const t = await tagged()
    await t.engine.request('UntagResources', { ...scope, 'ResourceId.1': 'a', All: 'true', 'TagKey.1': 'env' })()
    expect((await recordOf(t.store, 'a')).tags).toHaveLength(2)
    const before = t.store.snapshot()
    expect(
      withoutRequestId(await t.engine.request('UntagResources', { ...scope, 'ResourceId.1': 'a' })()),
    ).toStrictEqual(ok)
    expect(t.store.snapshot()).toStrictEqual(before)
    await t.engine.request('UntagResources', { ...scope, 'ResourceId.1': 'a', All: 'true' })()
    expect((await recordOf(t.store, 'a')).tags).toStrictEqual([])
    expect((await recordOf(t.store, 'b')).tags).toHaveLength(3)
    for (const All of ['yes', 'TRUE', '1']) {
      expect(await t.engine.request('UntagResources', { ...scope, 'ResourceId.1': 'a', All })()).toStrictEqual(
        E.left(ApiErrors.invalidParameter('All', 'It must be true, false, True or False.')),
      )
    }
  })

  it('All also takes True and False, the capitalised values its metadata lists', async () => {
    const t = await tagged()
    const before = t.store.snapshot()
    expect(
      withoutRequestId(await t.engine.untagResources({ ...scope, 'ResourceId.1': 'a', All: 'False' })()),
    ).toStrictEqual(ok)
    expect(t.store.snapshot()).toStrictEqual(before)
    expect(
      withoutRequestId(await t.engine.untagResources({ ...scope, 'ResourceId.1': 'a', All: 'True' })()),
    ).toStrictEqual(ok)
    expect((await recordOf(t.store, 'a')).tags).toStrictEqual([])
    expect((await recordOf(t.store, 'b')).tags).toHaveLength(3)
  })

  it('is all or nothing on unknown ids and other regions (404 InvalidResourceId.NotFound)', async () => {
    const t = await tagged()
    const before = t.store.snapshot()
    const request = { ...scope, 'ResourceId.1': 'a', 'ResourceId.2': 'nope', 'TagKey.1': 'env' }
    expect(await t.engine.request('UntagResources', request)()).toStrictEqual(E.left(ApiErrors.resourceIdNotFound()))
    expect(
      await t.engine.request('UntagResources', { ...request, 'ResourceId.2': 'b', RegionId: 'eu-central-1' })(),
    ).toStrictEqual(E.left(ApiErrors.resourceIdNotFound()))
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('refuses keys starting with aliyun or acs:, longer than 128, and more than 20 keys', async () => {
    const t = await tagged()
    const request = { ...scope, 'ResourceId.1': 'a' }
    for (const key of ['aliyun', 'acs:k', 'k'.repeat(129)]) {
      expect(await t.engine.request('UntagResources', { ...request, 'TagKey.1': key })()).toStrictEqual(
        E.left(ApiErrors.invalidTagKey()),
      )
    }
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`TagKey.${i + 1}`, `k${i}`]))
    expect(withoutRequestId(await t.engine.request('UntagResources', { ...request, ...keys(20) })())).toStrictEqual(ok)
    expect(await t.engine.request('UntagResources', { ...request, ...keys(21) })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('TagKey', 'It may have at most 20 items.')),
    )
  })

  it('requires RegionId, ResourceType and ResourceId.N', async () => {
    const t = await tagged()
    expect(await t.engine.request('UntagResources', { ResourceType: 'secret', 'ResourceId.1': 'a' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('RegionId')),
    )
    expect(await t.engine.request('UntagResources', { RegionId: 'cn-hangzhou', 'ResourceId.1': 'a' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('ResourceType')),
    )
    expect(await t.engine.request('UntagResources', { ...scope, 'TagKey.1': 'env' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('ResourceId.1')),
    )
    expect(
      await t.engine.request('UntagResources', { ...scope, ResourceType: 'key', 'ResourceId.1': 'a' })(),
    ).toStrictEqual(E.left(ApiErrors.unsupportedOperation()))
  })
})
