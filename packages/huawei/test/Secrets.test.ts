import {
  createCsms,
  CsmsErrors,
  storeIndex,
  type EventRecord,
  type SecretRecord,
  type UpdateSecretRequestBody,
} from '@secrets-engine/huawei'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, hours, ok, refused, start, testCsms, uuidPattern } from './support/csms.js'

const invalid = (parameter: string) => CsmsErrors.invalidParameter(parameter)
const code = (c: CsmsErrors.Code) => CsmsErrors.make(c)

const event = (name: string): EventRecord => ({
  eventId: '6c4e1f2a-0d5b-4c8e-9f7a-3b2d1e0f9a8b',
  name,
  eventTypes: ['SECRET_VERSION_CREATED'],
  state: 'ENABLED',
  notification: { target_type: 'SMN', target_id: 'urn:smn:region:project:topic', target_name: 'topic' },
  createTime: start,
  updateTime: start,
})

const rds = { name: 'db', secret_type: 'RDS-FG', rotation_config: '{}', secret_string: 'p' }

describe('createSecret', () => {
  it('answers the seed example with an ENABLED COMMON secret under the named key', async () => {
    const { csms } = testCsms()
    const { secret } = await ok(
      csms.createSecret({
        name: 'demo',
        kms_key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
        secret_string: 'this is a demo secret string',
      }),
    )
    expect(secret.id).toMatch(uuidPattern)
    expect(secret).toStrictEqual({
      id: secret.id,
      name: 'demo',
      state: 'ENABLED',
      kms_key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
      description: '',
      create_time: start,
      update_time: start,
      scheduled_delete_time: null,
      secret_type: 'COMMON',
      auto_rotation: false,
      event_subscriptions: [],
      enterprise_project_id: '0',
    })
  })

  it('stores the first value as v1 with SYSCURRENT', async () => {
    const { csms } = testCsms()
    await ok(csms.createSecret({ name: 'demo', secret_string: 's3cr3t' }))
    const { version } = await ok(csms.showSecretVersion('demo', 'v1'))
    expect(version).toStrictEqual({
      version_metadata: {
        id: 'v1',
        create_time: start,
        kms_key_id: version.version_metadata.kms_key_id,
        secret_name: 'demo',
        version_stages: ['SYSCURRENT'],
      },
      secret_string: 's3cr3t',
    })
  })

  it('uses csms/default, created on first use, when no key is named; the same key every time', async () => {
    const { csms, keyring } = testCsms()
    const a = await ok(csms.createSecret({ name: 'a', secret_string: 'x' }))
    const b = await ok(csms.createSecret({ name: 'b', secret_string: 'y' }))
    const c = await ok(csms.createSecret({ name: 'c', secret_string: 'z', kms_key_id: 'csms/default' }))
    expect(a.secret.kms_key_id).toMatch(uuidPattern)
    expect(b.secret.kms_key_id).toBe(a.secret.kms_key_id)
    expect(c.secret.kms_key_id).toBe(a.secret.kms_key_id)
    const keys = await ok(keyring.listKeys())
    expect(keys.map((k) => k.description)).toStrictEqual(['csms/default'])
  })

  it('creates a named key that does not exist, once', async () => {
    const { csms, keyring } = testCsms()
    await ok(csms.createSecret({ name: 'a', secret_string: 'x', kms_key_id: 'my-key' }))
    await ok(csms.createSecret({ name: 'b', secret_string: 'y', kms_key_id: 'my-key' }))
    expect((await ok(keyring.listKeys())).map((k) => k.description)).toStrictEqual(['my-key'])
  })

  it('accepts names of 1 to 64 letters, digits, _ and -; refuses others with CSMS.0002 on name', async () => {
    const env = testCsms()
    for (const name of ['a', 'A-z_09', 'x'.repeat(64)]) await ok(env.csms.createSecret({ name, secret_string: 'v' }))
    for (const name of ['', 'x'.repeat(65), 'a.b', 'a/b', 'é', 'a b']) {
      await refused(env, env.csms.createSecret({ name, secret_string: 'v' }), invalid('name'))
    }
    await refused(env, env.csms.request('POST', `/v1/${env.project}/secrets`, { secret_string: 'v' }), invalid('name'))
    await refused(
      env,
      env.csms.request('POST', `/v1/${env.project}/secrets`, { name: 7, secret_string: 'v' }),
      invalid('name'),
    )
  })

  it('needs exactly one of secret_string and secret_binary; an empty one counts as absent', async () => {
    const env = testCsms()
    await refused(env, env.csms.createSecret({ name: 'n' }), invalid('secret_string'))
    await refused(env, env.csms.createSecret({ name: 'n', secret_string: '' }), invalid('secret_string'))
    await refused(
      env,
      env.csms.createSecret({ name: 'n', secret_string: 'a', secret_binary: 'AQID' }),
      invalid('secret_binary'),
    )
    await ok(env.csms.createSecret({ name: 'n', secret_string: '', secret_binary: 'AQID' }))
  })

  it('keeps binary values as canonical base64 and gives them back verbatim', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'bin', secret_binary: 'AAECA/8=' }))
    const { version } = await ok(env.csms.showSecretVersion('bin', 'v1'))
    expect(version.secret_binary).toBe('AAECA/8=')
    expect(version.secret_string).toBeUndefined()
    for (const bad of ['AAECA/8', 'AAECA/9=', '!!!!', 'AQI D==='])
      await refused(env, env.csms.createSecret({ name: 'b2', secret_binary: bad }), invalid('secret_binary'))
  })

  it('allows values of up to 32 KB and no more', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 's', secret_string: 'x'.repeat(32_768) }))
    await ok(env.csms.createSecret({ name: 'u', secret_string: 'é'.repeat(16_384) }))
    await ok(env.csms.createSecret({ name: 'b', secret_binary: 'A'.repeat(32_768) }))
    await refused(
      env,
      env.csms.createSecret({ name: 't', secret_string: 'x'.repeat(32_769) }),
      invalid('secret_string'),
    )
    await refused(
      env,
      env.csms.createSecret({ name: 't', secret_string: 'é'.repeat(16_385) }),
      invalid('secret_string'),
    )
    await refused(
      env,
      env.csms.createSecret({ name: 't', secret_binary: 'A'.repeat(32_772) }),
      invalid('secret_binary'),
    )
  })

  it('allows descriptions of up to 2,048 bytes', async () => {
    const env = testCsms()
    const { secret } = await ok(
      env.csms.createSecret({ name: 'd', secret_string: 'v', description: 'é'.repeat(1_024) }),
    )
    expect(secret.description).toBe('é'.repeat(1_024))
    await refused(
      env,
      env.csms.createSecret({ name: 'e', secret_string: 'v', description: 'x'.repeat(2_049) }),
      invalid('description'),
    )
  })

  it('takes COMMON, RDS, RDS-FG and GaussDB-FG; a rotating type needs rotation_config', async () => {
    const env = testCsms()
    const config = "{'RDSInstanceId':'63616bceef2c45409575d762a498318bin01','SecretSubType':'MultiUser'}"
    for (const secret_type of ['COMMON', 'RDS', 'RDS-FG', 'GaussDB-FG']) {
      const { secret } = await ok(
        env.csms.createSecret({ name: `t-${secret_type}`, secret_string: 'v', secret_type, rotation_config: config }),
      )
      expect([secret.secret_type, secret.rotation_config]).toStrictEqual([secret_type, config])
    }
    await refused(
      env,
      env.csms.createSecret({ name: 'x', secret_string: 'v', secret_type: 'OTHER' }),
      invalid('secret_type'),
    )
    await refused(
      env,
      env.csms.createSecret({ name: 'x', secret_string: 'v', secret_type: 'RDS' }),
      invalid('rotation_config'),
    )
    await refused(
      env,
      env.csms.createSecret({ name: 'x', secret_string: 'v', secret_type: 'RDS', rotation_config: 'x'.repeat(1_025) }),
      invalid('rotation_config'),
    )
  })

  it('schedules automatic rotation one rotation_period ahead; 6 h to 8,760 h', async () => {
    const env = testCsms()
    const { secret } = await ok(
      env.csms.createSecret({ name: 'r', secret_string: 'v', auto_rotation: true, rotation_period: '1d' }),
    )
    expect([secret.auto_rotation, secret.rotation_period, secret.next_rotation_time]).toStrictEqual([
      true,
      '1d',
      start + days(1),
    ])
    for (const rotation_period of ['6h', '21600s', '360m', '8760h', '365d'])
      await ok(
        env.csms.createSecret({
          name: `p${rotation_period}`,
          secret_string: 'v',
          auto_rotation: true,
          rotation_period,
        }),
      )
    for (const rotation_period of ['5h', '21599s', '8761h', '366d', '1w', 'h', '-6h', ''])
      await refused(
        env,
        env.csms.createSecret({ name: 'q', secret_string: 'v', auto_rotation: true, rotation_period }),
        invalid('rotation_period'),
      )
    await refused(
      env,
      env.csms.createSecret({ name: 'q', secret_string: 'v', auto_rotation: true }),
      invalid('rotation_period'),
    )
    await refused(
      env,
      env.csms.request('POST', `/v1/${env.project}/secrets`, { name: 'q', secret_string: 'v', auto_rotation: 'true' }),
      invalid('auto_rotation'),
    )
  })

  it('subscribes to at most one event, which must exist', async () => {
    const env = testCsms()
    await ok(env.events.commit('pocEvent', 'absent', event('pocEvent')))
    await ok(env.events.commit('other', 'absent', event('other')))
    const { secret } = await ok(
      env.csms.createSecret({ name: 's', secret_string: 'v', event_subscriptions: ['pocEvent'] }),
    )
    expect(secret.event_subscriptions).toStrictEqual(['pocEvent'])
    await refused(
      env,
      env.csms.createSecret({ name: 't', secret_string: 'v', event_subscriptions: ['pocEvent', 'other'] }),
      invalid('event_subscriptions'),
    )
    await refused(
      env,
      env.csms.createSecret({ name: 't', secret_string: 'v', event_subscriptions: ['nope'] }),
      code('CSMS.0005'),
    )
  })

  it('refuses a taken name with CSMS.0109, and a name pending deletion with CSMS.0107', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await refused(env, env.csms.createSecret({ name: 'n', secret_string: 'w' }), code('CSMS.0109'))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    await refused(env, env.csms.createSecret({ name: 'n', secret_string: 'w' }), code('CSMS.0107'))
  })

  it('holds at most maxSecrets secrets (CSMS.0202)', async () => {
    const env = testCsms({ maxSecrets: 2 })
    await ok(env.csms.createSecret({ name: 'a', secret_string: 'v' }))
    await ok(env.csms.createSecret({ name: 'b', secret_string: 'v' }))
    await refused(env, env.csms.createSecret({ name: 'c', secret_string: 'v' }), code('CSMS.0202'))
  })

  it('counts secrets pending deletion against the quota, and not those past their deletion time', async () => {
    for (const store of [MemoryStore.make<SecretRecord>(), MemoryStore.make<SecretRecord>({ index: storeIndex })]) {
      const env = testCsms({ maxSecrets: 1, store })
      await ok(env.csms.createSecret({ name: 'a', secret_string: 'v' }))
      await ok(env.csms.deleteSecretForSchedule('a', { recovery_window_in_days: 7 }))
      env.clock.advance(days(7) - 1)
      await refused(env, env.csms.createSecret({ name: 'b', secret_string: 'v' }), code('CSMS.0202'))
      env.clock.advance(1)
      // 'a' is gone, though nothing has read it since: the store still holds its record.
      expect(store.snapshot().records.map((r) => r.name)).toStrictEqual(['a'])
      await ok(env.csms.createSecret({ name: 'b', secret_string: 'v' }))
      await refused(env, env.csms.createSecret({ name: 'c', secret_string: 'v' }), code('CSMS.0202'))
    }
  })

  it('builds its default store with the engine index', () => {
    expect(createCsms().store.index).toBe(storeIndex)
  })

  it('refuses a body that is not a JSON object with CSMS.0004', async () => {
    const env = testCsms()
    for (const body of [[], 'name', 3, null])
      await refused(env, env.csms.request('POST', `/v1/${env.project}/secrets`, body), CsmsErrors.malformedBody())
  })

  it('keeps no plaintext in the store, not even base64-encoded', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'plaintext-marker' }))
    await ok(env.csms.createSecret({ name: 'b', secret_binary: Buffer.from('binary-marker').toString('base64') }))
    const snapshot = env.store.snapshot()
    const text = JSON.stringify(snapshot)
    // Every string of the snapshot that reads as base64 (the envelopes among them), decoded.
    const decoded = Array.from(text.matchAll(/"([A-Za-z0-9+/]{16,}={0,2})"/g), (m) =>
      Buffer.from(m[1] ?? '', 'base64').toString('latin1'),
    )
    const envelopes = snapshot.records.flatMap((r) => r.record.secret.versions.map((v) => v.value.envelope))
    expect(envelopes).toHaveLength(2)
    for (const envelope of envelopes) expect(text).toContain(`"${envelope}"`)
    expect(decoded.length).toBeGreaterThanOrEqual(envelopes.length)
    for (const shown of [text, ...decoded]) {
      expect(shown).not.toContain('plaintext-marker')
      expect(shown).not.toContain('binary-marker')
      expect(shown).not.toContain(Buffer.from('binary-marker').toString('base64'))
    }
  })
})

