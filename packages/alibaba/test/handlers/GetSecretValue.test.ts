import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { testEngine } from '../../../../test/support/engine.js'
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
