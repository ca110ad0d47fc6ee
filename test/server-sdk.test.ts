// End to end: each official Alibaba Cloud Node client, unmodified, runs a secret's whole lifecycle
// against a server started here on 127.0.0.1, with signatures verified, and gets the exact error
// code the cloud gives for a missing secret, a duplicate name and an invalid parameter. Steps run in
// order and each is its own test, so a report names the step (and the operation) that fails.
import { startServer, type RunningServer } from '@secrets-engine/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kms120, openApiClient, popCore, thrown, type Body, type SdkClient } from './server-clients.js'

const clients: ReadonlyArray<readonly [string, (server: RunningServer) => SdkClient]> = [
  ['pop-core GET', (s) => popCore(s, 'GET')],
  ['pop-core POST', (s) => popCore(s, 'POST')],
  ['openapi-client ACS3-HMAC-SHA256', (s) => openApiClient(s, 'v3')],
  ['openapi-client HMAC-SHA1', (s) => openApiClient(s, 'v2')],
  ['kms20160120 1.2.0', (s) => kms120(s)],
]

const stages = (body: Body): unknown => (body['VersionStages'] as { VersionStage?: unknown } | undefined)?.VersionStage
const tags = (body: Body): unknown => (body['Tags'] as { Tag?: unknown } | undefined)?.Tag

describe.each(clients)('%s', (_label, connect) => {
  let server: RunningServer
  let client: SdkClient
  // A name per client, so that the runs cannot see each other's secrets.
  const name = `e2e/${_label.replace(/[^A-Za-z0-9]+/g, '-')}`
  const call = (action: string, params: Record<string, string>): Promise<Body> => client.call(action, params)

  beforeAll(async () => {
    server = await startServer()
    client = connect(server)
  })
  afterAll(() => server.close())

  it('CreateSecret', async () => {
    const body = await call('CreateSecret', {
      SecretName: name,
      VersionId: 'v1',
      SecretData: 'first value: = & + % ü 秘密',
      Tags: JSON.stringify([{ TagKey: 'env', TagValue: 'test' }]),
    })
    expect(body).toMatchObject({
      SecretName: name,
      VersionId: 'v1',
      Arn: `acs:kms:cn-hangzhou:1234567890123456:secret/${name}`,
    })
    expect(body).not.toHaveProperty('Code')
  })

  it('GetSecretValue', async () => {
    const body = await call('GetSecretValue', { SecretName: name })
    expect(body).toMatchObject({ SecretName: name, VersionId: 'v1', SecretData: 'first value: = & + % ü 秘密' })
    expect(stages(body)).toStrictEqual(['ACSCurrent'])
  })

  it('PutSecretValue', async () => {
    const body = await call('PutSecretValue', { SecretName: name, VersionId: 'v2', SecretData: 'second value' })
    expect(body).toMatchObject({ SecretName: name, VersionId: 'v2' })
    const current = await call('GetSecretValue', { SecretName: name })
    expect(current).toMatchObject({ VersionId: 'v2', SecretData: 'second value' })
  })

  it('UpdateSecretVersionStage moves ACSCurrent back to v1', async () => {
    await call('UpdateSecretVersionStage', {
      SecretName: name,
      VersionStage: 'ACSCurrent',
      RemoveFromVersion: 'v2',
      MoveToVersion: 'v1',
    })
    expect(await call('GetSecretValue', { SecretName: name })).toMatchObject({ VersionId: 'v1' })
    expect(await call('GetSecretValue', { SecretName: name, VersionStage: 'ACSPrevious' })).toMatchObject({
      VersionId: 'v2',
      SecretData: 'second value',
    })
  })

  it('ListSecrets with a name filter', async () => {
    await call('CreateSecret', { SecretName: `${name}-other`, VersionId: 'v1', SecretData: 'other' })
    const body = await call('ListSecrets', {
      Filters: JSON.stringify([{ Key: 'SecretName', Values: [name] }]),
      FetchTags: 'true',
    })
    expect(body['TotalCount']).toBe(1)
    const secrets = (body['SecretList'] as { Secret: ReadonlyArray<Body> }).Secret
    expect(secrets.map((s) => s['SecretName'])).toStrictEqual([name])
  })

  it('DescribeSecret', async () => {
    const body = await call('DescribeSecret', { SecretName: name, FetchTags: 'true' })
    expect(body).toMatchObject({ SecretName: name, Arn: `acs:kms:cn-hangzhou:1234567890123456:secret/${name}` })
    expect(tags(body)).toStrictEqual([{ TagKey: 'env', TagValue: 'test' }])
  })

  it('TagResource', async () => {
    await call('TagResource', { SecretName: name, Tags: JSON.stringify([{ TagKey: 'team', TagValue: 'core' }]) })
    const body = await call('DescribeSecret', { SecretName: name, FetchTags: 'true' })
    expect(tags(body)).toEqual(
      expect.arrayContaining([
        { TagKey: 'env', TagValue: 'test' },
        { TagKey: 'team', TagValue: 'core' },
      ]),
    )
  })

  it('DeleteSecret with a 7-day recovery window', async () => {
    const body = await call('DeleteSecret', { SecretName: name, RecoveryWindowInDays: '7' })
    expect(body).toMatchObject({ SecretName: name })
    expect(typeof body['PlannedDeleteTime']).toBe('string')
    expect(await thrown(call('GetSecretValue', { SecretName: name }))).toStrictEqual({
      code: client.codeOf('Rejected.ResourceInDeleteWindow'),
      status: 409,
    })
  })

  it('RestoreSecret', async () => {
    expect(await call('RestoreSecret', { SecretName: name })).toMatchObject({ SecretName: name })
    expect(await call('GetSecretValue', { SecretName: name })).toMatchObject({ VersionId: 'v1' })
  })

  it('DeleteSecret with ForceDeleteWithoutRecovery', async () => {
    await call('DeleteSecret', { SecretName: name, ForceDeleteWithoutRecovery: 'true' })
    expect(await thrown(call('GetSecretValue', { SecretName: name }))).toStrictEqual({
      code: client.codeOf('Forbidden.ResourceNotFound'),
      status: 404,
    })
  })

  it('a missing secret is 404 Forbidden.ResourceNotFound', async () => {
    expect(await thrown(call('GetSecretValue', { SecretName: 'no/such/secret' }))).toStrictEqual({
      code: client.codeOf('Forbidden.ResourceNotFound'),
      status: 404,
    })
  })

  it('a duplicate name is 409 Rejected.ResourceExist', async () => {
    await call('CreateSecret', { SecretName: `${name}-dup`, VersionId: 'v1', SecretData: 'x' })
    expect(
      await thrown(call('CreateSecret', { SecretName: `${name}-dup`, VersionId: 'v1', SecretData: 'x' })),
    ).toStrictEqual({ code: client.codeOf('Rejected.ResourceExist'), status: 409 })
  })

  it('an invalid parameter is 400 InvalidParameter', async () => {
    expect(
      await thrown(call('CreateSecret', { SecretName: 'not#valid', VersionId: 'v1', SecretData: 'x' })),
    ).toStrictEqual({ code: client.codeOf('InvalidParameter'), status: 400 })
  })
})
