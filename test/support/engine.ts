// An engine for tests: a seeded random source, the testkit's manual clock and a store whose snapshots
// and faults the test can reach. The store keeps the engine's index, as the default store does.
import {
  createSecretsManager,
  storeIndex,
  type SecretRecord,
  type SecretsManagerOptions,
} from '@secrets-engine/alibaba'
import { Random } from '@secrets-engine/core'
import { MemoryStore } from '@secrets-engine/store-memory'
import { manualClock } from '@secrets-engine/testkit'
import * as E from 'fp-ts/lib/Either.js'

// The testkit's, for the tests that take them from here.
export { days, hours } from '@secrets-engine/testkit'

export const testEngine = (options: SecretsManagerOptions & { readonly seed?: number } = {}) => {
  const clock = manualClock()
  const store = MemoryStore.make<SecretRecord>({ index: storeIndex })
  const engine = createSecretsManager({
    random: Random.seeded(options.seed ?? 1),
    now: clock.now,
    store,
    ...options,
  })
  return { engine, clock, store }
}

/** A response without its RequestId (a fresh UUID per request), for whole-value comparisons. */
export const withoutRequestId = <A extends { readonly RequestId: string }>(r: E.Either<unknown, A>) =>
  E.map(({ RequestId: _, ...body }: A) => body)(r)
