import { CsmsErrors } from '@secrets-engine/huawei'
import { describe, expect, it } from 'vitest'
import { days, hours, ok, refused, start, testCsms, uuidPattern } from './support/csms.js'

const rds = {
  name: 'db',
  secret_type: 'RDS-FG',
  rotation_config: '{"InstanceId":"i-1","SecretSubType":"SingleUser"}',
  secret_string: JSON.stringify({ users: [{ name: 'admin', password: 'initial-password' }] }),
}

describe('rotateSecret', () => {
  it('writes a new SYSCURRENT version with fresh passwords; the old one becomes SYSPREVIOUS', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret(rds))
    env.clock.advance(5)
    const rotated = await ok(env.csms.rotateSecret('db'))
    expect(rotated.rotation_task_id).toMatch(uuidPattern)
    expect([rotated.version_id, rotated.secret_name]).toStrictEqual(['v2', 'db'])
    const { version } = await ok(env.csms.showSecretVersion('db', 'latest'))
    const value = JSON.parse(version.secret_string ?? '') as { users: Array<{ name: string; password: string }> }
    expect(value.users[0]?.name).toBe('admin')
    expect(value.users[0]?.password).toMatch(/^.{32}$/)
    expect(value.users[0]?.password).not.toBe('initial-password')
    expect((await ok(env.csms.showSecretStage('db', 'SYSPREVIOUS'))).stage.version_id).toBe('v1')
    expect((await ok(env.csms.showSecret('db'))).secret.rotation_time).toBe(start + 5)
  })

  it('refuses COMMON secrets (CSMS.0111), secrets pending deletion (CSMS.0103) and unknown ones', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'c', secret_string: 'v' }))
    await refused(env, env.csms.rotateSecret('c'), CsmsErrors.make('CSMS.0111'))
    await ok(env.csms.createSecret(rds))
    await ok(env.csms.deleteSecretForSchedule('db', { recovery_window_in_days: 7 }))
    await refused(env, env.csms.rotateSecret('db'), CsmsErrors.make('CSMS.0103'))
    await refused(env, env.csms.rotateSecret('x'), CsmsErrors.secretNotFound())
  })

  it('replaces a value that is not JSON with a fresh password', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, secret_string: 'plain' }))
    await ok(env.csms.rotateSecret('db'))
    expect((await ok(env.csms.showSecretVersion('db', 'v2'))).version.secret_string).toMatch(/^.{32}$/)
  })
})

