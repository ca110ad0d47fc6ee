import { CsmsErrors } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, ok, refused, start, testCsms } from './support/csms.js'

const notification = { target_type: 'SMN', target_id: 'urn:smn:cn-north-4:project:topic', target_name: 'topic' }
const all = ['SECRET_VERSION_CREATED', 'SECRET_ROTATED', 'SECRET_DELETED']

const setup = async (event_types: ReadonlyArray<string> = all, state = 'ENABLED') => {
  const env = testCsms()
  await ok(env.csms.createSecretEvent({ name: 'ev', event_types, state, notification }))
  return env
}

const types = async (env: ReturnType<typeof testCsms>) =>
  (await ok(env.csms.listNotificationRecords())).records.map((r) => [r.secret_name, r.trigger_event_type])

describe('event notifications', () => {
  it('records a notification when a subscribed secret gets a version', async () => {
    const env = await setup()
    const { secret } = await ok(env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['ev'] }))
    env.clock.advance(1_000)
    await ok(env.csms.createSecretVersion('s', { secret_string: 'w' }))
    const { records, page_info } = await ok(env.csms.listNotificationRecords())
    // previous_marker is the page's first record: the key the store holds it under.
    const [stored] = env.notifications.snapshot().records
    expect(stored?.name).toMatch(/^[0-9]{13}-[0-9]{9}$/)
    expect(page_info).toStrictEqual({ current_count: 1, previous_marker: stored?.name })
    const [record] = records
    expect(record).toStrictEqual({
      event_name: 'ev',
      secret_name: 's',
      secret_type: 'COMMON',
      trigger_event_type: 'SECRET_VERSION_CREATED',
      create_time: start + 1_000,
      notification_target_name: 'topic',
      notification_target_id: 'urn:smn:cn-north-4:project:topic',
      notification_content: JSON.stringify({
        eventName: 'ev',
        eventType: 'SECRET_VERSION_CREATED',
        eventTime: new Date(start + 1_000).toISOString(),
        data: {
          secretId: secret.id,
          secretName: 's',
          createTime: new Date(start).toISOString(),
          updateTime: new Date(start + 1_000).toISOString(),
          versionId: 'v2',
        },
      }),
      notification_status: 'SUCCESS',
    })
    expect(record?.notification_content).not.toContain('"w"')
  })

  it('records rotations (asked for and automatic) and deletions (now and at the scheduled time)', async () => {
    const env = await setup()
    const rds = { secret_string: 'p', secret_type: 'RDS-FG', rotation_config: '{}', event_subscriptions: ['ev'] }
    await ok(env.csms.createSecret({ name: 'r', ...rds }))
    await ok(env.csms.rotateSecret('r'))
    await ok(env.csms.createSecret({ name: 'auto', ...rds, auto_rotation: true, rotation_period: '1d' }))
    env.clock.advance(days(1))
    await ok(env.csms.showSecret('auto'))
    await ok(env.csms.deleteSecret('r'))
    await ok(env.csms.deleteSecretForSchedule('auto', { recovery_window_in_days: 7 }))
    env.clock.advance(days(7))
    expect(await env.csms.showSecret('auto')()).toStrictEqual(E.left(CsmsErrors.secretNotFound()))
    expect(await types(env)).toStrictEqual([
      ['r', 'SECRET_ROTATED'],
      ['auto', 'SECRET_ROTATED'],
      ['r', 'SECRET_DELETED'],
      ['auto', 'SECRET_DELETED'],
    ])
  })

  it('ListNotificationRecords first records what time made due, when nothing named the secrets', async () => {
    const env = await setup([...all, 'SECRET_VERSION_EXPIRED'])
    const rds = { secret_string: 'p', secret_type: 'RDS-FG', rotation_config: '{}', event_subscriptions: ['ev'] }
    await ok(env.csms.createSecret({ name: 'gone', secret_string: 'v', event_subscriptions: ['ev'] }))
    await ok(env.csms.deleteSecretForSchedule('gone', { recovery_window_in_days: 7 }))
    await ok(env.csms.createSecret({ name: 'auto', ...rds, auto_rotation: true, rotation_period: '30d' }))
    await ok(env.csms.createSecret({ name: 'expiring', secret_string: 'v', event_subscriptions: ['ev'] }))
    await ok(env.csms.updateVersion('expiring', 'v1', { expire_time: start + days(1) }))
    // Each came due earlier; the records carry the time the engine noticed, in the store's order.
    env.clock.advance(days(30) + 1)
    const { records } = await ok(env.csms.listNotificationRecords())
    expect(records.map((r) => [r.secret_name, r.trigger_event_type, r.create_time])).toStrictEqual([
      ['gone', 'SECRET_DELETED', start + days(30) + 1],
      ['auto', 'SECRET_ROTATED', start + days(30) + 1],
      ['expiring', 'SECRET_VERSION_EXPIRED', start + days(30) + 1],
    ])
    // Noticed once: listing again sends nothing more.
    expect((await ok(env.csms.listNotificationRecords())).records).toStrictEqual(records)
  })

  it('sends only for ENABLED events that list the type, to subscribed secrets', async () => {
    const env = await setup(['SECRET_DELETED'])
    await ok(env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['ev'] }))
    await ok(env.csms.createSecret({ name: 'other', secret_string: 'v' }))
    await ok(env.csms.createSecretVersion('s', { secret_string: 'w' }))
    await ok(env.csms.deleteSecret('other'))
    expect(await types(env)).toStrictEqual([])
    await ok(env.csms.updateSecretEvent('ev', { state: 'DISABLED' }))
    await ok(env.csms.updateSecret('s', { event_subscriptions: [] }))
    await ok(env.csms.updateSecret('s', { event_subscriptions: ['ev'] }))
    await ok(env.csms.deleteSecret('s'))
    expect(await types(env)).toStrictEqual([])
  })

  it('pages, and keeps three months', async () => {
    const env = await setup()
    await ok(env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['ev'] }))
    for (let i = 0; i < 3; i++) {
      await ok(env.csms.createSecretVersion('s', { secret_string: `v${i}` }))
      env.clock.advance(days(40))
    }
    const page = await ok(env.csms.listNotificationRecords({ limit: '1' }))
    expect(page.records).toHaveLength(1)
    const next = await ok(env.csms.listNotificationRecords({ limit: '5', marker: page.page_info.next_marker ?? '' }))
    expect(next.records.map((r) => r.create_time)).toStrictEqual([start + days(80)])
    expect(page.records.map((r) => r.create_time)).toStrictEqual([start + days(40)])
    await refused(env, env.csms.listNotificationRecords({ limit: '0' }), CsmsErrors.invalidParameter('limit'))
  })

  it('a notification that cannot be recorded never fails the request', async () => {
    const env = await setup()
    await ok(env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['ev'] }))
    env.notifications.faults.failNext('commit')
    await ok(env.csms.createSecretVersion('s', { secret_string: 'w' }))
    expect(await types(env)).toStrictEqual([])
  })
})

