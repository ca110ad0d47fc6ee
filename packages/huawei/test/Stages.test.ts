import { CsmsErrors } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { ok, refused, start, testCsms } from './support/csms.js'

const invalid = (parameter: string) => CsmsErrors.invalidParameter(parameter)
const code = (c: CsmsErrors.Code) => CsmsErrors.make(c)

const withVersions = async (n: number) => {
  const env = testCsms()
  await ok(env.csms.createSecret({ name: 's', secret_string: 'v1' }))
  for (let i = 2; i <= n; i++) await ok(env.csms.createSecretVersion('s', { secret_string: `v${i}` }))
  return env
}

const stagesOf = async (env: ReturnType<typeof testCsms>) =>
  (await ok(env.csms.listSecretVersions('s'))).version_metadatas.map((v) => [v.id, v.version_stages])

describe('showSecretStage', () => {
  it('shows which version a stage marks and when it last moved', async () => {
    const env = await withVersions(1)
    expect(await env.csms.showSecretStage('s', 'SYSCURRENT')()).toStrictEqual(
      E.right({ stage: { name: 'SYSCURRENT', secret_name: 's', update_time: start, version_id: 'v1' } }),
    )
    await refused(env, env.csms.showSecretStage('s', 'SYSPREVIOUS'), CsmsErrors.resourceNotFound())
    await refused(env, env.csms.showSecretStage('s', 'a.b'), invalid('stage_name'))
    await refused(env, env.csms.showSecretStage('t', 'SYSCURRENT'), CsmsErrors.secretNotFound())
  })
})

describe('updateSecretStage', () => {
  it('creates a stage on a version and moves it later', async () => {
    const env = await withVersions(3)
    env.clock.advance(5_000)
    expect(await env.csms.updateSecretStage('s', 'test', { version_id: 'v1' })()).toStrictEqual(
      E.right({ stage: { name: 'test', secret_name: 's', update_time: start + 5_000, version_id: 'v1' } }),
    )
    await ok(env.csms.updateSecretStage('s', 'test', { version_id: 'v3' }))
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', []],
      ['v2', ['SYSPREVIOUS']],
      ['v3', ['SYSCURRENT', 'test']],
    ])
  })

  it('moving SYSCURRENT hands SYSPREVIOUS to the version that held it', async () => {
    const env = await withVersions(3)
    await ok(env.csms.updateSecretStage('s', 'SYSCURRENT', { version_id: 'v1' }))
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', ['SYSCURRENT']],
      ['v2', []],
      ['v3', ['SYSPREVIOUS']],
    ])
    expect((await ok(env.csms.showSecretVersion('s', 'latest'))).version.secret_string).toBe('v1')
  })

  it('refuses a 13th stage (CSMS.0203), unknown versions (CSMS.0005) and bad ids (CSMS.0002)', async () => {
    const env = await withVersions(2)
    for (let i = 0; i < 10; i++) await ok(env.csms.updateSecretStage('s', `st${i}`, { version_id: 'v1' }))
    await refused(env, env.csms.updateSecretStage('s', 'one-more', { version_id: 'v1' }), code('CSMS.0203'))
    await ok(env.csms.updateSecretStage('s', 'st0', { version_id: 'v2' }))
    await refused(env, env.csms.updateSecretStage('s', 'x', { version_id: 'v9' }), CsmsErrors.resourceNotFound())
    await refused(env, env.csms.updateSecretStage('s', 'x', { version_id: 'latest' }), invalid('version_id'))
    await refused(env, env.csms.request('PUT', `/v1/${env.project}/secrets/s/stages/x`, {}), invalid('version_id'))
    await refused(env, env.csms.updateSecretStage('s', 'x'.repeat(65), { version_id: 'v1' }), invalid('stage_name'))
    await ok(env.csms.deleteSecretStage('s', 'st1'))
    await ok(env.csms.updateSecretStage('s', 'x'.repeat(64), { version_id: 'v1' }))
  })
})

describe('deleteSecretStage', () => {
  it('removes a custom stage (204, empty body); the version keeps its others', async () => {
    const env = await withVersions(2)
    await ok(env.csms.updateSecretStage('s', 'test', { version_id: 'v2' }))
    expect(await env.csms.deleteSecretStage('s', 'test')()).toStrictEqual(E.right({}))
    expect(await stagesOf(env)).toStrictEqual([
      ['v1', ['SYSPREVIOUS']],
      ['v2', ['SYSCURRENT']],
    ])
    await refused(env, env.csms.deleteSecretStage('s', 'test'), CsmsErrors.resourceNotFound())
  })

  it('never deletes SYSCURRENT or SYSPREVIOUS: CSMS.0105', async () => {
    const env = await withVersions(2)
    await refused(env, env.csms.deleteSecretStage('s', 'SYSCURRENT'), code('CSMS.0105'))
    await refused(env, env.csms.deleteSecretStage('s', 'SYSPREVIOUS'), code('CSMS.0105'))
    const single = await withVersions(1)
    await refused(single, single.csms.deleteSecretStage('s', 'SYSPREVIOUS'), code('CSMS.0105'))
  })

  it('refuses secrets pending deletion with CSMS.0103', async () => {
    const env = await withVersions(2)
    await ok(env.csms.updateSecretStage('s', 'test', { version_id: 'v2' }))
    await ok(env.csms.deleteSecretForSchedule('s', { recovery_window_in_days: 7 }))
    await refused(env, env.csms.deleteSecretStage('s', 'test'), code('CSMS.0103'))
  })
})
