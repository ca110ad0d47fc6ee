/**
 * The kit's time and randomness, for building targets: a manual clock that moves only when a test
 * (or a `AdvanceClock` command of the conformance suite) moves it, and a seeded random source, so
 * that a run of a suite is a pure function of its seed.
 *
 * @since 0.1.0
 */
import { Random } from '@secrets-engine/core'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ManualClock {
  /** The current time, as a fresh `Date`: pass this function as a target's clock. */
  readonly now: () => Date
  readonly set: (iso: string) => void
  readonly advance: (millis: number) => void
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Where every suite's clock starts: a whole second, so that second-precision wire dates are exact.
 *
 * @category constants
 * @since 0.1.0
 */
export const epoch = '2026-01-01T00:00:00Z'

/**
 * @category constants
 * @since 0.1.0
 */
export const hours = (n: number): number => n * 3_600_000

/**
 * @category constants
 * @since 0.1.0
 */
export const days = (n: number): number => n * 86_400_000

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const manualClock = (iso: string = epoch): ManualClock => {
  let t = Date.parse(iso)
  return {
    now: () => new Date(t),
    set: (next) => {
      t = Date.parse(next)
    },
    advance: (millis) => {
      t += millis
    },
  }
}

/**
 * A deterministic random source (the core's xoshiro128**): never for production use.
 *
 * @category constructors
 * @since 0.1.0
 */
export const seededRandom = (seed: number): Random.Random => Random.seeded(seed)
