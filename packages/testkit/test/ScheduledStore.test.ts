// A scheduled store is the store it wraps, with every call waiting for the scheduler: it keeps the
// store's index, so that an engine on it pages and counts as on the store itself.
import { MemoryStore } from '@secrets-engine/store-memory'
import { scheduledStore } from '@secrets-engine/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { noteIndex } from './stores.js'

describe('scheduledStore', () => {
  const [s] = fc.sample(fc.scheduler(), { seed: 1, numRuns: 1 })

  it("keeps the store's index, and adds none to a store without one", () => {
    if (s === undefined) return expect.fail('no scheduler')
    expect(scheduledStore(MemoryStore.make({ index: noteIndex }), s).index).toBe(noteIndex)
    expect('index' in scheduledStore(MemoryStore.make(), s)).toBe(false)
  })
})