describe('automatic rotation', () => {
  it('rotates RDS secrets when the clock reaches next_rotation_time, and schedules the next one', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    env.clock.advance(days(1) - 1)
    expect((await ok(env.csms.listSecretVersions('db'))).version_metadatas).toHaveLength(1)
    env.clock.advance(1)
    const { secret } = await ok(env.csms.showSecret('db'))
    expect([secret.rotation_time, secret.next_rotation_time]).toStrictEqual([start + days(1), start + days(2)])
    expect(
      (await ok(env.csms.listSecretVersions('db'))).version_metadatas.map((v) => [v.id, v.version_stages]),
    ).toStrictEqual([
      ['v1', ['SYSPREVIOUS']],
      ['v2', ['SYSCURRENT']],
    ])
  })

  it('keeps the schedule when noticed late: one version, and the next period of the schedule', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    // Two periods came due and a third began before anything read the secret.
    env.clock.advance(days(2) + hours(5))
    const { secret } = await ok(env.csms.showSecret('db'))
    expect([secret.rotation_time, secret.next_rotation_time]).toStrictEqual([
      start + days(2) + hours(5),
      start + days(3),
    ])
    expect((await ok(env.csms.listSecretVersions('db'))).version_metadatas.map((v) => v.id)).toStrictEqual(['v1', 'v2'])
    // RotateSecret, by contrast, starts the period again.
    env.clock.advance(hours(1))
    await ok(env.csms.rotateSecret('db'))
    const { secret: restarted } = await ok(env.csms.showSecret('db'))
    expect([restarted.rotation_time, restarted.next_rotation_time]).toStrictEqual([
      start + days(2) + hours(6),
      start + days(3) + hours(6),
    ])
  })

  it('a rotation that fails late tries again at the next period of the schedule', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    const [key] = await ok(env.keyring.listKeys())
    await ok(env.keyring.setKeyState(key?.keyId ?? '', 'Disabled'))
    env.clock.advance(days(1) + hours(5))
    const { secret } = await ok(env.csms.showSecret('db'))
    expect([secret.rotation_time, secret.next_rotation_time]).toStrictEqual([undefined, start + days(2)])
    expect((await ok(env.csms.listSecretTask())).tasks.map((t) => [t.task_status, t.task_time])).toStrictEqual([
      ['FAILED', start + days(1) + hours(5)],
    ])
  })

  it('a rotation that fails records a FAILED task, notifies, tries again a period later and locks nothing', async () => {
    const env = testCsms()
    const notification = { target_type: 'SMN', target_id: 'urn:smn:cn-north-4:p:topic', target_name: 'topic' }
    const types = ['SECRET_ROTATED', 'SECRET_ROTATED_FAILED']
    await ok(env.csms.createSecretEvent({ name: 'ev', event_types: types, state: 'ENABLED', notification }))
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d', event_subscriptions: ['ev'] }))
    const [key] = await ok(env.keyring.listKeys())
    await ok(env.keyring.setKeyState(key?.keyId ?? '', 'Disabled'))
    env.clock.advance(days(1))

    // The secret is still served; the next attempt is one period from the failure.
    const { secret } = await ok(env.csms.showSecret('db'))
    expect([secret.state, secret.rotation_time, secret.next_rotation_time, secret.update_time]).toStrictEqual([
      'ENABLED',
      undefined,
      start + days(2),
      start + days(1),
    ])
    expect((await ok(env.csms.listSecretVersions('db'))).version_metadatas.map((v) => v.id)).toStrictEqual(['v1'])
    const failed = await ok(env.csms.listSecretTask({ secret_name: 'db' }))
    expect(failed.tasks).toStrictEqual([
      {
        task_id: expect.stringMatching(uuidPattern),
        secret_name: 'db',
        task_status: 'FAILED',
        operate_type: 'SINGLE_USER',
        attempt_nums: 1,
        task_time: start + days(1),
        task_error_code: 'CSMS.0115',
        task_error_msg: 'The KMS key is not usable.',
      },
    ])
    expect(failed.tasks[0]?.task_id).toMatch(uuidPattern)
    expect((await ok(env.csms.listSecretTask({ status: 'FAILED' }))).total).toBe(1)
    const notified = async () =>
      (await ok(env.csms.listNotificationRecords())).records.map((r) => [r.trigger_event_type, r.create_time])
    expect(await notified()).toStrictEqual([['SECRET_ROTATED_FAILED', start + days(1)]])

    // Reading again before the next attempt records nothing more.
    await ok(env.csms.showSecret('db'))
    expect((await ok(env.csms.listSecretTask())).total).toBe(1)

    // One period later it tries again, and succeeds once the key works.
    env.clock.advance(days(1))
    await ok(env.csms.showSecret('db'))
    await ok(env.keyring.setKeyState(key?.keyId ?? '', 'Enabled'))
    env.clock.advance(days(1))
    const { secret: rotated } = await ok(env.csms.showSecret('db'))
    expect([rotated.rotation_time, rotated.next_rotation_time]).toStrictEqual([start + days(3), start + days(4)])
    expect((await ok(env.csms.listSecretTask())).tasks.map((t) => t.task_status)).toStrictEqual([
      'FAILED',
      'FAILED',
      'SUCCESS',
    ])
    expect(await notified()).toStrictEqual([
      ['SECRET_ROTATED_FAILED', start + days(1)],
      ['SECRET_ROTATED_FAILED', start + days(2)],
      ['SECRET_ROTATED', start + days(3)],
    ])
  })

  it('a failing rotation leaves the secret open to updates and deletion', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    await ok(env.csms.createSecret({ ...rds, name: 'db2', auto_rotation: true, rotation_period: '1d' }))
    const [key] = await ok(env.keyring.listKeys())
    await ok(env.keyring.setKeyState(key?.keyId ?? '', 'Disabled'))
    env.clock.advance(days(1))
    const { secret } = await ok(env.csms.updateSecret('db', { auto_rotation: false }))
    expect([secret.auto_rotation, secret.next_rotation_time]).toStrictEqual([false, undefined])
    await ok(env.csms.deleteSecret('db2'))
    await refused(env, env.csms.showSecret('db2'), CsmsErrors.secretNotFound())
    env.clock.advance(days(1))
    expect((await ok(env.csms.listSecretTask())).tasks.map((t) => [t.secret_name, t.task_status])).toStrictEqual([
      ['db', 'FAILED'],
    ])
  })

  it('leaves COMMON secrets alone', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'c', secret_string: 'v', auto_rotation: true, rotation_period: '6h' }))
    env.clock.advance(days(3))
    expect((await ok(env.csms.listSecretVersions('c'))).version_metadatas).toHaveLength(1)
  })
})

