/**
 * The model-based conformance suite of the Huawei CSMS API: random sequences of REST requests over
 * the secret, version and stage operations (one command per file in `commands/`) and clock moves,
 * run with `fc.asyncModelRun` against a fresh target each time; after every request the model's
 * prediction (the status and body, or the exact `error_code` and status) is compared with the
 * target's answer. A failure prints the seed, the path and the shortest sequence of requests found.
 *
 * @since 0.1.0
 */
import { defaults } from '@secrets-engine/huawei'
import type fc from 'fast-check'
import type { CheckOptions } from '../Check.js'
import { modelCheck, runConformance, weightedCommands, type ConformanceResult } from '../Conformance.js'
import type { Deviation } from '../alibaba/Deviation.js'
import { advanceClock } from './commands/AdvanceClock.js'
import { createSecret } from './commands/CreateSecret.js'
import { createSecretVersion } from './commands/CreateSecretVersion.js'
import { deleteSecret } from './commands/DeleteSecret.js'
import { deleteSecretForSchedule } from './commands/DeleteSecretForSchedule.js'
import { deleteSecretStage } from './commands/DeleteSecretStage.js'
import { listSecrets } from './commands/ListSecrets.js'
import { listSecretVersions } from './commands/ListSecretVersions.js'
import { restoreSecret } from './commands/RestoreSecret.js'
import { showSecret } from './commands/ShowSecret.js'
import { showSecretStage } from './commands/ShowSecretStage.js'
import { showSecretVersion } from './commands/ShowSecretVersion.js'
import { updateSecret } from './commands/UpdateSecret.js'
import { updateSecretStage } from './commands/UpdateSecretStage.js'
import { emptyHuaweiModel, type HuaweiCommand, type HuaweiModel, type HuaweiReal } from './Model.js'
import type { HuaweiTarget, MakeHuaweiTarget } from './Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface HuaweiConformanceOptions extends CheckOptions {
  /**
   * Where the target may differ from the model: `operation` is the SDK's operation name
   * (`showSecretVersion`) or `*`; `field` a body path (`version_metadata.version_stages`), or
   * `status`, `error_code`, `error_msg`, or `*`.
   */
  readonly deviations?: ReadonlyArray<Deviation>
  /** The project id of every path; the engine's default (`defaults.projectId`) otherwise. */
  readonly projectId?: string
  /** The longest sequence of requests in one run; 200 by default. */
  readonly maxCommands?: number
  /** Whether the suite moves the clock (a real-cloud target cannot follow); true by default. */
  readonly moveClock?: boolean
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The command arbitrary: every operation, weighted towards new versions and stage moves, which
 * build long histories and reach the version and stage limits.
 *
 * @category constructors
 * @since 0.1.0
 */
export const huaweiCommands = (options: HuaweiConformanceOptions = {}): fc.Arbitrary<Iterable<HuaweiCommand>> =>
  weightedCommands<HuaweiModel, HuaweiReal>(
    [
      [3, createSecret],
      [2, showSecret],
      [1, listSecrets],
      [1, updateSecret],
      [30, createSecretVersion],
      [3, showSecretVersion],
      [2, listSecretVersions],
      [10, updateSecretStage],
      [2, showSecretStage],
      [1, deleteSecretStage],
      [2, deleteSecretForSchedule],
      [2, restoreSecret],
      [1, deleteSecret],
      ...(options.moveClock === false ? [] : [[3, advanceClock] as const]),
    ],
    options,
  )

const conformanceCheck = (options: HuaweiConformanceOptions, observed: HuaweiReal['observed']) =>
  modelCheck(
    'every CSMS request answers as the model predicts',
    huaweiCommands(options),
    (target: HuaweiTarget, clock) => ({
      model: emptyHuaweiModel(clock.now().getTime(), options.projectId ?? defaults.projectId),
      real: { target, clock, deviations: options.deviations ?? [], observed },
    }),
  )

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Runs the Huawei CSMS conformance suite against targets made by `makeTarget`, without a test runner.
 *
 * @category destructors
 * @since 0.1.0
 */
export const checkHuaweiConformance = (
  makeTarget: MakeHuaweiTarget,
  options: HuaweiConformanceOptions = {},
): Promise<ConformanceResult> => runConformance((observed) => conformanceCheck(options, observed), makeTarget, options)
