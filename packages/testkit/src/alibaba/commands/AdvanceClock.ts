/**
 * Moves the kit's clock (and the model's) forward: by a second, an hour, or whole days, so that
 * deletion windows of 7 and 30 days end, sometimes to the exact millisecond.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { days, hours } from '../../Clock.js'
import type { AlibabaCommand } from '../Model.js'

/** @since 0.1.0 */
export const advanceClock: fc.Arbitrary<AlibabaCommand> = fc
  .constantFrom(1_000, hours(1), days(1), days(7), days(23), days(30))
  .map((ms): AlibabaCommand => ({
    check: () => true,
    run: async (m, r) => {
      m.now += ms
      r.clock.advance(ms)
    },
    toString: () => `AdvanceClock ${ms / 1000}s`,
  }))