describe('listSecrets', () => {
  const create = async (env: ReturnType<typeof testCsms>, names: ReadonlyArray<string>) => {
    for (const name of names) await ok(env.csms.createSecret({ name, secret_string: 'v' }))
  }

  it('lists metadata in name order, 50 by default, paging after the marker', async () => {
    const env = testCsms()
    await create(env, ['c', 'a', 'b'])
    const all = await ok(env.csms.listSecrets())
    expect(all.secrets.map((s) => s.name)).toStrictEqual(['a', 'b', 'c'])
    expect(all.page_info).toStrictEqual({ current_count: 3, previous_marker: 'a' })
    const first = await ok(env.csms.listSecrets({ limit: '2' }))
    expect(first.secrets.map((s) => s.name)).toStrictEqual(['a', 'b'])
    expect(first.page_info).toStrictEqual({ current_count: 2, next_marker: 'b', previous_marker: 'a' })
    const second = await ok(env.csms.listSecrets({ limit: '2', marker: 'b' }))
    expect(second.secrets.map((s) => s.name)).toStrictEqual(['c'])
    expect(second.page_info).toStrictEqual({ current_count: 1, previous_marker: 'c' })
  })

  it('returns 50 by default and at most 1,000', async () => {
    const env = testCsms({ maxSecrets: 2_000 })
    await create(
      env,
      Array.from({ length: 51 }, (_, i) => `s${String(i).padStart(3, '0')}`),
    )
    expect((await ok(env.csms.listSecrets())).page_info.current_count).toBe(50)
    expect((await ok(env.csms.listSecrets({ limit: '1000' }))).page_info.current_count).toBe(51)
    for (const limit of ['0', '1001', 'x', '-1', '10000'])
      await refused(env, env.csms.listSecrets({ limit }), invalid('limit'))
  })

  it('filters by event_name and checks the marker', async () => {
    const env = testCsms()
    await ok(env.events.commit('ev', 'absent', event('ev')))
    await create(env, ['a'])
    await ok(env.csms.createSecret({ name: 'b', secret_string: 'v', event_subscriptions: ['ev'] }))
    expect((await ok(env.csms.listSecrets({ event_name: 'ev' }))).secrets.map((s) => s.name)).toStrictEqual(['b'])
    await refused(env, env.csms.listSecrets({ marker: 'a.b' }), invalid('marker'))
  })

  it('lists secrets pending deletion, and not those whose deletion time has passed', async () => {
    const env = testCsms()
    await create(env, ['a', 'b'])
    await ok(env.csms.deleteSecretForSchedule('a', { recovery_window_in_days: 7 }))
    expect((await ok(env.csms.listSecrets())).secrets.map((s) => [s.name, s.state])).toStrictEqual([
      ['a', 'PENDING_DELETE'],
      ['b', 'ENABLED'],
    ])
    env.clock.advance(days(7))
    expect((await ok(env.csms.listSecrets())).secrets.map((s) => s.name)).toStrictEqual(['b'])
  })

  it('runs the automatic rotations that are due first: no next_rotation_time in the past', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    env.clock.advance(days(1))
    const { secrets } = await ok(env.csms.listSecrets())
    expect(secrets.map((s) => [s.name, s.rotation_time, s.next_rotation_time])).toStrictEqual([
      ['db', start + days(1), start + days(2)],
    ])
  })

  it('a store failure while bringing secrets up to now is 500 CSMS.0006', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    env.clock.advance(days(1))
    env.store.faults.failNext('commit')
    await refused(env, env.csms.listSecrets(), CsmsErrors.internalError())
  })
})

