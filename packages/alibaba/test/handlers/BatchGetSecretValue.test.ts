import { ApiErrors } from '@secrets-engine/alibaba'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic, scheduleDeletion } from '../support/versions.js'

const rds = {
  SecretName: 'mydb',
  VersionId: 'r1',
  SecretData: '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}',
  SecretType: 'Rds',
  ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}',
} as const

/** db-password: v1 ACSPrevious "s3cr3t", v2 ACSCurrent "two"; other: o1 "other"; mydb (Rds). */
const setup = async () => {
  const t = testEngine()
  await t.engine.createSecret(generic)()
  await t.engine.putSecretValue({ SecretName: generic.SecretName, VersionId: 'v2', SecretData: 'two' })()
  await t.engine.createSecret({ SecretName: 'other', VersionId: 'o1', SecretData: 'other' })()
  await t.engine.createSecret(rds)()
  return t
}
const batch = (list: unknown) => ({ SecretsList: JSON.stringify(list) })
const value = (secretName: string, versionId: string, data: string, stages: ReadonlyArray<string>) => ({
  SecretName: secretName,
  VersionId: versionId,
  SecretData: data,
  SecretDataType: 'text',
  SecretType: 'Generic',
  CreateTime: '2026-01-01T00:00:00Z',
  VersionStages: { VersionStage: stages },
})
const shape =
  'a JSON array of 1 to 20 entries {"SecretName":"","VersionId":"","VersionStage":"","FetchExtendedConfig":"false"}'

