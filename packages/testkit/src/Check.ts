/**
 * How every suite of the kit runs and reports, without any test runner: a suite is a list of named
 * fast-check properties; running it gives `{ ok, failures, seed, path }`, where each failure carries
 * fast-check's report (the seed, the path of the shrunk counterexample, and the counterexample
 * itself, for a model-based suite the shortest command sequence found). Passing the same `seed` and
 * `path` back replays that counterexample at once.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface CheckOptions {
  /**
   * Runs per property, as in fast-check: this option first, else fast-check's global `numRuns`
   * (`fc.configureGlobal`), else the check's own count. An example check runs once whatever is set.
   */
  readonly numRuns?: number
  /** The seed of every property; fast-check's global seed, or a fresh one, when absent. */
  readonly seed?: number
  /** A failure's `path`: with the same `seed`, replays its shrunk counterexample first. */
  readonly path?: string
  /** Only the checks whose name contains this text (for replaying one failure of a suite). */
  readonly only?: string
  /** Stop at the first counterexample without shrinking it: for runs that are expected to fail. */
  readonly endOnFailure?: boolean
  /** A model-based failure's `replayPath`, with its `seed` and `path`. */
  readonly replayPath?: string
}

/**
 * One failed check.
 *
 * @category model
 * @since 0.1.0
 */
export interface Failure {
  readonly check: string
  readonly seed: number
  /** Replays this failure with `{ seed, path, only: check }`. */
  readonly path: string
  /** fast-check's report: the error, the seed, the path and the shrunk counterexample. */
  readonly message: string
  /** The shrunk counterexample, as fast-check prints it. */
  readonly counterexample: string
  /** For a model-based check, how many commands the shrunk sequence ran. */
  readonly steps?: number
  /** For a model-based check, the commands' replay path: pass it back with `seed` and `path`. */
  readonly replayPath?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface CheckResult {
  readonly ok: boolean
  readonly failures: ReadonlyArray<Failure>
  /** The seed every property ran with. */
  readonly seed: number
  /** The path of the first failure, if any. */
  readonly path?: string
}

/**
 * A named property over a subject (a store factory, a target factory).
 *
 * @category model
 * @since 0.1.0
 */
export interface Check<S> {
  readonly name: string
  /**
   * Runs of the property when neither the caller's option nor fast-check's global `numRuns` sets
   * them; 1 for an example check, which then runs once whatever is set.
   */
  readonly numRuns?: number
  readonly property: (subject: S) => AnyProperty
}

/**
 * A fast-check property of any parameters. Properties are contravariant in their parameters, so a
 * list of checks can only hold them with the parameters erased.
 *
 * @category model
 * @since 0.1.0
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProperty = fc.IRawProperty<any, true>

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The seed to run with: the option, else fast-check's global one, else a fresh one.
 *
 * @category destructors
 * @since 0.1.0
 */
export const seedOf = (options: CheckOptions | undefined): number =>
  options?.seed ?? fc.readConfigureGlobal().seed ?? (Date.now() ^ Math.floor(Math.random() * 0x100000000)) | 0

const errorText = (error: unknown): string =>
  error instanceof Error ? `Error: ${error.message}` : error === undefined ? '' : `Error: ${String(error)}`

const replayPathOf = (text: string): { readonly replayPath?: string } => {
  const found = /\/\*replayPath="([^"]*)"\*\//.exec(text)?.[1]
  return found === undefined ? {} : { replayPath: found }
}

/** How many commands of a `fc.commands` value ran (each is wrapped with a `hasRan` flag). */
const stepsOf = (counterexample: ReadonlyArray<unknown> | null): { readonly steps?: number } => {
  for (const value of counterexample ?? []) {
    // Only a commands value (it has metadataForReplay): other iterables may be infinite streams.
    if (typeof value === 'object' && value !== null && 'metadataForReplay' in value && Symbol.iterator in value) {
      const items = [...(value as Iterable<unknown>)]
      if (items.every((c) => typeof c === 'object' && c !== null && 'hasRan' in c)) {
        return { steps: items.filter((c) => (c as { hasRan: boolean }).hasRan).length }
      }
    }
  }
  return {}
}

/**
 * Runs `checks` against `subject` one after the other and collects every failure.
 *
 * @category destructors
 * @since 0.1.0
 */
export const runChecks = async <S>(
  checks: ReadonlyArray<Check<S>>,
  subject: S,
  options: CheckOptions | undefined,
): Promise<CheckResult> => {
  const seed = seedOf(options)
  const failures: Array<Failure> = []
  for (const check of checks) {
    if (options?.only !== undefined && !check.name.includes(options.only)) continue
    // fast-check's own order: the caller's count, else the global one, else the check's own, which
    // is resolved here because passing it to fc.check would override the global count. An example
    // check runs once whatever the settings. A caller who wants the global count to scale a suite
    // passes no count, or one that already defers to it.
    const numRuns = check.numRuns === 1 ? 1 : (options?.numRuns ?? fc.readConfigureGlobal().numRuns ?? check.numRuns)
    let details
    try {
      details = await fc.check(check.property(subject), {
        seed,
        ...(options?.path !== undefined ? { path: options.path } : {}),
        ...(numRuns !== undefined ? { numRuns } : {}),
        ...(options?.endOnFailure === true ? { endOnFailure: true } : {}),
      })
    } catch (error) {
      // fast-check throws, rather than report, when it cannot replay the path it was given (another
      // check's path, or a model-based check's path without its replayPath): a failure of this check
      // all the same, so that the suite still answers with a result.
      failures.push({
        check: check.name,
        seed,
        path: options?.path ?? '',
        message: `${check.name}\n${errorText(error)}`,
        counterexample: '',
      })
      continue
    }
    if (details.failed) {
      // fast-check's own report prints every counterexample safely (an infinite stream included).
      const text = fc.defaultReportMessage(details) ?? ''
      failures.push({
        check: check.name,
        seed: details.seed,
        path: details.counterexamplePath ?? '',
        message: `${check.name}\n${text}\n${errorText(details.errorInstance)}`,
        counterexample: /^Counterexample: (.*)$/m.exec(text)?.[1] ?? '',
        ...stepsOf(details.counterexample),
        ...replayPathOf(text),
      })
    }
  }
  const first = failures[0]
  return { ok: failures.length === 0, failures, seed, ...(first !== undefined ? { path: first.path } : {}) }
}

/**
 * The text of a result for a log or an assertion message: every failure's report and how to replay it.
 *
 * @category destructors
 * @since 0.1.0
 */
export const report = (result: CheckResult): string =>
  result.ok
    ? `passed (seed ${result.seed})`
    : result.failures
        .map(
          (f) =>
            `${f.message}\nReplay: { seed: ${f.seed}, path: ${JSON.stringify(f.path)}, only: ${JSON.stringify(f.check)}${
              f.replayPath === undefined ? '' : `, replayPath: ${JSON.stringify(f.replayPath)}`
            } }`,
        )
        .join('\n\n')
