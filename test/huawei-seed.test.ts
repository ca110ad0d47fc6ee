// Seed 004 (Huawei CSMS CreateSecret): the documented example request, and the documented example
// response's shape, end to end through `request` on the REST path.
import { createCsms } from '@secrets-engine/huawei'
import { Random } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { uuidPattern } from '../packages/huawei/test/support/csms.js'

const project = '2b31ed520b8a4a6cbebedb6e57c1a7e5'
const at = 1581507580000

const engine = () => createCsms({ projectId: project, random: Random.seeded(4), now: () => new Date(at) })

describe('seed 004: CreateSecret', () => {
  it('answers the example request with the secret, under the named key', async () => {
    const csms = engine()
    const result = await csms.request('POST', `/v1/${project}/secrets`, {
      name: 'demo',
      kms_key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
      secret_string: 'this is a demo secret string',
    })()
    if (E.isLeft(result)) return expect.fail(JSON.stringify(result.left))
    const secret = result.right['secret'] as Record<string, unknown>
    expect(secret).toStrictEqual({
      id: expect.stringMatching(uuidPattern),
      name: 'demo',
      state: 'ENABLED',
      kms_key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
      description: '',
      create_time: at,
      update_time: at,
      scheduled_delete_time: null,
      secret_type: 'COMMON',
      auto_rotation: false,
      event_subscriptions: [],
      enterprise_project_id: '0',
    })
    const value = await csms.request('GET', `/v1/${project}/secrets/demo/versions/latest`)()
    expect(
      E.map((b: Record<string, unknown>) => (b['version'] as Record<string, unknown>)['secret_string'])(value),
    ).toStrictEqual(E.right('this is a demo secret string'))
  })

  it('gives every field of the example response, with its type, for a rotating RDS secret', async () => {
    const example = {
      secret: {
        id: 'bb6a3d22-dc93-47ac-b5bd-88df7ad35f1e',
        name: 'test',
        state: 'ENABLED',
        kms_key_id: 'b168fe00ff56492495a7d22974df2d0b',
        description: 'description',
        create_time: 1581507580000,
        update_time: 1581507580000,
        scheduled_delete_time: 1581507580000,
        secret_type: 'RDS',
        auto_rotation: true,
        rotation_config: "{'RDSInstanceId':'63616bceef2c45409575d762a498318bin01','SecretSubType':'MultiUser'}",
        rotation_period: '1d',
        rotation_time: 1668567940000,
        next_rotation_time: 1668629140000,
        event_subscriptions: ['pocEvent'],
      },
    }
    const csms = engine()
    await csms.events.commit('pocEvent', 'absent', {
      eventId: '6c4e1f2a-0d5b-4c8e-9f7a-3b2d1e0f9a8b',
      name: 'pocEvent',
      eventTypes: ['SECRET_VERSION_CREATED'],
      state: 'ENABLED',
      notification: { target_type: 'SMN', target_id: 'urn:smn:r:p:t', target_name: 't' },
      createTime: at,
      updateTime: at,
    })()
    await csms.createSecret({
      name: 'test',
      kms_key_id: 'b168fe00ff56492495a7d22974df2d0b',
      description: 'description',
      secret_string: JSON.stringify({ users: [{ name: 'admin', password: 'initial' }] }),
      secret_type: 'RDS',
      auto_rotation: true,
      rotation_period: '1d',
      rotation_config: example.secret.rotation_config,
      event_subscriptions: ['pocEvent'],
    })()
    // Rotation time and scheduled deletion appear once they happen: rotate, then schedule.
    await csms.rotateSecret('test')()
    const scheduled = await csms.deleteSecretForSchedule('test', { recovery_window_in_days: 7 })()
    if (E.isLeft(scheduled)) return expect.fail(JSON.stringify(scheduled.left))
    const secret: Record<string, unknown> = { ...scheduled.right.secret }
    for (const [field, value] of Object.entries(example.secret)) {
      expect([field, typeof secret[field]]).toStrictEqual([field, typeof value])
    }
    expect(secret).toMatchObject({
      name: 'test',
      kms_key_id: 'b168fe00ff56492495a7d22974df2d0b',
      description: 'description',
      secret_type: 'RDS',
      auto_rotation: true,
      rotation_config: example.secret.rotation_config,
      rotation_period: '1d',
      rotation_time: at,
      next_rotation_time: at + 86_400_000,
      scheduled_delete_time: at + 7 * 86_400_000,
      event_subscriptions: ['pocEvent'],
    })
  })
})
