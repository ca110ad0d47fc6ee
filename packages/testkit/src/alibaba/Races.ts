/**
 * The race suite: concurrent requests on one secret, their starts and ends (and, for a target built
 * on `scheduledStore`, every store step inside them) interleaved by `fc.scheduler`. Whatever the
 * order, concurrent writes behave as if they ran one after the other: no write is lost, exactly one
 * of several conflicting requests wins, and the labels stay one-to-one.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import assert from 'node:assert/strict'
import { runChecks, type Check, type CheckOptions, type CheckResult } from '../Check.js'
import { manualClock, seededRandom } from '../Clock.js'
import type { MakeTarget, Outcome, Target } from './Target.js'

type Params = Readonly<Record<string, string>>

/** Starts a request when the scheduler says so and hands its answer back when the scheduler says so. */
const scheduled = (s: fc.Scheduler, target: Target, label: string, action: string, params: Params): Promise<Outcome> =>
  s
    .schedule(Promise.resolve(), `start ${label}`)
    .then(() => target.request(action, params))
    .then((outcome) => s.schedule(Promise.resolve(outcome), `end ${label}`))

const ok = (outcome: Outcome, what: string): Readonly<Record<string, unknown>> => {
  if (!outcome.ok) assert.fail(`${what}: ${outcome.code} (${outcome.httpStatus}) ${outcome.message}`)
  return outcome.body
}

const codes = (outcomes: ReadonlyArray<Outcome>): ReadonlyArray<string> =>
  outcomes.map((o) => (o.ok ? 'ok' : `${o.code} ${o.httpStatus}`))

interface Race {
  readonly s: fc.Scheduler
  readonly target: Target
  /** Runs one request to its end outside the race (setup and checks). */
  readonly now: (action: string, params: Params) => Promise<Outcome>
}

const race = <A>(
  name: string,
  arb: fc.Arbitrary<A>,
  run: (race: Race, value: A) => Promise<void>,
): Check<MakeTarget> => ({
  name,
  numRuns: 50,
  property: (makeTarget) =>
    fc.asyncProperty(fc.scheduler(), arb, fc.integer(), async (s, value, randomSeed) => {
      const clock = manualClock()
      const target = await makeTarget({ now: clock.now, random: seededRandom(randomSeed), scheduler: s })
      await run({ s, target, now: (action, params) => s.waitFor(target.request(action, params)) }, value)
    }),
})

const NAME = 'race/secret'

interface Version {
  readonly VersionId: string
  readonly VersionStages: { readonly VersionStage: ReadonlyArray<string> }
}

/**
 * Sends `clients` concurrent requests that differ only in their value (`value ${i}`): exactly one
 * must win, the others must be 409 Rejected.ResourceExist, and `read` must then give the winner's
 * value.
 */
const oneWins = async (
  r: Race,
  clients: number,
  action: string,
  paramsOf: (value: string) => Params,
  read: Params,
): Promise<void> => {
  const requests = Array.from({ length: clients }, (_, i) =>
    scheduled(r.s, r.target, `${action} ${i}`, action, paramsOf(`value ${i}`)),
  )
  const outcomes = await r.s.waitFor(Promise.all(requests))
  const winners = outcomes.flatMap((o, i) => (o.ok ? [i] : []))
  assert.equal(winners.length, 1, `results: ${codes(outcomes).join(', ')}`)
  for (const o of outcomes) if (!o.ok) assert.deepStrictEqual([o.code, o.httpStatus], ['Rejected.ResourceExist', 409])
  const value = ok(await r.now('GetSecretValue', read), 'read')
  assert.equal(value['SecretData'], `value ${winners[0]}`)
}

const versionsOf = async (r: Race): Promise<ReadonlyArray<Version>> => {
  const body = ok(await r.now('ListSecretVersionIds', { SecretName: NAME, IncludeDeprecated: 'true' }), 'list')
  return (body['VersionIds'] as { VersionId: ReadonlyArray<Version> }).VersionId
}

/**
 * Every check of the race suite.
 *
 * @category constants
 * @since 0.1.0
 */
