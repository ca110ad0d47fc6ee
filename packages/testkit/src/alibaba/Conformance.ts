/**
 * The model-based conformance suite of the Alibaba API: random sequences of requests over every
 * operation (one command per file in `commands/`), and clock moves, run with `fc.asyncModelRun`
 * against a fresh target each time; after every request the reference model's prediction (the body,
 * or the exact error code and HTTP status) is compared with the target's answer. A failure prints
 * the seed, the path and the shortest sequence of requests found.
 *
 * @since 0.1.0
 */
import { defaults } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import { runChecks, type Check, type CheckOptions, type CheckResult } from '../Check.js'
import { manualClock, seededRandom } from '../Clock.js'
import { advanceClock } from './commands/AdvanceClock.js'
import { batchGetSecretValue } from './commands/BatchGetSecretValue.js'
import { createSecret } from './commands/CreateSecret.js'
import { deleteSecret } from './commands/DeleteSecret.js'
import { describeSecret } from './commands/DescribeSecret.js'
import { getRandomPassword } from './commands/GetRandomPassword.js'
import { getSecretPolicy } from './commands/GetSecretPolicy.js'
import { getSecretValue } from './commands/GetSecretValue.js'
import { invalidRequest } from './commands/InvalidRequest.js'
import { listSecrets } from './commands/ListSecrets.js'
import { listSecretVersionIds } from './commands/ListSecretVersionIds.js'
import { listTagResources } from './commands/ListTagResources.js'
import { putSecretValue } from './commands/PutSecretValue.js'
import { restoreSecret } from './commands/RestoreSecret.js'
import { rotateSecret } from './commands/RotateSecret.js'
import { setSecretPolicy } from './commands/SetSecretPolicy.js'
import { tagResource } from './commands/TagResource.js'
import { tagResources } from './commands/TagResources.js'
import { untagResource } from './commands/UntagResource.js'
import { untagResources } from './commands/UntagResources.js'
import { updateSecret } from './commands/UpdateSecret.js'
import { updateSecretRotationPolicy } from './commands/UpdateSecretRotationPolicy.js'
import { updateSecretVersionStage } from './commands/UpdateSecretVersionStage.js'
import type { Deviation, ObservedDeviation } from './Deviation.js'
import { emptyModel, type AlibabaCommand, type Real } from './Model.js'
import type { MakeTarget } from './Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ConformanceOptions extends CheckOptions {
  /** Where the target may differ from the model: differences they cover are reported, not failed. */
  readonly deviations?: ReadonlyArray<Deviation>
  /** The target's region and account, for ARNs; the engine's defaults otherwise. */
  readonly region?: string
  readonly accountId?: string
  /** The longest sequence of requests in one run; 200 by default. */
  readonly maxCommands?: number
  /** Whether the suite moves the clock (a real-cloud target cannot follow); true by default. */
  readonly moveClock?: boolean
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ConformanceResult extends CheckResult {
  /** The differences the deviations allowed, by operation and field, with how often each was seen. */
  readonly deviations: ReadonlyArray<ObservedDeviation>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The command arbitrary: every operation, weighted towards the writes that build long histories.
 *
 * @category constructors
 * @since 0.1.0
 */
export const alibabaCommands = (options: ConformanceOptions = {}): fc.Arbitrary<Iterable<AlibabaCommand>> => {
  const region = options.region ?? defaults.region
  const account = options.accountId ?? defaults.accountId
  const weighted = (weight: number, arbitrary: fc.Arbitrary<AlibabaCommand>) => ({ weight, arbitrary })
  return fc.commands(
    [
      weighted(4, createSecret),
      weighted(10, putSecretValue(region, account)),
      weighted(4, getSecretValue(region, account)),
      weighted(4, updateSecretVersionStage(region, account)),
      weighted(3, listSecretVersionIds(region, account)),
      weighted(2, describeSecret(region, account)),
      weighted(2, listSecrets),
      weighted(1, updateSecret(region, account)),
      weighted(1, deleteSecret(region, account)),
      weighted(2, restoreSecret(region, account)),
      weighted(1, setSecretPolicy(region, account)),
      weighted(1, getSecretPolicy(region, account)),
      weighted(1, batchGetSecretValue(region, account)),
      weighted(1, tagResource(region, account)),
      weighted(1, untagResource(region, account)),
      weighted(1, tagResources(region)),
      weighted(1, untagResources(region)),
      weighted(1, listTagResources(region)),
      weighted(1, rotateSecret(region, account)),
      weighted(1, updateSecretRotationPolicy(region, account)),
      weighted(1, getRandomPassword),
      weighted(1, invalidRequest),
      ...(options.moveClock === false ? [] : [weighted(1, advanceClock)]),
    ].flatMap(({ weight, arbitrary }) => Array.from({ length: weight }, () => arbitrary)),
    {
      maxCommands: options.maxCommands ?? 200,
      size: 'max',
      ...(options.replayPath !== undefined ? { replayPath: options.replayPath } : {}),
    },
  )
}

const conformanceCheck = (options: ConformanceOptions, observed: Real['observed']): Check<MakeTarget> => ({
  name: 'every request answers as the model predicts',
  numRuns: 100,
  property: (makeTarget) =>
    fc.asyncProperty(alibabaCommands(options), fc.integer(), async (commands, randomSeed) => {
      const clock = manualClock()
      const target = await makeTarget({ now: clock.now, random: seededRandom(randomSeed) })
      const model = emptyModel(
        clock.now().getTime(),
        options.region ?? defaults.region,
        options.accountId ?? defaults.accountId,
      )
      const real: Real = { target, clock, deviations: options.deviations ?? [], observed }
      await fc.asyncModelRun(() => ({ model, real }), commands)
    }),
})

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Runs the conformance suite against targets made by `makeTarget`, without a test runner.
 *
 * @category destructors
 * @since 0.1.0
 */
export const checkAlibabaConformance = async (
  makeTarget: MakeTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceResult> => {
  const observed: Real['observed'] = new Map()
  const result = await runChecks([conformanceCheck(options, observed)], makeTarget, options)
  return { ...result, deviations: [...observed.values()] }
}
