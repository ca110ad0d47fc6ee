import fc from 'fast-check'
import { expect } from 'vitest'
import { Redacted } from '@secrets-engine/core'

// fast-check prints the seed and the shrunk counterexample of any failing property.
// Replay a failure with FC_SEED=<seed> and FC_PATH=<path> in front of the test command, with `-t` for
// the failing test (a path belongs to one property); a conformance suite's failure also needs
// FC_REPLAY_PATH=<replayPath>, which test/support/runs.ts hands to the suites.
// CI runs with a fixed seed so that its result is reproducible. FC_NUM_RUNS sets fast-check's global
// numRuns, which a property that passes its own count ignores: the root tests' properties and the
// conformance suites run against our engine and server pass their counts through `runs`
// (test/support/runs.ts), which lets it win; other properties keep the counts they set.
const seed =
  process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : process.env['CI'] ? 20261125 : undefined
const path = process.env['FC_PATH']
const numRuns = process.env['FC_NUM_RUNS'] !== undefined ? Number(process.env['FC_NUM_RUNS']) : undefined

fc.configureGlobal({
  ...(seed !== undefined ? { seed } : {}),
  ...(path !== undefined ? { path } : {}),
  ...(numRuns !== undefined ? { numRuns } : {}),
})

// Two redacted values are equal when what they hide is equal, so whole-value comparisons of
// commands stay exact even though the secret inside them prints as `<redacted>`.
expect.addEqualityTesters([
  function redactedEquality(a: unknown, b: unknown) {
    if (!Redacted.isRedacted(a) || !Redacted.isRedacted(b)) return undefined
    return this.equals(Redacted.value(a), Redacted.value(b))
  },
])
