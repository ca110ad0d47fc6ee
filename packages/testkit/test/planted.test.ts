// The conformance suite must catch broken targets, print the seed and the shrunk sequence, and replay
// a failure from its seed and path. Broken stores: stores.test.ts.
import { checkAlibabaConformance, report } from '@secrets-engine/testkit'
import { describe, expect, it } from 'vitest'
import { plantedBugs } from './planted.js'

describe('the conformance suite catches every planted bug', () => {
  for (const [bug, makeTarget] of plantedBugs) {
    it(bug, async () => {
      const result = await checkAlibabaConformance(makeTarget, { numRuns: 200 })
      expect(result.ok).toBe(false)
      const failure = result.failures[0]
      expect(failure?.steps).toBeGreaterThan(0)
      expect(report(result)).toContain(`seed: ${result.seed}`)
      console.info(`${bug}: caught, shrunk to ${failure?.steps} commands\n${failure?.counterexample}`)
      // Replaying from the seed and the path fails again at once, on the same sequence.
      const replay = await checkAlibabaConformance(makeTarget, {
        seed: result.seed,
        path: failure?.path ?? '',
        ...(failure?.replayPath !== undefined ? { replayPath: failure.replayPath } : {}),
      })
      expect(replay.ok).toBe(false)
      expect(replay.failures[0]?.counterexample).toBe(failure?.counterexample)
    })
  }
})

describe('a replay that cannot be done', () => {
  it('is a failure of the suite, not a rejected promise: a model-based path needs its replayPath', async () => {
    const [, makeTarget] = plantedBugs[0]!
    const result = await checkAlibabaConformance(makeTarget, { numRuns: 200 })
    const failure = result.failures[0]
    expect(failure?.replayPath).toBeDefined()
    const replay = await checkAlibabaConformance(makeTarget, { seed: result.seed, path: failure?.path ?? '' })
    expect(replay).toStrictEqual({
      ok: false,
      deviations: [],
      seed: result.seed,
      path: failure?.path,
      failures: [
        {
          check: 'every request answers as the model predicts',
          seed: result.seed,
          path: failure?.path,
          message: `every request answers as the model predicts\nError: Unable to replay, got wrong path=${failure?.path}`,
          counterexample: '',
        },
      ],
    })
  })
})
