import { CsmsErrors } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, ok, refused, start, testCsms } from './support/csms.js'

const invalid = (parameter: string) => CsmsErrors.invalidParameter(parameter)
const code = (c: CsmsErrors.Code) => CsmsErrors.make(c)

const withSecret = async () => {
  const env = testCsms()
  await ok(env.csms.createSecret({ name: 'n', secret_string: 'one' }))
  return env
}

const stagesOf = async (env: ReturnType<typeof testCsms>) =>
  (await ok(env.csms.listSecretVersions('n', { limit: '1000' }))).version_metadatas.map((v) => [v.id, v.version_stages])

describe('createSecretVersion', () => {
  it('creates v2 as SYSCURRENT and moves the old current version to SYSPREVIOUS', async () => {
    const env = await withSecret()
    env.clock.advance(1_000)
    const { version_metadata } = await ok(env.csms.createSecretVersion('n', { secret_string: 'two' }))
    expect(version_metadata).toStrictEqual({
      id: 'v2',
      create_time: start + 1_000,
      kms_key_id: version_metadata.kms_key_id,
      secret_name: 'n',
      version_stages: ['SYSCURRENT'],
    })
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', ['SYSPREVIOUS']],
      ['v2', ['SYSCURRENT']],
    ])
    await ok(env.csms.createSecretVersion('n', { secret_string: 'three' }))
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', []],
      ['v2', ['SYSPREVIOUS']],
      ['v3', ['SYSCURRENT']],
    ])
    expect((await ok(env.csms.showSecretVersion('n', 'latest'))).version.secret_string).toBe('three')
    expect((await ok(env.csms.showSecret('n'))).secret.update_time).toBe(start + 1_000)
  })

  it('gives explicit version_stages exactly, each moving from where it was', async () => {
    const env = await withSecret()
    const { version_metadata } = await ok(
      env.csms.createSecretVersion('n', { secret_string: 'two', version_stages: ['test'] }),
    )
    expect(version_metadata.version_stages).toStrictEqual(['test'])
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', ['SYSCURRENT']],
      ['v2', ['test']],
    ])
    await ok(env.csms.createSecretVersion('n', { secret_string: 'three', version_stages: ['test', 'SYSCURRENT'] }))
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', ['SYSPREVIOUS']],
      ['v2', []],
      ['v3', ['SYSCURRENT', 'test']],
    ])
  })

  it('takes 1 to 12 stage names of up to 64 characters', async () => {
    const env = await withSecret()
    const twelve = ['SYSCURRENT', 'SYSPREVIOUS', ...Array.from({ length: 9 }, (_, i) => `s${i}`), 'x'.repeat(64)]
    const { version_metadata } = await ok(
      env.csms.createSecretVersion('n', { secret_string: 'v', version_stages: twelve }),
    )
    expect(version_metadata.version_stages).toHaveLength(12)
    for (const version_stages of [[], Array.from({ length: 13 }, (_, i) => `t${i}`), ['x'.repeat(65)], [''], ['a.b']])
      await refused(
        env,
        env.csms.createSecretVersion('n', { secret_string: 'v', version_stages }),
        invalid('version_stages'),
      )
  })

  it('refuses a 13th stage on the secret with CSMS.0203', async () => {
    const env = await withSecret()
    const eleven = Array.from({ length: 11 }, (_, i) => `s${i}`)
    await ok(env.csms.createSecretVersion('n', { secret_string: 'v', version_stages: eleven }))
    await refused(
      env,
      env.csms.createSecretVersion('n', { secret_string: 'w', version_stages: ['s12'] }),
      code('CSMS.0203'),
    )
    // Moving an existing stage does not add one.
    await ok(env.csms.createSecretVersion('n', { secret_string: 'w', version_stages: ['s0'] }))
  })

  it('keeps at most 20 versions, pruning the oldest unstaged; ids are never reused', async () => {
    const env = await withSecret()
    await ok(env.csms.createSecretVersion('n', { secret_string: 'keep', version_stages: ['pinned'] }))
    for (let i = 3; i <= 25; i++) await ok(env.csms.createSecretVersion('n', { secret_string: `value-${i}` }))
    const ids = (await stagesOf(env)).map(([id]) => id)
    expect(ids).toHaveLength(20)
    expect(ids[0]).toBe('v2')
    expect(ids.slice(1)).toStrictEqual(Array.from({ length: 19 }, (_, i) => `v${i + 7}`))
    expect((await ok(env.csms.showSecretVersion('n', 'v2'))).version.secret_string).toBe('keep')
    expect(await env.csms.showSecretVersion('n', 'v6')()).toStrictEqual(E.left(CsmsErrors.resourceNotFound()))
    await ok(env.csms.deleteSecretStage('n', 'pinned'))
    const { version_metadata } = await ok(env.csms.createSecretVersion('n', { secret_string: 'next' }))
    expect(version_metadata.id).toBe('v26')
    expect((await stagesOf(env)).map(([id]) => id)[0]).toBe('v7')
  })

  it('records expire_time, 0 to 9,999,999,999,999', async () => {
    const env = await withSecret()
    const { version_metadata } = await ok(
      env.csms.createSecretVersion('n', { secret_string: 'v', expire_time: 9_999_999_999_999 }),
    )
    expect(version_metadata.expire_time).toBe(9_999_999_999_999)
    for (const expire_time of [-1, 10_000_000_000_000, 1.5])
      await refused(env, env.csms.createSecretVersion('n', { secret_string: 'v', expire_time }), invalid('expire_time'))
  })

  it('needs exactly one value of at most 32 KB; 404 CSMS.0106 for an unknown secret', async () => {
    const env = await withSecret()
    await refused(env, env.csms.createSecretVersion('n', {}), invalid('secret_string'))
    await refused(
      env,
      env.csms.createSecretVersion('n', { secret_string: 'a', secret_binary: 'AQID' }),
      invalid('secret_binary'),
    )
    await refused(
      env,
      env.csms.createSecretVersion('n', { secret_string: 'x'.repeat(32_769) }),
      invalid('secret_string'),
    )
    await refused(env, env.csms.createSecretVersion('m', { secret_string: 'a' }), CsmsErrors.secretNotFound())
    const { version_metadata } = await ok(env.csms.createSecretVersion('n', { secret_binary: 'AQID' }))
    expect((await ok(env.csms.showSecretVersion('n', version_metadata.id))).version.secret_binary).toBe('AQID')
  })
})

