// Faults: with the store failing at any step of a realistic session, every request either completes
// or fails with 500 InternalFailure and leaves the store exactly as it was.
import { ApiErrors } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testEngine } from './support/engine.js'
import { runs } from './support/runs.js'

type Step = readonly [action: string, params: Readonly<Record<string, string>>]

const rdsConfig = '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}'
const session: ReadonlyArray<Step | 'advance'> = [
  [
    'CreateSecret',
    { SecretName: 'app', VersionId: 'v1', SecretData: 'one', Tags: '[{"TagKey":"env","TagValue":"prod"}]' },
  ],
  [
    'CreateSecret',
    {
      SecretName: 'db',
      VersionId: 'v1',
      SecretType: 'Rds',
      SecretData: '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}',
      ExtendedConfig: rdsConfig,
      EnableAutomaticRotation: 'true',
      RotationInterval: '7d',
    },
  ],
  ['GetSecretValue', { SecretName: 'app' }],
  ['PutSecretValue', { SecretName: 'app', VersionId: 'v2', SecretData: 'two' }],
  ['PutSecretValue', { SecretName: 'app', VersionId: 'v3', SecretData: 'three', VersionStages: '["Pending"]' }],
  ['UpdateSecretVersionStage', { SecretName: 'app', VersionStage: 'ACSCurrent', MoveToVersion: 'v3' }],
  ['ListSecretVersionIds', { SecretName: 'app', IncludeDeprecated: 'true' }],
  ['DescribeSecret', { SecretName: 'app', FetchTags: 'true' }],
  ['ListSecrets', { Filters: '[{"Key":"TagKey","Values":["env"]}]' }],
  ['UpdateSecret', { SecretName: 'app', Description: 'the app secret' }],
  ['TagResource', { SecretName: 'app', Tags: '[{"TagKey":"team","TagValue":"core"}]' }],
  ['UntagResource', { SecretName: 'app', TagKeys: '["env"]' }],
  'advance',
  ['GetSecretValue', { SecretName: 'db' }],
  ['RotateSecret', { SecretName: 'db', VersionId: 'r1' }],
  ['DeleteSecret', { SecretName: 'app', RecoveryWindowInDays: '7' }],
  ['RestoreSecret', { SecretName: 'app' }],
  ['DeleteSecret', { SecretName: 'app', ForceDeleteWithoutRecovery: 'true' }],
  ['GetRandomPassword', {}],
]

const operations = ['get', 'commit', 'remove', 'list'] as const

/** The indices of the session's requests: a fault during a clock move would test nothing. */
const requests = session.flatMap((step, i) => (step === 'advance' ? [] : [i]))

describe('store faults', () => {
  it('a request either completes or changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...requests),
        fc.constantFrom(...operations),
        fc.integer({ min: 1, max: 40 }),
        async (at, operation, times) => {
          const { engine, clock, store } = testEngine()
          for (const [i, step] of session.entries()) {
            if (step === 'advance') {
              clock.advance(days(8))
              continue
            }
            if (i === at) {
              const before = store.snapshot()
              store.faults.failNext(operation, times)
              const result = await engine.request(step[0], step[1])()
              store.faults.clear()
              if (E.isLeft(result)) {
                expect(result).toStrictEqual(E.left(ApiErrors.internalFailure()))
                expect(store.snapshot()).toStrictEqual(before)
              }
            } else {
              await engine.request(step[0], step[1])()
            }
          }
        },
      ),
      { numRuns: runs(150) },
    )
  })

  it('the session itself succeeds without faults', async () => {
    const { engine, clock } = testEngine()
    const failures: Array<string> = []
    for (const step of session) {
      if (step === 'advance') {
        clock.advance(days(8))
        continue
      }
      const result = await engine.request(step[0], step[1])()
      if (E.isLeft(result)) failures.push(`${step[0]}: ${result.left.code}`)
    }
    expect(failures).toStrictEqual([])
  })
})
