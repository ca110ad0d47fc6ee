// An engine for tests: a seeded random source, a manual clock and a store whose snapshots and
// faults the test can reach. The store keeps the engine's index, as the default store does.
import {
  createSecretsManager,
  storeIndex,
  type SecretRecord,
  type SecretsManagerOptions,
} from '@secrets-engine/alibaba'
import { Random } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import { MemoryStore } from '@secrets-engine/store-memory'

export interface ManualClock {
  readonly now: () => Date
  readonly set: (iso: string) => void
  readonly advance: (millis: number) => void
}

export const manualClock = (iso = '2026-01-01T00:00:00Z'): ManualClock => {
  let t = Date.parse(iso)
  return {
    now: () => new Date(t),
    set: (next) => {
      t = Date.parse(next)
    },
    advance: (millis) => {
      t += millis
    },
  }
}

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

export const days = (n: number): number => n * 86_400_000
export const hours = (n: number): number => n * 3_600_000

/** A response without its RequestId (a fresh UUID per request), for whole-value comparisons. */
export const withoutRequestId = <A extends { readonly RequestId: string }>(r: E.Either<unknown, A>) =>
  E.map(({ RequestId: _, ...body }: A) => body)(r)