describe('listSecretVersions', () => {
  it('pages oldest first after the marker, 50 by default', async () => {
    const env = await withSecret()
    for (let i = 2; i <= 5; i++) await ok(env.csms.createSecretVersion('n', { secret_string: `v${i}` }))
    const first = await ok(env.csms.listSecretVersions('n', { limit: '2' }))
    expect(first.version_metadatas.map((v) => v.id)).toStrictEqual(['v1', 'v2'])
    expect(first.page_info).toStrictEqual({ current_count: 2, next_marker: 'v2', previous_marker: 'v1' })
    const last = await ok(env.csms.listSecretVersions('n', { limit: '2', marker: 'v4' }))
    expect(last.version_metadatas.map((v) => v.id)).toStrictEqual(['v5'])
    expect(last.page_info).toStrictEqual({ current_count: 1, previous_marker: 'v5' })
    expect((await ok(env.csms.listSecretVersions('n', { marker: 'latest' }))).version_metadatas).toStrictEqual([])
  })

  it('checks limit (1 to 1,000) and marker, and never shows values', async () => {
    const env = await withSecret()
    for (const limit of ['0', '1001', 'ten'])
      await refused(env, env.csms.listSecretVersions('n', { limit }), invalid('limit'))
    for (const marker of ['1', 'vx', 'SYSCURRENT'])
      await refused(env, env.csms.listSecretVersions('n', { marker }), invalid('marker'))
    expect(JSON.stringify(await ok(env.csms.listSecretVersions('n', { limit: '1000' })))).not.toContain('one')
    await refused(env, env.csms.listSecretVersions('m'), CsmsErrors.secretNotFound())
  })
})

describe('showSecretVersion', () => {
  it('shows any version by id, staged or not, and latest as the SYSCURRENT version', async () => {
    const env = await withSecret()
    await ok(env.csms.createSecretVersion('n', { secret_string: 'two' }))
    await ok(env.csms.createSecretVersion('n', { secret_string: 'three', version_stages: ['staging'] }))
    expect((await ok(env.csms.showSecretVersion('n', 'v1'))).version.secret_string).toBe('one')
    expect((await ok(env.csms.showSecretVersion('n', 'latest'))).version.secret_string).toBe('two')
    expect((await ok(env.csms.showSecretVersion('n', 'v3'))).version.version_metadata.version_stages).toStrictEqual([
      'staging',
    ])
  })

  it('404 CSMS.0005 for a version that does not exist, CSMS.0002 for a malformed id', async () => {
    const env = await withSecret()
    await refused(env, env.csms.showSecretVersion('n', 'v9'), CsmsErrors.resourceNotFound())
    await refused(env, env.csms.showSecretVersion('n', 'SYSCURRENT'), CsmsErrors.resourceNotFound())
    await refused(env, env.csms.showSecretVersion('n', '-v1'), invalid('version_id'))
    await refused(env, env.csms.showSecretVersion('m', 'v1'), CsmsErrors.secretNotFound())
  })
})

describe('updateVersion', () => {
  it('sets expire_time, which must lie after now', async () => {
    const env = await withSecret()
    const { version_metadata } = await ok(env.csms.updateVersion('n', 'v1', { expire_time: start + days(1) }))
    expect(version_metadata).toStrictEqual({
      id: 'v1',
      create_time: start,
      expire_time: start + days(1),
      kms_key_id: version_metadata.kms_key_id,
      secret_name: 'n',
      version_stages: ['SYSCURRENT'],
    })
    expect(
      (await ok(env.csms.updateVersion('n', 'latest', { expire_time: start + 1 }))).version_metadata.expire_time,
    ).toBe(start + 1)
    await refused(env, env.csms.updateVersion('n', 'v1', { expire_time: start }), invalid('expire_time'))
    await refused(env, env.csms.request('PUT', `/v1/${env.project}/secrets/n/versions/v1`, {}), invalid('expire_time'))
    await refused(env, env.csms.updateVersion('n', 'v2', { expire_time: start + 1 }), CsmsErrors.resourceNotFound())
  })
})
