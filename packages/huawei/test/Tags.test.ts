import type { SecretStore } from '@secrets-engine/core'
import { CsmsErrors, type SecretRecord } from '@secrets-engine/huawei'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { ok, refused, testCsms } from './support/csms.js'

const invalid = (parameter: string) => CsmsErrors.invalidParameter(parameter)

const withSecrets = async (...names: ReadonlyArray<string>) => {
  const env = testCsms()
  const ids: Record<string, string> = {}
  for (const name of names) ids[name] = (await ok(env.csms.createSecret({ name, secret_string: 'v' }))).secret.id
  return { ...env, ids }
}

describe('createSecretTag, deleteSecretTag, listSecretTags', () => {
  it('adds tags by secret id (204), one value per key, and lists them with empty sys_tags', async () => {
    const env = await withSecrets('s')
    const id = env.ids['s'] ?? ''
    expect(await env.csms.createSecretTag(id, { tag: { key: 'key1', value: 'value1' } })()).toStrictEqual(E.right({}))
    await ok(env.csms.createSecretTag(id, { tag: { key: 'key2', value: 'value2' } }))
    await ok(env.csms.createSecretTag(id, { tag: { key: 'key1', value: 'changed' } }))
    await ok(env.csms.createSecretTag(id, { tag: { key: 'empty' } }))
    expect(await env.csms.listSecretTags(id)()).toStrictEqual(
      E.right({
        tags: [
          { key: 'key1', value: 'changed' },
          { key: 'key2', value: 'value2' },
          { key: 'empty', value: '' },
        ],
        sys_tags: [],
      }),
    )
    expect(await env.csms.deleteSecretTag(id, 'key2')()).toStrictEqual(E.right({}))
    expect((await ok(env.csms.listSecretTags(id))).tags.map((t) => t.key)).toStrictEqual(['key1', 'empty'])
    await refused(env, env.csms.deleteSecretTag(id, 'key2'), CsmsErrors.resourceNotFound())
  })

  it('reads the secret once per change: one list finds the id, the transaction reads the record', async () => {
    const store = MemoryStore.make<SecretRecord>()
    const reads: Array<string> = []
    const counting: SecretStore.SecretStore<SecretRecord> = {
      ...store,
      get: (name) => {
        reads.push(`get ${name}`)
        return store.get(name)
      },
      list: (request) => {
        reads.push('list')
        return store.list(request)
      },
    }
    const env = testCsms({ store: counting })
    const { secret } = await ok(env.csms.createSecret({ name: 's', secret_string: 'v' }))
    for (const change of [
      env.csms.createSecretTag(secret.id, { tag: { key: 'k', value: 'v' } }),
      env.csms.batchCreateOrDeleteTags(secret.id, { action: 'create', tags: [{ key: 'j' }] }),
      env.csms.deleteSecretTag(secret.id, 'k'),
    ]) {
      reads.length = 0
      await ok(change)
      expect(reads).toStrictEqual(['list', 'get s'])
    }
    expect((await ok(env.csms.listSecretTags(secret.id))).tags).toStrictEqual([{ key: 'j', value: '' }])
  })

  it('checks keys and values', async () => {
    const env = await withSecrets('s')
    const id = env.ids['s'] ?? ''
    for (const key of ['k'.repeat(128), 'ключ', 'a b', 'a.b:c=d+e-f@g_h'])
      await ok(env.csms.createSecretTag(id, { tag: { key, value: 'v' } }))
    for (const key of ['', 'k'.repeat(129), '_sys_x', ' lead', 'trail ', 'a/b', 'a*b'])
      await refused(env, env.csms.createSecretTag(id, { tag: { key, value: 'v' } }), invalid('tag'))
    for (const value of ['v'.repeat(256), 'a*b', 'a<b'])
      await refused(env, env.csms.createSecretTag(id, { tag: { key: 'k', value } }), invalid('tag'))
    await ok(env.csms.createSecretTag(id, { tag: { key: 'k', value: 'a/b:c' + 'v'.repeat(250) } }))
    await refused(env, env.csms.request('POST', `/v1/${env.project}/csms/${id}/tags`, {}), invalid('tag'))
  })

  it('holds at most 20 tags per secret (CSMS.0116)', async () => {
    const env = await withSecrets('s')
    const id = env.ids['s'] ?? ''
    for (let i = 0; i < 20; i++) await ok(env.csms.createSecretTag(id, { tag: { key: `k${i}`, value: 'v' } }))
    await refused(env, env.csms.createSecretTag(id, { tag: { key: 'k20', value: 'v' } }), CsmsErrors.make('CSMS.0116'))
    await ok(env.csms.createSecretTag(id, { tag: { key: 'k0', value: 'replaced' } }))
  })

  it('answers 404 CSMS.0005 for an id that names no secret, CSMS.0002 for a malformed id', async () => {
    const env = await withSecrets('s')
    await refused(env, env.csms.listSecretTags('00000000-0000-4000-8000-000000000000'), CsmsErrors.resourceNotFound())
    await refused(
      env,
      env.csms.createSecretTag('00000000-0000-4000-8000-000000000000', { tag: { key: 'k' } }),
      CsmsErrors.resourceNotFound(),
    )
    await refused(env, env.csms.listSecretTags('short'), invalid('secret_id'))
  })

  it('works while the secret is pending deletion, and not once it is gone', async () => {
    const env = await withSecrets('s')
    const id = env.ids['s'] ?? ''
    await ok(env.csms.deleteSecretForSchedule('s', { recovery_window_in_days: 7 }))
    await ok(env.csms.createSecretTag(id, { tag: { key: 'k', value: 'v' } }))
    await ok(env.csms.deleteSecret('s'))
    await refused(env, env.csms.listSecretTags(id), CsmsErrors.resourceNotFound())
  })
})

