// How many runs a root property gets: its own count, unless FC_NUM_RUNS set fast-check's global
// numRuns (vitest.setup.ts), which then wins. fast-check lets an explicit numRuns override the global
// one, so a property that passed its own count alone would never follow FC_NUM_RUNS.
import fc from 'fast-check'

export const runs = (own: number): number => fc.readConfigureGlobal().numRuns ?? own

// The replay path of a failed model-based suite (the testkit's conformance suites print it beside
// the seed and the path), from FC_REPLAY_PATH. fast-check's global settings have no place for it, so
// the suites run here pass it as an option; with FC_SEED and FC_PATH it replays the failure at once.
export const replay = (): { readonly replayPath?: string } => {
  const replayPath = process.env['FC_REPLAY_PATH']
  return replayPath === undefined ? {} : { replayPath }
}
