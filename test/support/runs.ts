// How many runs a root property gets: its own count, unless FC_NUM_RUNS set fast-check's global
// numRuns (vitest.setup.ts), which then wins. fast-check lets an explicit numRuns override the global
// one, so a property that passed its own count alone would never follow FC_NUM_RUNS.
import fc from 'fast-check'

export const runs = (own: number): number => fc.readConfigureGlobal().numRuns ?? own
