import { ApiErrors } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, withoutRequestId } from '../../../../test/support/engine.js'
import { scope, setupSecrets } from '../tagging.js'

const tagsJson = (pairs: ReadonlyArray<readonly [string, string]>) =>
  JSON.stringify(pairs.map(([TagKey, TagValue]) => ({ TagKey, TagValue })))

const row = (ResourceId: string, TagKey: string, TagValue: string) => ({
  ResourceType: 'secret',
  ResourceId,
  TagKey,
  TagValue,
})

const setup = async () => {
  const t = await setupSecrets('a', 'b', 'c')
  await t.engine.tagResource({
    SecretName: 'a',
    Tags: tagsJson([
      ['env', 'prod'],
      ['team', 'x'],
    ]),
  })()
  await t.engine.tagResource({ SecretName: 'b', Tags: tagsJson([['env', 'dev']]) })()
  return t
}

const list = async (t: Awaited<ReturnType<typeof setup>>, params: Record<string, string>) =>
  withoutRequestId(await t.engine.request('ListTagResources', { ...scope, ...params })())

describe('ListTagResources', () => {
  it('lists every tag of every secret in creation order, with an empty NextToken at the end', async () => {
    const t = await setup()
    expect(await list(t, {})).toStrictEqual(
      E.right({
        NextToken: '',
        TagResources: { TagResource: [row('a', 'env', 'prod'), row('a', 'team', 'x'), row('b', 'env', 'dev')] },
      }),
    )
  })

  it('filters by ResourceId.N, in the order given, names or ARNs', async () => {
    const t = await setup()
    expect(
      await list(t, { 'ResourceId.1': 'b', 'ResourceId.2': 'acs:kms:cn-hangzhou:1234567890123456:secret/a' }),
    ).toStrictEqual(
      E.right({
        NextToken: '',
        TagResources: { TagResource: [row('b', 'env', 'dev'), row('a', 'env', 'prod'), row('a', 'team', 'x')] },
      }),
    )
    expect(await list(t, { 'ResourceId.1': 'c' })).toStrictEqual(
      E.right({ NextToken: '', TagResources: { TagResource: [] } }),
    )
  })

  it('filters by Tag.N: secrets carrying every filter tag, a key alone matching any value', async () => {
    const t = await setup()
    expect(await list(t, { 'Tag.1.Key': 'env' })).toStrictEqual(
      E.right({
        NextToken: '',
        TagResources: { TagResource: [row('a', 'env', 'prod'), row('a', 'team', 'x'), row('b', 'env', 'dev')] },
      }),
    )
    expect(await list(t, { 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' })).toStrictEqual(
      E.right({ NextToken: '', TagResources: { TagResource: [row('b', 'env', 'dev')] } }),
    )
    expect(await list(t, { 'Tag.1.Key': 'env', 'Tag.2.Key': 'team', 'ResourceId.1': 'b' })).toStrictEqual(
      E.right({ NextToken: '', TagResources: { TagResource: [] } }),
    )
  })

  it('unknown ids are 404 InvalidResourceId.NotFound; another region has no secrets', async () => {
    const t = await setup()
    expect(await list(t, { 'ResourceId.1': 'a', 'ResourceId.2': 'nope' })).toStrictEqual(
      E.left(ApiErrors.resourceIdNotFound()),
    )
    expect(await list(t, { RegionId: 'cn-beijing', 'ResourceId.1': 'a' })).toStrictEqual(
      E.left(ApiErrors.resourceIdNotFound()),
    )
    expect(await list(t, { RegionId: 'cn-beijing' })).toStrictEqual(
      E.right({ NextToken: '', TagResources: { TagResource: [] } }),
    )
  })

  it('lists secrets pending deletion, and forgets them once their deletion date passes', async () => {
    const t = await setup()
    await t.engine.request('DeleteSecret', { SecretName: 'b', RecoveryWindowInDays: '7' })()
    expect(await list(t, { 'ResourceId.1': 'b' })).toStrictEqual(
      E.right({ NextToken: '', TagResources: { TagResource: [row('b', 'env', 'dev')] } }),
    )
    t.clock.advance(days(7))
    expect(await list(t, {})).toStrictEqual(
      E.right({ NextToken: '', TagResources: { TagResource: [row('a', 'env', 'prod'), row('a', 'team', 'x')] } }),
    )
    expect(await list(t, { 'ResourceId.1': 'b' })).toStrictEqual(E.left(ApiErrors.resourceIdNotFound()))
  })

  it('parameter rules: RegionId and ResourceType required, Duplicate.TagKey, at most 50 ids and 20 tags, NextToken', async () => {
    const t = await setup()
    expect(await t.engine.request('ListTagResources', { ResourceType: 'secret' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('RegionId')),
    )
    expect(await t.engine.request('ListTagResources', { RegionId: 'cn-hangzhou' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('ResourceType')),
    )
    expect(await list(t, { ResourceType: 'key' })).toStrictEqual(E.left(ApiErrors.unsupportedOperation()))
    expect(await list(t, { 'Tag.1.Key': 'env', 'Tag.2.Key': 'env' })).toStrictEqual(E.left(ApiErrors.duplicateTagKey()))
    expect(await list(t, { 'Tag.1.Key': 'acs:env' })).toStrictEqual(E.left(ApiErrors.invalidTagKey()))
    const ids = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`ResourceId.${i + 1}`, 'a']))
    expect(E.isRight(await list(t, ids(50)))).toBe(true)
    expect(await list(t, ids(51))).toStrictEqual(
      E.left(ApiErrors.invalidParameter('ResourceId', 'It may have at most 50 items.')),
    )
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]))
    expect(E.isRight(await list(t, tags(20)))).toBe(true)
    expect(await list(t, tags(21))).toStrictEqual(
      E.left(ApiErrors.invalidParameter('Tag', 'It may have at most 20 items.')),
    )
    // Well-formed, but never given here: offset 0, offsets off a page boundary, offsets past the rows.
    for (const NextToken of ['abc', 'r12', 'rzzzzzzzz', 'r0000000A', 'r00000000', 'r00000001', 'r000000c8']) {
      expect(await list(t, { NextToken })).toStrictEqual(
        E.left(ApiErrors.invalidParameter('NextToken', 'It must be the NextToken of an earlier page.')),
      )
    }
  })

  it('pages 200 rows at a time; following NextToken gives every row once', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `s${String(i).padStart(2, '0')}`)
    const t = await setupSecrets(...names)
    for (const SecretName of names) {
      await t.engine.tagResource({
        SecretName,
        Tags: tagsJson(Array.from({ length: 20 }, (_, i) => [`k${i}`, SecretName] as const)),
      })()
    }
    const rows: Array<unknown> = []
    const sizes: number[] = []
    let token: string | undefined
    do {
      const page = await list(t, token === undefined ? {} : { NextToken: token })
      if (E.isLeft(page)) throw new Error(JSON.stringify(page.left))
      const body = page.right as { NextToken: string; TagResources: { TagResource: unknown[] } }
      sizes.push(body.TagResources.TagResource.length)
      rows.push(...body.TagResources.TagResource)
      token = body.NextToken === '' ? undefined : body.NextToken
    } while (token !== undefined)
    expect(sizes).toStrictEqual([200, 200, 60])
    expect(rows).toStrictEqual(names.flatMap((n) => Array.from({ length: 20 }, (_, i) => row(n, `k${i}`, n))))
  })

  it('refuses a NextToken it could not have given: past the rows, or off a page boundary', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `s${String(i).padStart(2, '0')}`)
    const t = await setupSecrets(...names)
    for (const SecretName of names) {
      await t.engine.tagResource({
        SecretName,
        Tags: tagsJson(Array.from({ length: 20 }, (_, i) => [`k${i}`, SecretName] as const)),
      })()
    }
    // 220 rows: the engine gives r000000c8 (row 200) and nothing else.
    expect(await list(t, { NextToken: 'r000000c8' })).toStrictEqual(
      E.right({
        NextToken: '',
        TagResources: { TagResource: Array.from({ length: 20 }, (_, i) => row('s10', `k${i}`, 's10')) },
      }),
    )
    for (const NextToken of ['r000003e8', 'r00000190', 'r00000064', 'r000000c9', 'r000000db']) {
      expect(await list(t, { NextToken })).toStrictEqual(
        E.left(ApiErrors.invalidParameter('NextToken', 'It must be the NextToken of an earlier page.')),
      )
    }
  })

  it('property: the rows are exactly the tags of the secrets that carry every filter tag', async () => {
    const keys = ['a', 'b', 'c']
    const values = ['1', '2']
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...values)), { selector: ([k]) => k }),
          {
            maxLength: 5,
          },
        ),
        fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.option(fc.constantFrom(...values), { nil: undefined })), {
          selector: ([k]) => k,
          maxLength: 2,
        }),
        async (secretTags, filters) => {
          const names = secretTags.map((_, i) => `s${i}`)
          const t = await setupSecrets(...names)
          for (const [i, tags] of secretTags.entries()) {
            await t.engine.tagResource({ SecretName: `s${i}`, Tags: tagsJson(tags) })()
          }
          const params = Object.fromEntries(
            filters.flatMap(([k, v], i) => [
              [`Tag.${i + 1}.Key`, k],
              ...(v === undefined ? [] : [[`Tag.${i + 1}.Value`, v]]),
            ]),
          )
          const expected = secretTags.flatMap((tags, i) =>
            filters.every(([k, v]) => tags.some(([tk, tv]) => tk === k && (v === undefined || tv === v)))
              ? tags.map(([k, v]) => row(`s${i}`, k, v))
              : [],
          )
          expect(await list(t, params)).toStrictEqual(
            E.right({ NextToken: '', TagResources: { TagResource: expected } }),
          )
        },
      ),
      { numRuns: 50 },
    )
  })
})