describe('generateRandomPassword', () => {
  it('gives 32 characters of the four classes by default', async () => {
    const env = testCsms()
    const { password } = await ok(env.csms.generateRandomPassword())
    expect(password).toHaveLength(32)
    expect(password).not.toContain(' ')
    // Each character is of one of the four classes (ASCII punctuation is every printable character
    // that is neither a letter, a digit nor a space), and each class turns up. The default does not
    // require every class in every password, so the classes are looked for across 20 of them.
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[!-/:-@[-`{-~]/]
    const passwords = [password]
    for (let i = 1; i < 20; i++) passwords.push((await ok(env.csms.generateRandomPassword())).password)
    for (const p of passwords) {
      expect(p).toHaveLength(32)
      expect([...p].filter((c) => !classes.some((r) => r.test(c)))).toStrictEqual([])
    }
    expect(classes.map((r) => passwords.some((p) => r.test(p)))).toStrictEqual([true, true, true, true])
  })

  it('honours length 8 to 128, exclusions, spaces and required types', async () => {
    const env = testCsms()
    for (const length of [8, 128])
      expect((await ok(env.csms.generateRandomPassword({ length }))).password).toHaveLength(length)
    for (const length of [7, 129, 32.5])
      await refused(env, env.csms.generateRandomPassword({ length }), CsmsErrors.invalidParameter('length'))
    const digits = (
      await ok(
        env.csms.generateRandomPassword({
          exclude_lowercase: true,
          exclude_uppercase: true,
          exclude_punctuation: true,
          exclude_characters: '0',
        }),
      )
    ).password
    expect(digits).toMatch(/^[1-9]{32}$/)
    const spaced = await ok(
      env.csms.generateRandomPassword({
        length: 8,
        exclude_lowercase: true,
        exclude_uppercase: true,
        exclude_numbers: true,
        exclude_punctuation: true,
        include_space: true,
      }),
    )
    expect(spaced.password).toBe(' '.repeat(8))
    for (let i = 0; i < 20; i++) {
      const { password } = await ok(env.csms.generateRandomPassword({ length: 8, require_each_included_type: true }))
      expect([/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].every((r) => r.test(password))).toBe(true)
    }
    await refused(
      env,
      env.csms.generateRandomPassword({
        exclude_lowercase: true,
        exclude_uppercase: true,
        exclude_numbers: true,
        exclude_punctuation: true,
      }),
      CsmsErrors.invalidParameter('exclude_characters'),
    )
  })
})

describe('listSecretTask', () => {
  it('lists every rotation as a SUCCESS task, filtered and paged', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret(rds))
    await ok(
      env.csms.createSecret({
        ...rds,
        name: 'multi',
        rotation_config: '{"InstanceId":"i","SecretSubType":"MultiUser"}',
      }),
    )
    const first = await ok(env.csms.rotateSecret('db'))
    env.clock.advance(1)
    const second = await ok(env.csms.rotateSecret('multi'))
    env.clock.advance(1)
    const third = await ok(env.csms.rotateSecret('db'))
    const all = await ok(env.csms.listSecretTask())
    expect(all.total).toBe(3)
    expect(all.tasks[1]).toStrictEqual({
      task_id: second.rotation_task_id,
      secret_name: 'multi',
      task_status: 'SUCCESS',
      operate_type: 'MULTI_USER',
      attempt_nums: 1,
      task_time: start + 1,
      task_error_code: '',
      task_error_msg: '',
    })
    expect((await ok(env.csms.listSecretTask({ secret_name: 'db' }))).tasks.map((t) => t.task_id)).toStrictEqual([
      first.rotation_task_id,
      third.rotation_task_id,
    ])
    expect((await ok(env.csms.listSecretTask({ task_id: third.rotation_task_id }))).tasks).toHaveLength(1)
    expect((await ok(env.csms.listSecretTask({ status: 'FAILED' }))).total).toBe(0)
    const page = await ok(env.csms.listSecretTask({ limit: '2' }))
    expect([page.tasks.length, page.next_marker]).toStrictEqual([2, second.rotation_task_id])
    const rest = await ok(env.csms.listSecretTask({ limit: '2', marker: second.rotation_task_id }))
    expect([rest.tasks.map((t) => t.task_id), rest.next_marker]).toStrictEqual([[third.rotation_task_id], undefined])
  })

  it('runs the automatic rotations that are due first, when nothing named the secret', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ ...rds, auto_rotation: true, rotation_period: '1d' }))
    env.clock.advance(days(1))
    expect((await ok(env.csms.listSecretTask())).tasks).toStrictEqual([
      {
        task_id: expect.stringMatching(uuidPattern),
        secret_name: 'db',
        task_status: 'SUCCESS',
        operate_type: 'SINGLE_USER',
        attempt_nums: 1,
        task_time: start + days(1),
        task_error_code: '',
        task_error_msg: '',
      },
    ])
  })

  it('checks its query', async () => {
    const env = testCsms()
    const id = '2d1152f2-290d-4756-a1d2-e12c14992416'
    await refused(env, env.csms.listSecretTask({ status: 'DONE' }), CsmsErrors.invalidParameter('status'))
    await refused(env, env.csms.listSecretTask({ task_id: 'x' }), CsmsErrors.invalidParameter('task_id'))
    await refused(
      env,
      env.csms.listSecretTask({ task_id: id, secret_name: 'db' }),
      CsmsErrors.invalidParameter('task_id'),
    )
    await refused(env, env.csms.listSecretTask({ secret_name: 'a.b' }), CsmsErrors.invalidParameter('secret_name'))
    await refused(env, env.csms.listSecretTask({ marker: 'm' }), CsmsErrors.invalidParameter('marker'))
    await refused(env, env.csms.listSecretTask({ limit: '0' }), CsmsErrors.invalidParameter('limit'))
  })
})
