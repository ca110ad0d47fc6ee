import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { hours, testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { fixtures, read } from '../rotating.js'

// The version a GetSecretValue names, for the secret types that rotate: only ACSCurrent and
// ACSPrevious exist for them, and VersionId is ignored (S-META24).

/** rds-single with v1 (ACSPrevious) and v2 (ACSCurrent). */
const rotated = async () => {
  const t = testEngine()
  await t.engine.createSecret(fixtures.rds)()
  await t.engine.rotateSecret({ SecretName: fixtures.rds.SecretName, VersionId: 'v2' })()
  return t
}

const versionOf = (r: E.Either<unknown, { readonly VersionId: string }>) =>
  E.map((b: { VersionId: string }) => b.VersionId)(r)

describe('GetSecretValue on a non-generic secret', () => {
  it('refuses a stage other than ACSCurrent and ACSPrevious with 400, even with a VersionId', async () => {
    const { engine } = await rotated()
    const refused = E.left(
      ApiErrors.invalidParameter('VersionStage', 'This secret type has only ACSCurrent and ACSPrevious.'),
    )
    for (const request of [
      { SecretName: 'rds-single', VersionStage: 'Custom' },
      { SecretName: 'rds-single', VersionStage: 'Custom', VersionId: 'v1' },
      { SecretName: 'rds-single', VersionStage: 'acscurrent' },
    ]) {
      expect(await engine.getSecretValue(request)()).toStrictEqual(refused)
    }
  })

  it('ignores VersionId: alone it reads ACSCurrent, with a stage it reads that stage', async () => {
    const { engine } = await rotated()
    expect(versionOf(await engine.getSecretValue({ SecretName: 'rds-single', VersionId: 'v1' })())).toStrictEqual(
      E.right('v2'),
    )
    expect(versionOf(await engine.getSecretValue({ SecretName: 'rds-single', VersionId: 'nope' })())).toStrictEqual(
      E.right('v2'),
    )
    // A VersionId that does not carry the stage is no mismatch here: it is not looked at.
    expect(
      versionOf(
        await engine.getSecretValue({ SecretName: 'rds-single', VersionId: 'v2', VersionStage: 'ACSPrevious' })(),
      ),
    ).toStrictEqual(E.right('v1'))
    expect(await read(engine, 'rds-single', 'ACSPrevious')).toMatchObject({
      VersionId: 'v1',
      VersionStages: { VersionStage: ['ACSPrevious'] },
    })
  })
})

describe('GetSecretValue: SecretData in the shape S-META24 gives each secret type', () => {
  /** One secret of each typed shape, created at 00:00 and read an hour later. */
  const created = async () => {
    const t = testEngine()
    for (const fixture of [fixtures.rds, fixtures.redis, fixtures.ram, fixtures.ecsPassword, fixtures.ecsSsh]) {
      const got = await t.engine.createSecret(fixture)()
      if (E.isLeft(got)) throw new Error(got.left.message)
    }
    t.clock.advance(hours(1))
    return t
  }
  const response = (SecretName: string, SecretType: string, SecretData: string) => ({
    SecretName,
    VersionId: 'v1',
    SecretData,
    SecretDataType: 'text',
    SecretType,
    CreateTime: '2026-01-01T00:00:00Z',
    VersionStages: { VersionStage: ['ACSCurrent'] },
    AutomaticRotation: 'Disabled',
  })
  const ram = response(
    'acs/ram/user/alice',
    'RAMCredentials',
    '{"AccessKeyId":"LTAIold","AccessKeySecret":"old-secret","GenerateTimestamp":"2026-01-01T00:00:00Z"}',
  )

  it('reads one account of Rds and Redis, one key of RAMCredentials with its GenerateTimestamp, ECS as stored', async () => {
    const { engine } = await created()
    const expected = [
      response('rds-single', 'Rds', '{"AccountName":"user1","AccountPassword":"old-password"}'),
      response('redis', 'Redis', '{"AccountName":"app","AccountPassword":"old-password"}'),
      ram,
      response('acs/ecs/web', 'ECS', '{"UserName":"root","Password":"old-password"}'),
      response(
        'acs/ecs/ssh',
        'ECS',
        '{"UserName":"root","PublicKey":"ssh-ed25519 old","PrivateKey":"old-private-key"}',
      ),
    ]
    for (const body of expected) {
      expect(withoutRequestId(await engine.getSecretValue({ SecretName: body.SecretName })())).toStrictEqual(
        E.right(body),
      )
    }
  })

  it('BatchGetSecretValue reads each entry in the same shape', async () => {
    const { engine } = await created()
    expect(
      withoutRequestId(await engine.batchGetSecretValue({ SecretsList: '[{"SecretName":"acs/ram/user/alice"}]' })()),
    ).toStrictEqual(E.right({ SecretValues: [ram], Errors: [] }))
  })
})