describe('batchCreateOrDeleteTags', () => {
  it('creates and deletes in one request; unknown keys are skipped on delete', async () => {
    const env = await withSecrets('s')
    const id = env.ids['s'] ?? ''
    await ok(
      env.csms.batchCreateOrDeleteTags(id, {
        action: 'create',
        tags: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
      }),
    )
    await ok(env.csms.batchCreateOrDeleteTags(id, { action: 'delete', tags: [{ key: 'a' }, { key: 'zz' }] }))
    expect((await ok(env.csms.listSecretTags(id))).tags).toStrictEqual([{ key: 'b', value: '2' }])
  })

  it('needs action create or delete and 1 to 20 tags; refuses going past 20 tags as a whole', async () => {
    const env = await withSecrets('s')
    const id = env.ids['s'] ?? ''
    const tags = (n: number, prefix = 'k') =>
      Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: 'v' }))
    await refused(env, env.csms.batchCreateOrDeleteTags(id, { action: 'update', tags: tags(1) }), invalid('action'))
    await refused(env, env.csms.batchCreateOrDeleteTags(id, { action: 'create', tags: [] }), invalid('tags'))
    await refused(env, env.csms.batchCreateOrDeleteTags(id, { action: 'create', tags: tags(21) }), invalid('tags'))
    await ok(env.csms.batchCreateOrDeleteTags(id, { action: 'create', tags: tags(15) }))
    await refused(
      env,
      env.csms.batchCreateOrDeleteTags(id, { action: 'create', tags: tags(6, 'x') }),
      CsmsErrors.make('CSMS.0116'),
    )
  })
})

describe('listProjectSecretsTags', () => {
  it('gathers every key with its distinct values', async () => {
    const env = await withSecrets('a', 'b')
    await ok(env.csms.createSecretTag(env.ids['a'] ?? '', { tag: { key: 'env', value: 'prod' } }))
    await ok(env.csms.createSecretTag(env.ids['b'] ?? '', { tag: { key: 'env', value: 'dev' } }))
    await ok(env.csms.createSecretTag(env.ids['b'] ?? '', { tag: { key: 'app', value: 'x' } }))
    expect(await env.csms.listProjectSecretsTags()()).toStrictEqual(
      E.right({
        tags: [
          { key: 'app', values: ['x'] },
          { key: 'env', values: ['dev', 'prod'] },
        ],
      }),
    )
  })
})

