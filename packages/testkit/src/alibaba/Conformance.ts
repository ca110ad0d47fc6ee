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
import type fc from 'fast-check'
import type { CheckOptions } from '../Check.js'
import { modelCheck, runConformance, weightedCommands, type ConformanceResult } from '../Conformance.js'
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
import type { Deviation } from './Deviation.js'
import { emptyModel, type AlibabaCommand, type Model, type Real } from './Model.js'
import type { MakeTarget, Target } from './Target.js'

export type { ConformanceResult } from '../Conformance.js'

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
  return weightedCommands<Model, Real>(
    [
      [4, createSecret],
      [10, putSecretValue(region, account)],
      [4, getSecretValue(region, account)],
      [4, updateSecretVersionStage(region, account)],
      [3, listSecretVersionIds(region, account)],
      [2, describeSecret(region, account)],
      [2, listSecrets],
      [1, updateSecret(region, account)],
      [1, deleteSecret(region, account)],
      [2, restoreSecret(region, account)],
      [1, setSecretPolicy(region, account)],
      [1, getSecretPolicy(region, account)],
      [1, batchGetSecretValue(region, account)],
      [1, tagResource(region, account)],
      [1, untagResource(region, account)],
      [1, tagResources(region)],
      [1, untagResources(region)],
      [1, listTagResources(region)],
      [1, rotateSecret(region, account)],
      [1, updateSecretRotationPolicy(region, account)],
      [1, getRandomPassword],
      [1, invalidRequest],
      ...(options.moveClock === false ? [] : [[1, advanceClock] as const]),
    ],
    options,
  )
}

const conformanceCheck = (options: ConformanceOptions, observed: Real['observed']) =>
  modelCheck('every request answers as the model predicts', alibabaCommands(options), (target: Target, clock) => ({
    model: emptyModel(
      clock.now().getTime(),
      options.region ?? defaults.region,
      options.accountId ?? defaults.accountId,
    ),
    real: { target, clock, deviations: options.deviations ?? [], observed },
  }))

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Runs the conformance suite against targets made by `makeTarget`, without a test runner.
 *
 * @category destructors
 * @since 0.1.0
 */
export const checkAlibabaConformance = (
  makeTarget: MakeTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceResult> => runConformance((observed) => conformanceCheck(options, observed), makeTarget, options)
