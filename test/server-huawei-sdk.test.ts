// End to end: Huawei Cloud's official Node SDK core (3.1.211), unmodified, signs and sends CSMS
// requests to a server started here on 127.0.0.1, with SDK-HMAC-SHA256 verified: a secret's
// lifecycle (create, versions, stages, list, scheduled deletion with a window, restore, delete) and
// the exact errors CSMS gives, as the SDK reports them. The engine runs on a manual clock, so the
// deletion window passes without waiting; the server's own clock (for X-Sdk-Date) stays real.
// Steps run in order and each is its own test, so a report names the step that fails.
import { createCsms } from '@secrets-engine/huawei'
import { startServer, type RunningServer } from '@secrets-engine/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failure, huaweiSdk, thrown, type Body, type Send } from './server-huawei-client.js'

const day = 86_400_000
const secrets = '/v1/{project_id}/secrets'
const secret = `${secrets}/{secret_name}`
const value = 'first value: = & + % ü 秘密 "quoted"'

const metadata = (body: Body): Body => body['secret'] as Body
const stagesOf = (body: Body): Record<string, unknown> =>
  Object.fromEntries(
    (body['version_metadatas'] as ReadonlyArray<Body>).map((v) => [v['id'], v['version_stages']] as const),
  )

describe('Huawei SDK core against the server', () => {
  let server: RunningServer
  let send: Send
  let clock = Date.parse('2026-03-01T00:00:00Z')
  const name = 'e2e-db-password'
  const path = { secret_name: name }

  beforeAll(async () => {
    server = await startServer({ huawei: { csms: createCsms({ now: () => new Date(clock) }) } })
    send = huaweiSdk(server)
  })
  afterAll(() => server.close())

  it('createSecret', async () => {
    const body = await send('POST', secrets, { body: { name, secret_string: value, description: 'e2e' } })
    expect(body['httpStatusCode']).toBe(200)
    expect(metadata(body)).toMatchObject({
      name,
      state: 'ENABLED',
      description: 'e2e',
      secret_type: 'COMMON',
      create_time: clock,
      scheduled_delete_time: null,
    })
    expect(metadata(body)['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('showSecretVersion latest gives the value, byte for byte', async () => {
    const body = await send('GET', `${secret}/versions/{version_id}`, { path: { ...path, version_id: 'latest' } })
    expect(body['version']).toMatchObject({
      secret_string: value,
      version_metadata: { id: 'v1', secret_name: name, version_stages: ['SYSCURRENT'] },
    })
  })

  it('createSecretVersion moves SYSCURRENT and SYSPREVIOUS', async () => {
    const body = await send('POST', `${secret}/versions`, { path, body: { secret_string: 'second value' } })
    expect(body['version_metadata']).toMatchObject({ id: 'v2', secret_name: name, version_stages: ['SYSCURRENT'] })
    const versions = await send('GET', `${secret}/versions`, { path })
    expect(stagesOf(versions)).toStrictEqual({ v1: ['SYSPREVIOUS'], v2: ['SYSCURRENT'] })
    const v1 = await send('GET', `${secret}/versions/{version_id}`, { path: { ...path, version_id: 'v1' } })
    expect((v1['version'] as Body)['secret_string']).toBe(value)
  })

  it('updateSecretStage, showSecretStage and deleteSecretStage', async () => {
    const stagePath = { ...path, stage_name: 'canary' }
    const put = await send('PUT', `${secret}/stages/{stage_name}`, { path: stagePath, body: { version_id: 'v1' } })
    expect(put['stage']).toStrictEqual({ name: 'canary', secret_name: name, update_time: clock, version_id: 'v1' })
    const shown = await send('GET', `${secret}/stages/{stage_name}`, { path: stagePath })
    expect((shown['stage'] as Body)['version_id']).toBe('v1')
    expect(stagesOf(await send('GET', `${secret}/versions`, { path }))).toStrictEqual({
      v1: ['SYSPREVIOUS', 'canary'],
      v2: ['SYSCURRENT'],
    })
    expect(await send('DELETE', `${secret}/stages/{stage_name}`, { path: stagePath })).toStrictEqual({
      httpStatusCode: 204,
    })
    expect(await failure(send('GET', `${secret}/stages/{stage_name}`, { path: stagePath }))).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 404,
      errorCode: 'CSMS.0005',
      errorMsg: 'The resource does not exist.',
    })
  })

  it('listSecrets pages by name with limit and marker', async () => {
    for (const other of ['e2e-a', 'e2e-z']) await send('POST', secrets, { body: { name: other, secret_string: 'x' } })
    const first = await send('GET', secrets, { query: { limit: '2' } })
    expect((first['secrets'] as ReadonlyArray<Body>).map((s) => s['name'])).toStrictEqual(['e2e-a', name])
    expect(first['page_info']).toStrictEqual({ current_count: 2, next_marker: name, previous_marker: 'e2e-a' })
    const second = await send('GET', secrets, { query: { limit: '2', marker: name } })
    expect((second['secrets'] as ReadonlyArray<Body>).map((s) => s['name'])).toStrictEqual(['e2e-z'])
    expect(second['page_info']).toStrictEqual({ current_count: 1, previous_marker: 'e2e-z' })
    for (const s of [...(first['secrets'] as ReadonlyArray<Body>), ...(second['secrets'] as ReadonlyArray<Body>)]) {
      expect(s).not.toHaveProperty('secret_string')
    }
  })

  it('deleteSecretForSchedule with a 7-day window: PENDING_DELETE, values refused', async () => {
    const body = await send('POST', `${secret}/scheduled-deleted-tasks/create`, {
      path,
      body: { recovery_window_in_days: 7 },
    })
    expect(metadata(body)).toMatchObject({ name, state: 'PENDING_DELETE', scheduled_delete_time: clock + 7 * day })
    expect(
      await failure(send('GET', `${secret}/versions/{version_id}`, { path: { ...path, version_id: 'latest' } })),
    ).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 400,
      errorCode: 'CSMS.0103',
      errorMsg: 'The secret is in the scheduled deletion state.',
    })
    expect(
      await failure(
        send('POST', `${secret}/scheduled-deleted-tasks/create`, { path, body: { recovery_window_in_days: 7 } }),
      ),
    ).toMatchObject({ httpStatusCode: 400, errorCode: 'CSMS.0107' })
  })

  it('restoreSecret cancels the deletion inside the window', async () => {
    clock += 6 * day
    const body = await send('POST', `${secret}/scheduled-deleted-tasks/cancel`, { path })
    expect(metadata(body)).toMatchObject({ name, state: 'ENABLED', scheduled_delete_time: null })
    const latest = await send('GET', `${secret}/versions/{version_id}`, { path: { ...path, version_id: 'latest' } })
    expect((latest['version'] as Body)['secret_string']).toBe('second value')
    expect(await failure(send('POST', `${secret}/scheduled-deleted-tasks/cancel`, { path }))).toMatchObject({
      httpStatusCode: 400,
      errorCode: 'CSMS.0108',
    })
  })

  it('a scheduled deletion happens when the window has passed', async () => {
    await send('POST', `${secret}/scheduled-deleted-tasks/create`, {
      path: { secret_name: 'e2e-a' },
      body: { recovery_window_in_days: 7 },
    })
    clock += 7 * day + 1
    expect(await failure(send('GET', secret, { path: { secret_name: 'e2e-a' } }))).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 404,
      errorCode: 'CSMS.0106',
      errorMsg: 'The secret name not found int the db.',
    })
  })

  it('deleteSecret deletes at once: 200 and no body', async () => {
    expect(await send('DELETE', secret, { path })).toStrictEqual({ httpStatusCode: 200 })
    expect(await failure(send('GET', secret, { path }))).toMatchObject({ httpStatusCode: 404, errorCode: 'CSMS.0106' })
  })

  it('a missing secret is 404 CSMS.0106, with the X-Request-Id as requestId', async () => {
    const error = await thrown(
      send('GET', `${secret}/versions/{version_id}`, { path: { secret_name: 'nope', version_id: 'v1' } }),
    )
    expect(error).toMatchObject({ httpStatusCode: 404, errorCode: 'CSMS.0106' })
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('a duplicate name is 400 CSMS.0109', async () => {
    expect(await failure(send('POST', secrets, { body: { name: 'e2e-z', secret_string: 'again' } }))).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 400,
      errorCode: 'CSMS.0109',
      errorMsg: 'The secret already exists.',
    })
  })

  it('an invalid parameter is 400 CSMS.0002', async () => {
    expect(await failure(send('POST', secrets, { body: { name: 'not#valid', secret_string: 'x' } }))).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 400,
      errorCode: 'CSMS.0002',
      errorMsg: 'The value of parameter is invalid.',
    })
    expect(
      await failure(send('POST', secrets, { body: { name: 'both', secret_string: 'x', secret_binary: 'eA==' } })),
    ).toMatchObject({ httpStatusCode: 400, errorCode: 'CSMS.0002' })
  })

  it('a built-in stage cannot be deleted: 400 CSMS.0105', async () => {
    expect(
      await failure(
        send('DELETE', `${secret}/stages/{stage_name}`, { path: { secret_name: 'e2e-z', stage_name: 'SYSCURRENT' } }),
      ),
    ).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 400,
      errorCode: 'CSMS.0105',
      errorMsg: 'Can not delete the system internal stage.',
    })
  })

  it('the nested error shape reaches the SDK as Huawei sends it (the SDK then loses the code)', async () => {
    // RotateSecret documents the nested body; the SDK reads only data.error.code/message, then
    // the flat fields, so it reports no code, exactly as against Huawei.
    const error = await failure(send('POST', `${secret}/rotate`, { path: { secret_name: 'e2e-z' } }))
    expect(error).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 400,
      errorCode: undefined,
      errorMsg: 'Request failed with status code 400',
    })
  })

  it('tags go by secret id, under /csms/', async () => {
    const shown = metadata(await send('GET', secret, { path: { secret_name: 'e2e-z' } }))
    const tagsPath = { secret_id: String(shown['id']) }
    expect(
      await send('POST', '/v1/{project_id}/csms/{secret_id}/tags', {
        path: tagsPath,
        body: { tag: { key: 'env', value: 'test' } },
      }),
    ).toStrictEqual({ httpStatusCode: 204 })
    const listed = await send('GET', '/v1/{project_id}/csms/{secret_id}/tags', { path: tagsPath })
    expect(listed['tags']).toStrictEqual([{ key: 'env', value: 'test' }])
  })
})
