/**
 * Moves the kit's clock (and the model's) forward: by a second, an hour, or whole days, so that
 * scheduled deletions of 7 to 30 days come, sometimes to the exact millisecond.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { days, hours } from '../../Clock.js'
import type { HuaweiCommand } from '../Model.js'

/** @since 0.1.0 */
export const advanceClock: fc.Arbitrary<HuaweiCommand> = fc
  .constantFrom(1_000, hours(1), days(1), days(7), days(23), days(30))
  .map((ms): HuaweiCommand => ({
    check: () => true,
    run: async (m, r) => {
      m.now += ms
      r.clock.advance(ms)
    },
    toString: () => `AdvanceClock ${ms / 1000}s`,
  }))
