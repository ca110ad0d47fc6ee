// The nonce cache on its own: a nonce is remembered through the last millisecond of its time to
// live, since the timestamp check accepts a request exactly at the edge of its window.
import { describe, expect, it } from 'vitest'
import * as NonceCache from '../src/NonceCache.js'

describe('NonceCache', () => {
  it('refuses a nonce again until its ttl has passed, the last millisecond included', () => {
    const cache = NonceCache.make({ ttl: 1_000, maxEntries: 10 })
    expect(cache.claim('nonce', 5_000)).toBe(true)
    expect(cache.claim('nonce', 5_999)).toBe(false)
    expect(cache.claim('nonce', 6_000)).toBe(false)
    expect(cache.claim('nonce', 6_001)).toBe(true)
  })
})
