import { CsmsErrors } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { blobOfDeleted, days, ok, refused, start, testCsms } from './support/csms.js'

const setup = async () => {
  const env = testCsms()
  const { secret } = await ok(env.csms.createSecret({ name: 's', secret_string: 'first-value', description: 'd' }))
  await ok(env.csms.createSecretVersion('s', { secret_binary: 'AAEC', version_stages: ['staging'] }))
  await ok(env.csms.createSecretTag(secret.id, { tag: { key: 'env', value: 'prod' } }))
  return { ...env, id: secret.id }
}

describe('downloadSecretBlob and uploadSecretBlob', () => {
  it('backs a secret up as an encrypted blob and restores it, versions, stages and tags, once the name is free', async () => {
    const env = await setup()
    const before = await ok(env.csms.showSecret('s'))
    const { secret_blob } = await ok(env.csms.downloadSecretBlob('s'))
    expect(secret_blob.startsWith(')CloudSecretManagementBackupV1.com')).toBe(true)
    expect(secret_blob).not.toContain('first-value')
    expect(Buffer.from(secret_blob.slice(34), 'base64url').toString('latin1')).not.toContain('first-value')
    await refused(env, env.csms.uploadSecretBlob({ secret_blob }), CsmsErrors.make('CSMS.0109'))
    await ok(env.csms.deleteSecret('s'))
    env.clock.advance(1_000)
    const restored = await ok(env.csms.uploadSecretBlob({ secret_blob }))
    expect(restored).toStrictEqual({ secret: { ...before.secret, update_time: start + 1_000 } })
    expect((await ok(env.csms.showSecretVersion('s', 'v1'))).version.secret_string).toBe('first-value')
    expect((await ok(env.csms.showSecretVersion('s', 'v2'))).version.secret_binary).toBe('AAEC')
    expect((await ok(env.csms.showSecretStage('s', 'staging'))).stage.version_id).toBe('v2')
    expect((await ok(env.csms.listSecretTags(env.id))).tags).toStrictEqual([{ key: 'env', value: 'prod' }])
    expect((await ok(env.csms.createSecretVersion('s', { secret_string: 'x' }))).version_metadata.id).toBe('v3')
  })

  it('refuses a name pending deletion with CSMS.0107 and restores it after the deletion', async () => {
    const env = await setup()
    const { secret_blob } = await ok(env.csms.downloadSecretBlob('s'))
    await ok(env.csms.deleteSecretForSchedule('s', { recovery_window_in_days: 7 }))
    await refused(env, env.csms.uploadSecretBlob({ secret_blob }), CsmsErrors.make('CSMS.0107'))
    await refused(env, env.csms.downloadSecretBlob('s'), CsmsErrors.make('CSMS.0103'))
    env.clock.advance(days(7))
    expect((await ok(env.csms.uploadSecretBlob({ secret_blob }))).secret.state).toBe('ENABLED')
  })

  it('refuses blobs that are altered, foreign or malformed with CSMS.0112', async () => {
    const env = await setup()
    const { secret_blob } = await ok(env.csms.downloadSecretBlob('s'))
    await ok(env.csms.deleteSecret('s'))
    const flipped = secret_blob.slice(0, -2) + (secret_blob.endsWith('A') ? 'B' : 'A') + secret_blob.slice(-1)
    const other = testCsms({ seed: 2 })
    await ok(other.csms.createSecret({ name: 's', secret_string: 'v' }))
    const foreign = (await ok(other.csms.downloadSecretBlob('s'))).secret_blob
    for (const blob of [
      flipped,
      foreign,
      'nonsense',
      ')CloudSecretManagementBackupV1.com',
      secret_blob.slice(1),
      `${secret_blob}!`,
    ])
      await refused(env, env.csms.uploadSecretBlob({ secret_blob: blob }), CsmsErrors.make('CSMS.0112'))
    await refused(
      env,
      env.csms.request('POST', `/v1/${env.project}/secrets/restore`, {}),
      CsmsErrors.invalidParameter('secret_blob'),
    )
    await refused(env, env.csms.downloadSecretBlob('missing'), CsmsErrors.secretNotFound())
  })

  it('respects the secret quota on restore (CSMS.0202)', async () => {
    const env = testCsms({ maxSecrets: 1 })
    const secret_blob = await blobOfDeleted(env, 'a')
    await ok(env.csms.createSecret({ name: 'b', secret_string: 'v' }))
    expect(await env.csms.uploadSecretBlob({ secret_blob })()).toStrictEqual(E.left(CsmsErrors.make('CSMS.0202')))
    // A secret past its deletion time no longer counts, though the store still holds it.
    await ok(env.csms.deleteSecretForSchedule('b', { recovery_window_in_days: 7 }))
    env.clock.advance(days(7))
    expect((await ok(env.csms.uploadSecretBlob({ secret_blob }))).secret.name).toBe('a')
  })
})