describe('listResourceInstances', () => {
  const setup = async () => {
    const env = await withSecrets('db-prod', 'db-dev', 'web-prod')
    await ok(env.csms.createSecretTag(env.ids['db-prod'] ?? '', { tag: { key: 'env', value: 'prod' } }))
    await ok(env.csms.createSecretTag(env.ids['web-prod'] ?? '', { tag: { key: 'env', value: 'prod' } }))
    await ok(env.csms.createSecretTag(env.ids['db-dev'] ?? '', { tag: { key: 'env', value: 'dev' } }))
    await ok(env.csms.createSecretTag(env.ids['db-dev'] ?? '', { tag: { key: 'team', value: 'a' } }))
    return env
  }
  const names = (r: { readonly resources?: ReadonlyArray<{ readonly resource_name: string }> }) =>
    (r.resources ?? []).map((x) => x.resource_name)

  it('filters by tag values (OR within a key, AND across keys) and by name', async () => {
    const env = await setup()
    expect(
      names(await ok(env.csms.listResourceInstances({ action: 'filter', tags: [{ key: 'env', values: ['prod'] }] }))),
    ).toStrictEqual(['db-prod', 'web-prod'])
    expect(
      names(await ok(env.csms.listResourceInstances({ action: 'filter', tags: [{ key: 'env', values: [] }] }))),
    ).toStrictEqual(['db-dev', 'db-prod', 'web-prod'])
    expect(
      names(
        await ok(
          env.csms.listResourceInstances({
            action: 'filter',
            tags: [
              { key: 'env', values: ['dev', 'prod'] },
              { key: 'team', values: ['a'] },
            ],
          }),
        ),
      ),
    ).toStrictEqual(['db-dev'])
    expect(
      names(
        await ok(
          env.csms.listResourceInstances({ action: 'filter', matches: [{ key: 'resource_name', value: 'db' }] }),
        ),
      ),
    ).toStrictEqual(['db-dev', 'db-prod'])
    expect(
      names(
        await ok(env.csms.listResourceInstances({ action: 'filter', matches: [{ key: 'resource_name', value: '' }] })),
      ),
    ).toStrictEqual([])
  })

  it('pages with offset and limit, counts with count, and shows each secret and its tags', async () => {
    const env = await setup()
    const page = await ok(env.csms.listResourceInstances({ action: 'filter', limit: '1', offset: '1' }))
    expect(page).toStrictEqual({
      resources: [
        {
          resource_id: env.ids['db-prod'],
          resource_name: 'db-prod',
          resource_detail: (await ok(env.csms.showSecret('db-prod'))).secret,
          tags: [{ key: 'env', value: 'prod' }],
          sys_tags: [],
        },
      ],
      total_count: 3,
    })
    expect(
      await env.csms.listResourceInstances({ action: 'count', tags: [{ key: 'env', values: ['prod'] }] })(),
    ).toStrictEqual(E.right({ total_count: 2 }))
  })

  it('checks its fields', async () => {
    const env = await setup()
    await refused(env, env.csms.listResourceInstances({ action: 'list' }), invalid('action'))
    for (const limit of ['0', '1001', 'x'])
      await refused(env, env.csms.listResourceInstances({ action: 'filter', limit }), invalid('limit'))
    await refused(env, env.csms.listResourceInstances({ action: 'filter', offset: '-1' }), invalid('offset'))
    await refused(
      env,
      env.csms.listResourceInstances({ action: 'filter', matches: [{ key: 'name', value: 'x' }] }),
      invalid('matches'),
    )
    await refused(
      env,
      env.csms.listResourceInstances({ action: 'filter', tags: [{ key: 'k', values: ['a', 'a'] }] }),
      invalid('tags'),
    )
    await refused(
      env,
      env.csms.listResourceInstances({
        action: 'filter',
        tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}` })),
      }),
      invalid('tags'),
    )
  })
})
