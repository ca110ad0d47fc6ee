// The Huawei suite must catch broken CSMS targets, print the seed and the shrunk sequence, and
// replay a failure from its seed and path.
import { checkHuaweiConformance, report } from '@secrets-engine/testkit'
import { describe, expect, it } from 'vitest'
import { plantedHuaweiBugs } from './huawei-planted.js'

describe('the Huawei CSMS suite catches every planted bug', () => {
  for (const [bug, makeTarget] of plantedHuaweiBugs) {
    // Up to 1,000 runs: the run stops at the first failure, so an easy bug costs no more, and a bug
    // that takes more than 20 versions of one secret to show (pruning) is still caught whatever the
    // seed (with 200 runs, about one random seed in eight missed it).
    it(bug, { timeout: 180_000 }, async () => {
      const result = await checkHuaweiConformance(makeTarget, { numRuns: 1_000 })
      expect(result.ok).toBe(false)
      const failure = result.failures[0]
      expect(failure?.steps).toBeGreaterThan(0)
      expect(report(result)).toContain(`seed: ${result.seed}`)
      console.info(
        `${bug}: caught (seed ${result.seed}), shrunk to ${failure?.steps} commands\n${failure?.counterexample}`,
      )
      // Replaying from the seed and the path fails again at once, on the same sequence.
      const replay = await checkHuaweiConformance(makeTarget, {
        seed: result.seed,
        path: failure?.path ?? '',
        ...(failure?.replayPath !== undefined ? { replayPath: failure.replayPath } : {}),
      })
      expect(replay.ok).toBe(false)
      expect(replay.failures[0]?.counterexample).toBe(failure?.counterexample)
    })
  }
})
