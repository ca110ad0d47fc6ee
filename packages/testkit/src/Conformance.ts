/**
 * What the model-based conformance suites (Alibaba, Huawei) share: a command arbitrary built from
 * weighted command arbitraries, a check that runs one random command sequence per property run
 * against a fresh target on a fresh manual clock and seeded random source, and the result of a
 * suite with the deviations its runs allowed.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { runChecks, type Check, type CheckOptions, type CheckResult } from './Check.js'
import { manualClock, seededRandom, type ManualClock } from './Clock.js'
import type { ObservedDeviation } from './alibaba/Deviation.js'
import type { TargetEnv } from './alibaba/Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ConformanceResult extends CheckResult {
  /** The differences the deviations allowed, by operation and field, with how often each was seen. */
  readonly deviations: ReadonlyArray<ObservedDeviation>
}

/**
 * Where a suite's runs count the differences its deviations allow.
 *
 * @category model
 * @since 0.1.0
 */
export type Observed = Map<string, ObservedDeviation>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Sequences of commands, each drawn with the given weight (an arbitrary listed `weight` times), up to
 * `maxCommands` long (200 by default), replayed from `replayPath` when given.
 *
 * @category constructors
 * @since 0.1.0
 */
export const weightedCommands = <M extends object, R>(
  weighted: ReadonlyArray<readonly [weight: number, arbitrary: fc.Arbitrary<fc.AsyncCommand<M, R>>]>,
  options: { readonly maxCommands?: number; readonly replayPath?: string },
): fc.Arbitrary<Iterable<fc.AsyncCommand<M, R>>> =>
  fc.commands(
    weighted.flatMap(([weight, arbitrary]) => Array.from({ length: weight }, () => arbitrary)),
    {
      maxCommands: options.maxCommands ?? 200,
      size: 'max',
      ...(options.replayPath !== undefined ? { replayPath: options.replayPath } : {}),
    },
  )

/**
 * A check of 100 runs by default: each builds a target with `makeTarget` on a fresh manual clock and
 * a random source seeded from the run, starts the model and the system side with `start`, and runs
 * a sequence of `commands` on them with `fc.asyncModelRun`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const modelCheck = <T, M extends object, R>(
  name: string,
  commands: fc.Arbitrary<Iterable<fc.AsyncCommand<M, R>>>,
  start: (target: T, clock: ManualClock) => { readonly model: M; readonly real: R },
): Check<(env: Omit<TargetEnv, 'scheduler'>) => T | Promise<T>> => ({
  name,
  numRuns: 100,
  property: (makeTarget) =>
    fc.asyncProperty(commands, fc.integer(), async (sequence, randomSeed) => {
      const clock = manualClock()
      const target = await makeTarget({ now: clock.now, random: seededRandom(randomSeed) })
      const { model, real } = start(target, clock)
      await fc.asyncModelRun(() => ({ model, real }), sequence)
    }),
})

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Runs the check `checkOf` makes, which counts allowed differences in the map it is given, and
 * returns its result with those differences.
 *
 * @category destructors
 * @since 0.1.0
 */
export const runConformance = async <S>(
  checkOf: (observed: Observed) => Check<S>,
  subject: S,
  options: CheckOptions,
): Promise<ConformanceResult> => {
  const observed: Observed = new Map()
  const result = await runChecks([checkOf(observed)], subject, options)
  return { ...result, deviations: [...observed.values()] }
}