describe('SECRET_VERSION_EXPIRED', () => {
  it('is sent once when the clock passes a version expire_time, and again after expire_time changes', async () => {
    const env = await setup(['SECRET_VERSION_EXPIRED'])
    await ok(env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['ev'] }))
    await ok(env.csms.updateVersion('s', 'v1', { expire_time: start + days(1) }))
    env.clock.advance(days(1) - 1)
    await ok(env.csms.showSecret('s'))
    expect(await types(env)).toStrictEqual([])
    env.clock.advance(1)
    await ok(env.csms.showSecret('s'))
    await ok(env.csms.showSecret('s'))
    const { records } = await ok(env.csms.listNotificationRecords())
    expect(records.map((r) => [r.trigger_event_type, r.create_time])).toStrictEqual([
      ['SECRET_VERSION_EXPIRED', start + days(1)],
    ])
    expect(JSON.parse(records[0]?.notification_content ?? '{}')).toMatchObject({
      data: { versionId: 'v1', versionExpireTime: new Date(start + days(1)).toISOString() },
    })
    await ok(env.csms.updateVersion('s', 'v1', { expire_time: start + days(2) }))
    env.clock.advance(days(1))
    await ok(env.csms.listSecretVersions('s'))
    expect((await types(env)).length).toBe(2)
  })
})
