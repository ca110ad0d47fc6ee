import { CsmsErrors } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { ok, refused, start, testCsms, uuidPattern } from './support/csms.js'

const invalid = (parameter: string) => CsmsErrors.invalidParameter(parameter)
const notification = {
  target_type: 'SMN',
  target_id: 'urn:smn:cn-north-4:dc3b7c85759141a991da17423c0f2068:smn-target-name',
  target_name: 'smn-target-name',
}
const body = (name: string) => ({ name, event_types: ['SECRET_VERSION_EXPIRED'], state: 'ENABLED', notification })

describe('createSecretEvent and showSecretEvent', () => {
  it('creates an event and shows it', async () => {
    const env = testCsms()
    const { event } = await ok(env.csms.createSecretEvent(body('Test20230325')))
    expect(event.event_id).toMatch(uuidPattern)
    expect(event).toStrictEqual({
      event_id: event.event_id,
      name: 'Test20230325',
      event_types: ['SECRET_VERSION_EXPIRED'],
      state: 'ENABLED',
      notification,
      create_time: start,
      update_time: start,
    })
    expect(await env.csms.showSecretEvent('Test20230325')()).toStrictEqual(E.right({ event }))
    await refused(env, env.csms.showSecretEvent('missing'), CsmsErrors.resourceNotFound())
  })

  it('checks every field, and refuses a name in use with CSMS.0114', async () => {
    const env = testCsms()
    await ok(env.csms.createSecretEvent(body('e')))
    await refused(env, env.csms.createSecretEvent(body('e')), CsmsErrors.make('CSMS.0114'))
    await refused(env, env.csms.createSecretEvent(body('a.b')), invalid('name'))
    for (const event_types of [[], ['SECRET_VERSION_CREATED', 'SECRET_VERSION_CREATED'], ['OTHER']])
      await refused(env, env.csms.createSecretEvent({ ...body('f'), event_types }), invalid('event_types'))
    await ok(
      env.csms.createSecretEvent({
        ...body('all'),
        event_types: [
          'SECRET_VERSION_CREATED',
          'SECRET_VERSION_EXPIRED',
          'SECRET_ROTATED',
          'SECRET_DELETED',
          'SECRET_ROTATED_FAILED',
        ],
      }),
    )
    await refused(env, env.csms.createSecretEvent({ ...body('f'), state: 'ON' }), invalid('state'))
    for (const bad of [
      { ...notification, target_type: 'SMS' },
      { ...notification, target_id: 'a b' },
      { ...notification, target_name: '' },
    ])
      await refused(env, env.csms.createSecretEvent({ ...body('f'), notification: bad }), invalid('notification'))
  })
})

describe('listSecretEvents, updateSecretEvent, deleteSecretEvent', () => {
  it('lists in name order with paging', async () => {
    const env = testCsms()
    for (const name of ['c', 'a', 'b']) await ok(env.csms.createSecretEvent(body(name)))
    const page = await ok(env.csms.listSecretEvents({ limit: '2' }))
    expect([page.events.map((e) => e.name), page.page_info]).toStrictEqual([
      ['a', 'b'],
      { current_count: 2, next_marker: 'b', previous_marker: 'a' },
    ])
    expect((await ok(env.csms.listSecretEvents({ marker: 'b' }))).events.map((e) => e.name)).toStrictEqual(['c'])
    await refused(env, env.csms.listSecretEvents({ limit: '0' }), invalid('limit'))
  })

  it('updates state, types and notification', async () => {
    const env = testCsms()
    await ok(env.csms.createSecretEvent(body('e')))
    env.clock.advance(10)
    const { event } = await ok(env.csms.updateSecretEvent('e', { state: 'DISABLED', event_types: ['SECRET_ROTATED'] }))
    expect([event.state, event.event_types, event.update_time, event.create_time]).toStrictEqual([
      'DISABLED',
      ['SECRET_ROTATED'],
      start + 10,
      start,
    ])
    await refused(env, env.csms.updateSecretEvent('e', { state: 'x' }), invalid('state'))
    await refused(env, env.csms.updateSecretEvent('missing', { state: 'ENABLED' }), CsmsErrors.resourceNotFound())
  })

  it('deletes an event (204) unless a secret subscribes to it (CSMS.0113)', async () => {
    const env = testCsms()
    await ok(env.csms.createSecretEvent(body('e')))
    await ok(env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['e'] }))
    await refused(env, env.csms.deleteSecretEvent('e'), CsmsErrors.make('CSMS.0113'))
    await ok(env.csms.updateSecret('s', { event_subscriptions: [] }))
    expect(await env.csms.deleteSecretEvent('e')()).toStrictEqual(E.right({}))
    await refused(env, env.csms.deleteSecretEvent('e'), CsmsErrors.resourceNotFound())
  })

  it('never lets a subscription and the deletion of its event both hold, whatever their interleaving', async () => {
    for (const latency of [0, 1, 2]) {
      for (const subscribe of ['update', 'create'] as const) {
        const env = testCsms()
        await ok(env.csms.createSecretEvent(body('e')))
        await ok(env.csms.createSecret({ name: 's', secret_string: 'v' }))
        env.store.faults.setLatency(latency)
        env.events.faults.setLatency(latency)
        const subscribing =
          subscribe === 'update'
            ? env.csms.updateSecret('s', { event_subscriptions: ['e'] })()
            : env.csms.createSecret({ name: 't', secret_string: 'v', event_subscriptions: ['e'] })()
        const [subscribed, deleted] = await Promise.all([subscribing, env.csms.deleteSecretEvent('e')()])
        // The subscription came first and the deletion was refused, or the deletion came first and
        // the subscription found no event.
        expect(
          (E.isRight(subscribed) && E.isLeft(deleted) && deleted.left.error_code === 'CSMS.0113') ||
            (E.isLeft(subscribed) && subscribed.left.error_code === 'CSMS.0005' && E.isRight(deleted)),
        ).toBe(true)
      }
    }
  })

  it('routes /csms/events/<name> to events even when the name is tags', async () => {
    const env = testCsms()
    await ok(env.csms.createSecretEvent(body('tags')))
    expect((await ok(env.csms.request('GET', `/v1/${env.project}/csms/events/tags`)))['event']).toMatchObject({
      name: 'tags',
    })
  })
})