describe('showSecret', () => {
  it('shows metadata, and 404 CSMS.0106 for a name that is not there', async () => {
    const env = testCsms()
    const created = await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    expect(await env.csms.showSecret('n')()).toStrictEqual(E.right(created))
    expect(await env.csms.showSecret('m')()).toStrictEqual(E.left(CsmsErrors.secretNotFound()))
    expect(CsmsErrors.secretNotFound().httpStatus).toBe(404)
    expect(await env.csms.showSecret('a.b')()).toStrictEqual(E.left(invalid('secret_name')))
  })
})

describe('updateSecret', () => {
  it('updates description, key, rotation and subscriptions, and update_time', async () => {
    const env = testCsms()
    await ok(env.events.commit('pocEvent2', 'absent', event('pocEvent2')))
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    env.clock.advance(1_000)
    const { secret } = await ok(
      env.csms.updateSecret('n', {
        kms_key_id: 'test',
        description: 'update description',
        event_subscriptions: ['pocEvent2'],
        auto_rotation: true,
        rotation_period: '12h',
      }),
    )
    expect(secret).toMatchObject({
      kms_key_id: 'test',
      description: 'update description',
      event_subscriptions: ['pocEvent2'],
      auto_rotation: true,
      rotation_period: '12h',
      next_rotation_time: start + 1_000 + hours(12),
      create_time: start,
      update_time: start + 1_000,
    })
  })

  it('seals new versions only under a new kms_key_id', async () => {
    const env = testCsms()
    const first = await ok(env.csms.createSecret({ name: 'n', secret_string: 'v1' }))
    await ok(env.csms.updateSecret('n', { kms_key_id: 'other-key' }))
    await ok(env.csms.createSecretVersion('n', { secret_string: 'v2' }))
    const versions = await ok(env.csms.listSecretVersions('n'))
    expect(versions.version_metadatas.map((v) => v.kms_key_id)).toStrictEqual([first.secret.kms_key_id, 'other-key'])
    expect((await ok(env.csms.showSecretVersion('n', 'v1'))).version.secret_string).toBe('v1')
  })

  it('turns rotation off, and needs a period to turn it on', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await refused(env, env.csms.updateSecret('n', { auto_rotation: true }), invalid('rotation_period'))
    await ok(env.csms.updateSecret('n', { auto_rotation: true, rotation_period: '6h' }))
    const { secret } = await ok(env.csms.updateSecret('n', { auto_rotation: false }))
    expect([secret.auto_rotation, secret.next_rotation_time, secret.rotation_period]).toStrictEqual([
      false,
      undefined,
      '6h',
    ])
    await refused(env, env.csms.updateSecret('n', { description: 'x'.repeat(2_049) }), invalid('description'))
    await refused(env, env.csms.updateSecret('n', { kms_key_id: 'k' }), invalid('kms_key_id'))
    await refused(env, env.csms.updateSecret('n', { event_subscriptions: ['missing'] }), code('CSMS.0005'))
  })

  it('reschedules only when rotation is turned on or the period length changes', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v', auto_rotation: true, rotation_period: '1d' }))
    env.clock.advance(hours(5))
    const scheduled = async (body: UpdateSecretRequestBody) => {
      const { secret } = await ok(env.csms.updateSecret('n', body))
      return [secret.rotation_period, secret.next_rotation_time]
    }
    // The same period, as given before, in other units, or with rotation already on: kept.
    expect(await scheduled({ rotation_period: '1d' })).toStrictEqual(['1d', start + days(1)])
    expect(await scheduled({ rotation_period: '24h' })).toStrictEqual(['24h', start + days(1)])
    expect(await scheduled({ auto_rotation: true, rotation_period: '86400s' })).toStrictEqual([
      '86400s',
      start + days(1),
    ])
    // Another length: one new period from now.
    expect(await scheduled({ rotation_period: '12h' })).toStrictEqual(['12h', start + hours(17)])
    // Turned off and on again with the same period: one period from now.
    await ok(env.csms.updateSecret('n', { auto_rotation: false }))
    env.clock.advance(hours(1))
    expect(await scheduled({ auto_rotation: true })).toStrictEqual(['12h', start + hours(18)])
  })

  it('refuses secrets pending deletion (CSMS.0103) and unknown ones (CSMS.0106)', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 30 }))
    await refused(env, env.csms.updateSecret('n', { description: 'd' }), code('CSMS.0103'))
    await refused(env, env.csms.updateSecret('m', { description: 'd' }), CsmsErrors.secretNotFound())
  })
})