describe('BatchGetSecretValue', () => {
  it('reads each secret as GetSecretValue would, in request order', async () => {
    const { engine } = await setup()
    const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/other'
    const got = await engine.batchGetSecretValue(
      batch([
        { SecretName: 'db-password' },
        { SecretName: 'db-password', VersionId: 'v1' },
        { SecretName: 'db-password', VersionStage: 'ACSPrevious' },
        { SecretName: arn, VersionId: 'o1', VersionStage: 'ACSCurrent' },
      ]),
    )()
    expect(withoutRequestId(got)).toStrictEqual(
      E.right({
        SecretValues: [
          value('db-password', 'v2', 'two', ['ACSCurrent']),
          value('db-password', 'v1', 's3cr3t', ['ACSPrevious']),
          value('db-password', 'v1', 's3cr3t', ['ACSPrevious']),
          value('other', 'o1', 'other', ['ACSCurrent']),
        ],
        Errors: [],
      }),
    )
    for (const params of [{ SecretName: 'db-password' }, { SecretName: 'db-password', VersionId: 'v1' }]) {
      const single = withoutRequestId(await engine.getSecretValue(params)())
      const many = withoutRequestId(await engine.batchGetSecretValue(batch([params]))())
      expect(E.map((b: { SecretValues: ReadonlyArray<unknown> }) => b.SecretValues)(many)).toStrictEqual(
        E.map((b: unknown) => [b])(single),
      )
    }
  })

  it('reports secrets that cannot be read in Errors, with their code and numeric status', async () => {
    const { engine, store, clock } = await setup()
    await scheduleDeletion(store, 'other', clock.now().getTime() + 86_400_000)
    const got = await engine.batchGetSecretValue(
      batch([
        { SecretName: 'nope' },
        { SecretName: 'db-password', VersionId: 'v9' },
        { SecretName: 'other' },
        { SecretName: 'db-password', VersionId: 'v2', VersionStage: 'ACSPrevious' },
        { SecretName: 'db-password', VersionId: '', VersionStage: '' },
      ]),
    )()
    const error = (secretName: string, e: { code: string; httpStatus: number; message: string }) => ({
      SecretName: secretName,
      Code: e.code,
      HttpStatus: e.httpStatus,
      Message: e.message,
    })
    expect(withoutRequestId(got)).toStrictEqual(
      E.right({
        SecretValues: [value('db-password', 'v2', 'two', ['ACSCurrent'])],
        Errors: [
          error('nope', ApiErrors.resourceNotFound()),
          error('db-password', ApiErrors.resourceNotFound()),
          error('other', ApiErrors.resourceInDeleteWindow()),
          error('db-password', ApiErrors.invalidParameter('VersionStage', 'The version does not carry this stage.')),
        ],
      }),
    )
    expect(E.isRight(got) && got.right.Errors.map((e) => [e.Code, e.HttpStatus])).toStrictEqual([
      ['Forbidden.ResourceNotFound', 404],
      ['Forbidden.ResourceNotFound', 404],
      ['Rejected.ResourceInDeleteWindow', 409],
      ['InvalidParameter', 400],
    ])
  })

  it('returns ExtendedConfig and rotation fields of a non-generic secret as GetSecretValue does', async () => {
    const { engine } = await setup()
    for (const flag of ['true', true, 'false', false, undefined]) {
      const params = flag === undefined ? { SecretName: 'mydb' } : { SecretName: 'mydb', FetchExtendedConfig: flag }
      const got = await engine.batchGetSecretValue(batch([params]))()
      const single = await engine.getSecretValue({
        SecretName: 'mydb',
        FetchExtendedConfig: flag === 'true' || flag === true ? 'true' : 'false',
      })()
      const batched = E.isRight(got) ? got.right.SecretValues[0] : undefined
      expect(batched?.ExtendedConfig).toBe(E.isRight(single) ? single.right.ExtendedConfig : 'unreadable')
      expect(batched?.AutomaticRotation).toBe('Disabled')
    }
  })

  it('takes 20 entries and refuses 21, an empty list, or a malformed one (400, the whole request)', async () => {
    const { engine } = await setup()
    const twenty = Array.from({ length: 20 }, () => ({ SecretName: 'db-password' }))
    const ok = await engine.batchGetSecretValue(batch(twenty))()
    expect(E.isRight(ok) && ok.right.SecretValues.length).toBe(20)
    const invalid = (reason: string) => E.left(ApiErrors.invalidParameter('SecretsList', reason))
    const cases: ReadonlyArray<readonly [string, ReturnType<typeof invalid>]> = [
      [JSON.stringify([...twenty, { SecretName: 'db-password' }]), invalid('It must hold 1 to 20 entries.')],
      ['[]', invalid('It must hold 1 to 20 entries.')],
      ['[{"SecretName":"db-password"}', invalid(`It must be ${shape}, and it is not valid JSON.`)],
      ['{"SecretName":"db-password"}', invalid(`It must be ${shape}.`)],
      ['"db-password"', invalid(`It must be ${shape}.`)],
      ['[{}]', invalid('"[0].SecretName" must be a non-empty string.')],
      ['[{"SecretName":""}]', invalid('"[0].SecretName" must be a non-empty string.')],
      ['[{"SecretName":"a"},"b"]', invalid('"[1]" must be { SecretName: a non-empty string }.')],
      ['[{"SecretName":"a","VersionId":1}]', invalid('"[0].VersionId" must be string.')],
      [
        '[{"SecretName":"a","FetchExtendedConfig":"yes"}]',
        invalid('"[0].FetchExtendedConfig" must be "true" or "false".'),
      ],
    ]
    for (const [list, error] of cases) {
      expect(await engine.request('BatchGetSecretValue', { SecretsList: list })()).toStrictEqual(error)
    }
    expect(await engine.request('BatchGetSecretValue', {})()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretsList')),
    )
    expect(
      withoutRequestId(
        await engine.request('BatchGetSecretValue', { SecretsList: '[{\\"SecretName\\":\\"other\\"}]' })(),
      ),
    ).toStrictEqual(E.right({ SecretValues: [value('other', 'o1', 'other', ['ACSCurrent'])], Errors: [] }))
  })

  it('never changes the store', async () => {
    const { engine, store } = await setup()
    const before = store.snapshot()
    await engine.batchGetSecretValue(batch([{ SecretName: 'db-password' }, { SecretName: 'nope' }]))()
    await engine.request('BatchGetSecretValue', { SecretsList: '[' })()
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('splits any list into values and errors, one per entry, each matching GetSecretValue (property)', async () => {
    const { engine } = await setup()
    const entry = fc.record(
      {
        SecretName: fc.constantFrom('db-password', 'other', 'mydb', 'nope'),
        VersionId: fc.constantFrom('v1', 'v2', 'o1', 'r1', 'zz'),
        VersionStage: fc.constantFrom('ACSCurrent', 'ACSPrevious', 'Nope'),
      },
      { requiredKeys: ['SecretName'] },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 20 }), async (list) => {
        const got = await engine.batchGetSecretValue(batch(list))()
        if (E.isLeft(got)) throw new Error('the batch failed')
        expect(got.right.SecretValues.length + got.right.Errors.length).toBe(list.length)
        const values = [...got.right.SecretValues]
        const errors = [...got.right.Errors]
        for (const params of list) {
          const single = await engine.getSecretValue(params)()
          if (E.isRight(single)) {
            const { RequestId: _, ...body } = single.right
            expect(values.shift()).toStrictEqual(body)
          } else {
            expect(errors.shift()).toStrictEqual({
              SecretName: params.SecretName,
              Code: single.left.code,
              HttpStatus: single.left.httpStatus,
              Message: single.left.message,
            })
          }
        }
      }),
      { numRuns: 40 },
    )
  })
})