export const raceChecks: ReadonlyArray<Check<MakeTarget>> = [
  race(
    'concurrent PutSecretValue of new versions all succeed, none is lost, and the labels stay one-to-one',
    fc.integer({ min: 2, max: 6 }),
    async (r, writers) => {
      ok(await r.now('CreateSecret', { SecretName: NAME, VersionId: 'v0', SecretData: 'zero' }), 'create')
      const puts = Array.from({ length: writers }, (_, i) =>
        scheduled(r.s, r.target, `put ${i}`, 'PutSecretValue', {
          SecretName: NAME,
          VersionId: `w${i}`,
          SecretData: `value ${i}`,
        }),
      )
      const outcomes = await r.s.waitFor(Promise.all(puts))
      assert.deepStrictEqual(
        codes(outcomes),
        outcomes.map(() => 'ok'),
      )
      const versions = await versionsOf(r)
      assert.deepStrictEqual(
        versions.map((v) => v.VersionId).sort(),
        ['v0', ...Array.from({ length: writers }, (_, i) => `w${i}`)].sort(),
      )
      const holders = (stage: string) => versions.filter((v) => v.VersionStages.VersionStage.includes(stage))
      assert.equal(holders('ACSCurrent').length, 1, 'exactly one version is current')
      assert.equal(holders('ACSPrevious').length, 1, 'exactly one version is previous')
      assert.ok(holders('ACSCurrent')[0]?.VersionId.startsWith('w'), 'a written version is current')
      for (let i = 0; i < writers; i++) {
        const read = ok(await r.now('GetSecretValue', { SecretName: NAME, VersionId: `w${i}` }), `read w${i}`)
        assert.equal(read['SecretData'], `value ${i}`)
      }
    },
  ),
  race(
    'of concurrent PutSecretValue of one version id with different values, exactly one wins and the others are 409',
    fc.integer({ min: 2, max: 6 }),
    async (r, writers) => {
      ok(await r.now('CreateSecret', { SecretName: NAME, VersionId: 'v0', SecretData: 'zero' }), 'create')
      await oneWins(
        r,
        writers,
        'PutSecretValue',
        (value) => ({ SecretName: NAME, VersionId: 'v1', SecretData: value }),
        { SecretName: NAME, VersionId: 'v1' },
      )
    },
  ),
  race(
    'of concurrent CreateSecret of one name, exactly one wins and the others are 409 Rejected.ResourceExist',
    fc.integer({ min: 2, max: 6 }),
    async (r, writers) => {
      await oneWins(r, writers, 'CreateSecret', (value) => ({ SecretName: NAME, VersionId: 'v0', SecretData: value }), {
        SecretName: NAME,
      })
    },
  ),
  race(
    'of concurrent DeleteSecret, one schedules the deletion and the others are 409; of concurrent RestoreSecret, one restores',
    fc.integer({ min: 2, max: 5 }),
    async (r, clients) => {
      ok(await r.now('CreateSecret', { SecretName: NAME, VersionId: 'v0', SecretData: 'zero' }), 'create')
      const deletes = await r.s.waitFor(
        Promise.all(
          Array.from({ length: clients }, (_, i) =>
            scheduled(r.s, r.target, `delete ${i}`, 'DeleteSecret', { SecretName: NAME, RecoveryWindowInDays: '7' }),
          ),
        ),
      )
      assert.deepStrictEqual(
        [...codes(deletes)].sort(),
        ['ok', ...Array.from({ length: clients - 1 }, () => 'Rejected.ResourceInDeleteWindow 409')].sort(),
      )
      const restores = await r.s.waitFor(
        Promise.all(
          Array.from({ length: clients }, (_, i) =>
            scheduled(r.s, r.target, `restore ${i}`, 'RestoreSecret', { SecretName: NAME }),
          ),
        ),
      )
      assert.deepStrictEqual(
        [...codes(restores)].sort(),
        ['ok', ...Array.from({ length: clients - 1 }, () => 'Rejected.ResourceInUse 409')].sort(),
      )
      ok(await r.now('GetSecretValue', { SecretName: NAME }), 'read after restore')
    },
  ),
  race(
    'concurrent label moves and writes keep exactly one ACSCurrent and each label on at most one version',
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom('a', 'b', 'c') }),
        fc.record({
          kind: fc.constant('move' as const),
          stage: fc.constantFrom('ACSCurrent', 'L1', 'L2'),
          to: fc.constantFrom('v0', 'a', 'b', 'c'),
        }),
      ),
      { minLength: 2, maxLength: 6 },
    ),
    async (r, steps) => {
      ok(await r.now('CreateSecret', { SecretName: NAME, VersionId: 'v0', SecretData: 'zero' }), 'create')
      await r.s.waitFor(
        Promise.all(
          steps.map((step, i) =>
            step.kind === 'put'
              ? scheduled(r.s, r.target, `put ${i}`, 'PutSecretValue', {
                  SecretName: NAME,
                  VersionId: step.id,
                  SecretData: step.id,
                })
              : scheduled(r.s, r.target, `move ${i}`, 'UpdateSecretVersionStage', {
                  SecretName: NAME,
                  VersionStage: step.stage,
                  MoveToVersion: step.to,
                }),
          ),
        ),
      )
      const versions = await versionsOf(r)
      const stages = versions.flatMap((v) => v.VersionStages.VersionStage)
      assert.equal(stages.filter((s) => s === 'ACSCurrent').length, 1, 'exactly one ACSCurrent')
      assert.equal(new Set(stages).size, stages.length, `a label is on two versions: ${JSON.stringify(versions)}`)
    },
  ),
]

/**
 * Runs the race suite against targets made by `makeTarget`, without a test runner.
 *
 * @category destructors
 * @since 0.1.0
 */
export const checkAlibabaRaces = (makeTarget: MakeTarget, options?: CheckOptions): Promise<CheckResult> =>
  runChecks(raceChecks, makeTarget, options)
