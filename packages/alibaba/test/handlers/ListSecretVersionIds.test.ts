import { ApiErrors } from '@secrets-engine/alibaba'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic, scheduleDeletion } from '../support/versions.js'

const name = generic.SecretName

/** v1 (00:00:00) unlabeled, v2 (00:00:01) ACSPrevious, v3 (00:00:02) ACSCurrent + Next. */
const setup = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  t.clock.advance(1_000)
  await t.engine.putSecretValue({ SecretName: name, VersionId: 'v2', SecretData: 'two' })()
  t.clock.advance(1_000)
  await t.engine.putSecretValue({
    SecretName: name,
    VersionId: 'v3',
    SecretData: 'three',
    VersionStages: '["ACSCurrent","Next"]',
  })()
  return t
}

const entry = (id: string, second: number, stages: ReadonlyArray<string>) => ({
  VersionId: id,
  CreateTime: `2026-01-01T00:00:0${second}Z`,
  VersionStages: { VersionStage: stages },
})
const v1 = entry('v1', 0, [])
const v2 = entry('v2', 1, ['ACSPrevious'])
const v3 = entry('v3', 2, ['ACSCurrent', 'Next'])
const page = (pageNumber: number, pageSize: number, total: number, items: ReadonlyArray<ReturnType<typeof entry>>) =>
  E.right({
    SecretName: name,
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    VersionIds: { VersionId: items },
  })

describe('ListSecretVersionIds', () => {
  it('lists labelled versions oldest first, 20 to a page by default, and never a value', async () => {
    const { engine } = await setup()
    const listed = await engine.listSecretVersionIds({ SecretName: name })()
    expect(withoutRequestId(listed)).toStrictEqual(page(1, 20, 2, [v2, v3]))
    expect(JSON.stringify(listed)).not.toMatch(/s3cr3t|two|three/)
  })

  it('lists unlabeled versions too with IncludeDeprecated=true', async () => {
    const { engine } = await setup()
    expect(
      withoutRequestId(await engine.listSecretVersionIds({ SecretName: name, IncludeDeprecated: 'true' })()),
    ).toStrictEqual(page(1, 20, 3, [v1, v2, v3]))
    expect(
      withoutRequestId(await engine.listSecretVersionIds({ SecretName: name, IncludeDeprecated: 'false' })()),
    ).toStrictEqual(page(1, 20, 2, [v2, v3]))
  })

  it('pages with PageNumber and PageSize; TotalCount counts every match', async () => {
    const { engine } = await setup()
    const list = (n: string, s: string) =>
      engine.listSecretVersionIds({ SecretName: name, IncludeDeprecated: 'true', PageNumber: n, PageSize: s })()
    expect(withoutRequestId(await list('1', '2'))).toStrictEqual(page(1, 2, 3, [v1, v2]))
    expect(withoutRequestId(await list('2', '2'))).toStrictEqual(page(2, 2, 3, [v3]))
    expect(withoutRequestId(await list('3', '2'))).toStrictEqual(page(3, 2, 3, []))
    expect(withoutRequestId(await list('2147483647', '100'))).toStrictEqual(page(2147483647, 100, 3, []))
    expect(withoutRequestId(await list('1', '1'))).toStrictEqual(page(1, 1, 3, [v1]))
  })

  it('refuses PageSize outside 1 to 100 and PageNumber below 1 or not an integer', async () => {
    const { engine } = await setup()
    const size = ApiErrors.invalidParameter('PageSize', 'It must be an integer from 1 to 100.')
    const number = ApiErrors.invalidParameter('PageNumber', 'It must be an integer from 1 to 2147483647.')
    for (const bad of ['0', '101', '-1', '1.5', '1e1', 'ten', ' 5', '+5', '99999999999']) {
      expect(await engine.request('ListSecretVersionIds', { SecretName: name, PageSize: bad })()).toStrictEqual(
        E.left(size),
      )
    }
    for (const bad of ['0', '-1', '2.0', 'one', '2147483648', '0x10']) {
      expect(await engine.request('ListSecretVersionIds', { SecretName: name, PageNumber: bad })()).toStrictEqual(
        E.left(number),
      )
    }
    expect(E.isRight(await engine.request('ListSecretVersionIds', { SecretName: name, PageSize: '100' })())).toBe(true)
    expect(E.isRight(await engine.request('ListSecretVersionIds', { SecretName: name, PageSize: '1' })())).toBe(true)
  })

  it('refuses an IncludeDeprecated other than true or false, and requires SecretName', async () => {
    const { engine } = await setup()
    expect(
      await engine.request('ListSecretVersionIds', { SecretName: name, IncludeDeprecated: 'yes' })(),
    ).toStrictEqual(E.left(ApiErrors.invalidParameter('IncludeDeprecated', 'It must be true or false.')))
    expect(await engine.request('ListSecretVersionIds', {})()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
  })

  it('answers an unknown secret with 404, accepts the ARN, and reads a secret pending deletion', async () => {
    const { engine, store, clock } = await setup()
    expect(await engine.listSecretVersionIds({ SecretName: 'nope' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password'
    expect(withoutRequestId(await engine.listSecretVersionIds({ SecretName: arn })())).toStrictEqual(
      page(1, 20, 2, [v2, v3]),
    )
    await scheduleDeletion(store, name, clock.now().getTime() + 86_400_000)
    expect(withoutRequestId(await engine.listSecretVersionIds({ SecretName: name })())).toStrictEqual(
      page(1, 20, 2, [v2, v3]),
    )
    clock.advance(86_400_000)
    expect(await engine.listSecretVersionIds({ SecretName: name })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
  })

  it('the pages of any size cover the matching versions once, in order (property)', async () => {
    const { engine } = await setup()
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100 }), fc.boolean(), async (size, all) => {
        const ids: Array<string> = []
        for (let n = 1; n <= 4; n++) {
          const r = await engine.listSecretVersionIds({
            SecretName: name,
            IncludeDeprecated: all ? 'true' : 'false',
            PageNumber: String(n),
            PageSize: String(size),
          })()
          if (E.isRight(r)) ids.push(...r.right.VersionIds.VersionId.map((v) => v.VersionId))
        }
        expect(ids).toStrictEqual(all ? ['v1', 'v2', 'v3'] : ['v2', 'v3'])
      }),
      { numRuns: 40 },
    )
  })
})
