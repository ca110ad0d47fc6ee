import fc from 'fast-check'

// fast-check prints the seed and the shrunk counterexample of any failing property.
// Replay a failure with FC_SEED=<seed> (and FC_PATH=<path>) in front of the test command.
// CI runs with a fixed seed so that its result is reproducible; FC_NUM_RUNS scales every property.
const seed =
  process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : process.env['CI'] ? 20261125 : undefined
const path = process.env['FC_PATH']
const numRuns = process.env['FC_NUM_RUNS'] !== undefined ? Number(process.env['FC_NUM_RUNS']) : undefined

fc.configureGlobal({
  ...(seed !== undefined ? { seed } : {}),
  ...(path !== undefined ? { path } : {}),
  ...(numRuns !== undefined ? { numRuns } : {}),
})
