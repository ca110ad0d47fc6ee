/**
 * What the Alibaba suites run against: anything that answers `request(action, params)` with a
 * promise of the API's result, our engine, our HTTP server through an SDK, or an adapter to the real
 * cloud. Parameters are wire-shaped (a record of strings, as the RPC API carries them); the answer is
 * the response body, or the error's code, HTTP status and message.
 *
 * @since 0.1.0
 */
import type { SecretsManager } from '@secrets-engine/alibaba'
import type { Random } from '@secrets-engine/core'
import type fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type Outcome =
  | { readonly ok: true; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly code: string; readonly httpStatus: number; readonly message: string }

/**
 * @category model
 * @since 0.1.0
 */
export interface Target {
  readonly request: (action: string, params: Readonly<Record<string, string>>) => Promise<Outcome>
}

/**
 * What the kit hands a target factory: build the target on this clock (and, if it can, on this
 * random source and scheduler) so that the suite controls time and interleavings.
 *
 * @category model
 * @since 0.1.0
 */
export interface TargetEnv {
  /** The kit's manual clock: the conformance suite moves it to make deletion windows expire. */
  readonly now: () => Date
  /** A random source seeded from the run. */
  readonly random: Random.Random
  /**
   * In the race suite, the scheduler of the run. A target may pass its store through
   * `scheduledStore` so that the scheduler also interleaves the steps inside concurrent requests.
   */
  readonly scheduler?: fc.Scheduler
}

/**
 * A fresh target in an empty account for each run.
 *
 * @category model
 * @since 0.1.0
 */
export type MakeTarget = (env: TargetEnv) => Target | Promise<Target>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Our engine as a target: its `TaskEither` answers become promises of outcomes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromEngine = (engine: Pick<SecretsManager, 'request'>): Target => ({
  request: async (action, params) => {
    const result = await engine.request(action, params)()
    return E.isRight(result)
      ? { ok: true, body: result.right }
      : { ok: false, code: result.left.code, httpStatus: result.left.httpStatus, message: result.left.message }
  },
})