describe('deleteSecret', () => {
  it('deletes at once, in any state, and frees the name', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    expect(await env.csms.deleteSecret('n')()).toStrictEqual(E.right({}))
    expect(await env.csms.showSecret('n')()).toStrictEqual(E.left(CsmsErrors.secretNotFound()))
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    await ok(env.csms.deleteSecret('n'))
    await refused(env, env.csms.deleteSecret('n'), CsmsErrors.secretNotFound())
  })
})

describe('deleteSecretForSchedule and restoreSecret', () => {
  it('keeps the quota around a deletion time: a restore and a create a moment later do not both hold', async () => {
    for (const latency of [0, 1, 3]) {
      const env = testCsms({ maxSecrets: 2 })
      await ok(env.csms.createSecret({ name: 'a', secret_string: 'v' }))
      await ok(env.csms.createSecret({ name: 'b', secret_string: 'v' }))
      // An expiry the restore notices first: one more store write before its own, which widens the race.
      await ok(env.csms.updateVersion('b', 'v1', { expire_time: start + days(1) }))
      await ok(env.csms.deleteSecretForSchedule('b', { recovery_window_in_days: 7 }))
      env.store.faults.setLatency(latency)
      // The restore starts 1 ms before the deletion time, the create 1 ms after it.
      env.clock.advance(days(7) - 1)
      const restoring = env.csms.restoreSecret('b')()
      env.clock.advance(2)
      const creating = env.csms.createSecret({ name: 'c', secret_string: 'v' })()
      const [restored, created] = await Promise.all([restoring, creating])
      expect(E.map((r: { secret: { state: string } }) => r.secret.state)(restored)).toStrictEqual(E.right('ENABLED'))
      expect(created).toStrictEqual(E.left(CsmsErrors.make('CSMS.0202')))
      env.store.faults.setLatency(0)
      expect((await ok(env.csms.listSecrets())).secrets.map((s) => s.name)).toStrictEqual(['a', 'b'])
    }
  })

  it('schedules the deletion 7 to 30 days ahead: PENDING_DELETE with scheduled_delete_time', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    const { secret } = await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    expect([secret.state, secret.scheduled_delete_time]).toStrictEqual(['PENDING_DELETE', start + days(7)])
    await ok(env.csms.createSecret({ name: 'm', secret_string: 'v' }))
    expect(
      (await ok(env.csms.deleteSecretForSchedule('m', { recovery_window_in_days: 30 }))).secret.scheduled_delete_time,
    ).toBe(start + days(30))
  })

  it('refuses windows outside 7 to 30 days, or missing', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    for (const recovery_window_in_days of [6, 31, 7.5, 0])
      await refused(
        env,
        env.csms.deleteSecretForSchedule('n', { recovery_window_in_days }),
        invalid('recovery_window_in_days'),
      )
    await refused(
      env,
      env.csms.request('POST', `/v1/${env.project}/secrets/n/scheduled-deleted-tasks/create`, {}),
      invalid('recovery_window_in_days'),
    )
    await refused(
      env,
      env.csms.request('POST', `/v1/${env.project}/secrets/n/scheduled-deleted-tasks/create`, {
        recovery_window_in_days: '7',
      }),
      invalid('recovery_window_in_days'),
    )
  })

  it('refuses scheduling twice with CSMS.0107 and cancelling what is not scheduled with CSMS.0108', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await refused(env, env.csms.restoreSecret('n'), code('CSMS.0108'))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    await refused(env, env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }), code('CSMS.0107'))
    await refused(env, env.csms.restoreSecret('m'), CsmsErrors.secretNotFound())
  })

  it('cancelling brings the secret back ENABLED with scheduled_delete_time null', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    env.clock.advance(days(7) - 1)
    const { secret } = await ok(env.csms.restoreSecret('n'))
    expect([secret.state, secret.scheduled_delete_time]).toStrictEqual(['ENABLED', null])
    expect((await ok(env.csms.showSecretVersion('n', 'latest'))).version.secret_string).toBe('v')
  })

  it('pending deletion: no values, no versions, no metadata updates; show and list work', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    await refused(env, env.csms.showSecretVersion('n', 'v1'), code('CSMS.0103'))
    await refused(env, env.csms.showSecretVersion('n', 'latest'), code('CSMS.0103'))
    await refused(env, env.csms.createSecretVersion('n', { secret_string: 'w' }), code('CSMS.0103'))
    await refused(env, env.csms.updateVersion('n', 'v1', { expire_time: start + days(1) }), code('CSMS.0103'))
    await refused(env, env.csms.updateSecretStage('n', 'custom', { version_id: 'v1' }), code('CSMS.0103'))
    await ok(env.csms.showSecret('n'))
    await ok(env.csms.listSecretVersions('n'))
    await ok(env.csms.showSecretStage('n', 'SYSCURRENT'))
  })

  it('is gone when the clock reaches scheduled_delete_time: 404 and the name is free', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    await ok(env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: 7 }))
    env.clock.advance(days(7) - 1)
    await ok(env.csms.showSecret('n'))
    env.clock.advance(1)
    expect(await env.csms.showSecret('n')()).toStrictEqual(E.left(CsmsErrors.secretNotFound()))
    expect(await env.csms.restoreSecret('n')()).toStrictEqual(E.left(CsmsErrors.secretNotFound()))
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
  })
})

describe('states in data', () => {
  it('DISABLED and FROZEN secrets show metadata but refuse values and versions with CSMS.0110', async () => {
    for (const state of ['DISABLED', 'FROZEN'] as const) {
      const env = testCsms()
      await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
      const stored = await ok(env.store.get('n'))
      if (stored._tag === 'None') return expect.fail('stored')
      await ok(env.store.commit('n', stored.value.revision, { ...stored.value.record, state }))
      expect((await ok(env.csms.showSecret('n'))).secret.state).toBe(state)
      await refused(env, env.csms.showSecretVersion('n', 'v1'), code('CSMS.0110'))
      await refused(env, env.csms.createSecretVersion('n', { secret_string: 'w' }), code('CSMS.0110'))
      await refused(env, env.csms.updateVersion('n', 'v1', { expire_time: start + 1 }), code('CSMS.0110'))
      await ok(env.csms.updateSecret('n', { description: 'still editable' }))
    }
  })
})
