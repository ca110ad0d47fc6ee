// Runs every suite of the kit against our own engine and store, without any test runner: what a
// user does with their own target (an SDK client, an adapter to the real cloud) or their own store.
// Run it with `pnpm exec tsx --conditions=source packages/testkit/examples/run-suites.ts`.
import { createSecretsManager } from '@secrets-engine/alibaba'
import { MemoryStore } from '@secrets-engine/store-memory'
import {
  checkAlibabaConformance,
  checkAlibabaRaces,
  checkStore,
  engineChoices,
  fromEngine,
  report,
  scheduledStore,
  type MakeTarget,
  type Target,
} from '@secrets-engine/testkit'

// A target is anything with request(action, params) => Promise<outcome>. Build it on the kit's clock
// (env.now) so that deletion windows can expire; the random source and scheduler are optional.
const makeTarget: MakeTarget = ({ now, random, scheduler }): Target =>
  fromEngine(
    createSecretsManager({
      now,
      random,
      ...(scheduler !== undefined ? { store: scheduledStore(MemoryStore.make(), scheduler) } : {}),
    }),
  )

export const main = async (seed = 2026): Promise<boolean> => {
  const store = await checkStore(() => MemoryStore.make(), { seed, numRuns: 20 })
  console.log(`store contract: ${report(store)}`)

  // engineChoices lists where the engine's behaviour is our choice; a real-cloud target passes it
  // (and its own deviations) so that those differences are reported instead of failing the run.
  const conformance = await checkAlibabaConformance(makeTarget, { seed, numRuns: 20, deviations: engineChoices })
  console.log(`conformance: ${report(conformance)}`)
  for (const d of conformance.deviations) console.log(`  allowed: ${d.operation} ${d.field} x${d.count} (${d.reason})`)

  const races = await checkAlibabaRaces(makeTarget, { seed, numRuns: 10 })
  console.log(`races: ${report(races)}`)

  return store.ok && conformance.ok && races.ok
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await main()) ? 0 : 1
}
