import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { withoutRequestId } from '../../../../test/support/engine.js'
import { recordOf } from '../support/versions.js'
import { scope, setupSecrets } from '../tagging.js'

const ok = E.right({})
describe('TagResources', () => {
  it('tags several secrets from repeat-list parameters, replacing values of keys they have', async () => {
    const t = await setupSecrets('a', 'b')
    await t.engine.tagResource({ SecretName: 'b', Tags: '[{"TagKey":"env","TagValue":"old"}]' })()
    expect(
      withoutRequestId(
        await t.engine.request('TagResources', {
          ...scope,
          'ResourceId.1': 'a',
          'ResourceId.2': 'acs:kms:cn-hangzhou:1234567890123456:secret/b',
          'Tag.1.Key': 'env',
          'Tag.1.Value': 'prod',
          'Tag.2.Key': 'team',
        })(),
      ),
    ).toStrictEqual(ok)
    for (const name of ['a', 'b']) {
      expect((await recordOf(t.store, name)).tags).toStrictEqual([
        { key: 'env', value: 'prod' },
        { key: 'team', value: '' },
      ])
    }
  })

  it('is all or nothing: one unknown id (or another region) is 404 InvalidResourceId.NotFound and tags nothing', async () => {
    const t = await setupSecrets('a', 'b')
    const before = t.store.snapshot()
    const request = { ...scope, 'ResourceId.1': 'a', 'ResourceId.2': 'nope', 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' }
    expect(await t.engine.request('TagResources', request)()).toStrictEqual(E.left(ApiErrors.resourceIdNotFound()))
    expect(
      await t.engine.request('TagResources', { ...request, 'ResourceId.2': 'b', RegionId: 'cn-shanghai' })(),
    ).toStrictEqual(E.left(ApiErrors.resourceIdNotFound()))
    expect(
      await t.engine.request('TagResources', {
        ...request,
        'ResourceId.2': 'acs:kms:cn-shanghai:1234567890123456:secret/b',
      })(),
    ).toStrictEqual(E.left(ApiErrors.resourceIdNotFound()))
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('is all or nothing on the 20-tag limit too', async () => {
    const t = await setupSecrets('a', 'b')
    const nineteen = JSON.stringify(Array.from({ length: 19 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' })))
    await t.engine.tagResource({ SecretName: 'b', Tags: nineteen })()
    const before = t.store.snapshot()
    const request = { ...scope, 'ResourceId.1': 'a', 'ResourceId.2': 'b', 'Tag.1.Key': 'x', 'Tag.2.Key': 'y' }
    expect(await t.engine.request('TagResources', request)()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('Tag', 'A secret may hold at most 20 tags.')),
    )
    expect(t.store.snapshot()).toStrictEqual(before)
    expect(withoutRequestId(await t.engine.request('TagResources', { ...request, 'Tag.2.Key': 'k0' })())).toStrictEqual(
      ok,
    )
  })

  it('refuses a secret pending deletion with 409, tagging nothing', async () => {
    const t = await setupSecrets('a', 'b')
    await t.engine.request('DeleteSecret', { SecretName: 'b' })()
    const before = t.store.snapshot()
    expect(
      await t.engine.request('TagResources', {
        ...scope,
        'ResourceId.1': 'a',
        'ResourceId.2': 'b',
        'Tag.1.Key': 'k',
      })(),
    ).toStrictEqual(E.left(ApiErrors.resourceInDeleteWindow()))
    expect(t.store.snapshot()).toStrictEqual(before)
  })

  it('requires RegionId, ResourceType, ResourceId.N and Tag.N, in that order', async () => {
    const t = await setupSecrets('a')
    const full = { ...scope, 'ResourceId.1': 'a', 'Tag.1.Key': 'k' }
    const without = (name: string) => Object.fromEntries(Object.entries(full).filter(([k]) => k !== name))
    expect(await t.engine.request('TagResources', {})()).toStrictEqual(E.left(ApiErrors.missingParameter('RegionId')))
    expect(await t.engine.request('TagResources', without('ResourceType'))()).toStrictEqual(
      E.left(ApiErrors.missingParameter('ResourceType')),
    )
    expect(await t.engine.request('TagResources', without('ResourceId.1'))()).toStrictEqual(
      E.left(ApiErrors.missingParameter('ResourceId.1')),
    )
    expect(await t.engine.request('TagResources', without('Tag.1.Key'))()).toStrictEqual(
      E.left(ApiErrors.missingParameter('Tag.1.Key')),
    )
  })

  it('ResourceType is secret; key is unsupported, anything else invalid', async () => {
    const t = await setupSecrets('a')
    const request = { ...scope, 'ResourceId.1': 'a', 'Tag.1.Key': 'k' }
    expect(await t.engine.request('TagResources', { ...request, ResourceType: 'key' })()).toStrictEqual(
      E.left(ApiErrors.unsupportedOperation()),
    )
    expect(await t.engine.request('TagResources', { ...request, ResourceType: 'disk' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('ResourceType', 'It must be key or secret.')),
    )
  })

  it('allows 50 resource ids and 20 tags, and refuses 51 and 21', async () => {
    const names = Array.from({ length: 51 }, (_, i) => `s${i}`)
    const t = await setupSecrets(...names)
    const ids = (n: number) => Object.fromEntries(names.slice(0, n).map((name, i) => [`ResourceId.${i + 1}`, name]))
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]))
    expect(
      withoutRequestId(await t.engine.request('TagResources', { ...scope, ...ids(50), ...tags(20) })()),
    ).toStrictEqual(ok)
    expect((await recordOf(t.store, 's49')).tags).toHaveLength(20)
    expect(await t.engine.request('TagResources', { ...scope, ...ids(51), ...tags(1) })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('ResourceId', 'It may have at most 50 items.')),
    )
    expect(await t.engine.request('TagResources', { ...scope, ...ids(1), ...tags(21) })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('Tag', 'It may have at most 20 items.')),
    )
  })

  it('tag rules: InvalidParameter.TagKey, InvalidParameter.TagValue, Duplicate.TagKey', async () => {
    const t = await setupSecrets('a')
    const before = t.store.snapshot()
    const request = { ...scope, 'ResourceId.1': 'a' }
    const cases: ReadonlyArray<readonly [Record<string, string>, ReturnType<typeof ApiErrors.invalidTagKey>]> = [
      [{ 'Tag.1.Key': 'aliyun-x' }, ApiErrors.invalidTagKey()],
      [{ 'Tag.1.Key': 'acs:x' }, ApiErrors.invalidTagKey()],
      [{ 'Tag.1.Key': 'k'.repeat(129) }, ApiErrors.invalidTagKey()],
      [{ 'Tag.1.Key': 'with space' }, ApiErrors.invalidTagKey()],
      [{ 'Tag.1.Value': 'orphan value' }, ApiErrors.invalidTagKey()],
      [{ 'Tag.1.Key': 'k', 'Tag.1.Value': 'v'.repeat(129) }, ApiErrors.invalidTagValue()],
      [{ 'Tag.1.Key': 'k', 'Tag.1.Value': 'bad value' }, ApiErrors.invalidTagValue()],
      [{ 'Tag.1.Key': 'k', 'Tag.2.Key': 'k' }, ApiErrors.duplicateTagKey()],
    ]
    for (const [tags, error] of cases) {
      expect(await t.engine.request('TagResources', { ...request, ...tags })()).toStrictEqual(E.left(error))
    }
    expect(t.store.snapshot()).toStrictEqual(before)
    expect(
      withoutRequestId(
        await t.engine.request('TagResources', {
          ...request,
          'Tag.1.Key': 'k'.repeat(128),
          'Tag.1.Value': 'v'.repeat(128),
        })(),
      ),
    ).toStrictEqual(ok)
  })

  it('the errors carry Alibaba codes, statuses and messages', () => {
    expect(ApiErrors.invalidTagKey()).toStrictEqual({
      code: 'InvalidParameter.TagKey',
      httpStatus: 400,
      message: 'The specified parameter is not valid.',
    })
    expect(ApiErrors.invalidTagValue()).toStrictEqual({
      code: 'InvalidParameter.TagValue',
      httpStatus: 400,
      message: 'The specified parameter is not valid.',
    })
    expect(ApiErrors.duplicateTagKey()).toStrictEqual({
      code: 'Duplicate.TagKey',
      httpStatus: 400,
      message: 'The specified tagKey is duplicate.',
    })
    expect(ApiErrors.resourceIdNotFound()).toStrictEqual({
      code: 'InvalidResourceId.NotFound',
      httpStatus: 404,
      message: 'The specified ResourceId is not found.',
    })
  })
})
