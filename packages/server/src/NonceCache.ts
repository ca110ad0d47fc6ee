/**
 * The nonces of recently accepted requests, so that a captured request cannot be sent again. A nonce
 * must be remembered for as long as a request carrying it could still pass the timestamp check: a
 * request may be up to 15 minutes early or late, both limits included, so an entry lives twice that
 * window from the time it is seen, its last millisecond included, then goes. Entries are kept in the
 * order they were seen, which is also the order in which they expire, so each check drops the
 * expired ones from the front in time proportional to their number. A hard cap bounds memory even
 * under a flood within one window: past it, the oldest entries are dropped first (a replay of those
 * would then pass, which a test double can accept).
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface NonceCache {
  /** Records the nonce at time `now` (epoch ms); false if it was already there. */
  readonly claim: (key: string, now: number) => boolean
  readonly size: () => number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const make = (options: { readonly ttl: number; readonly maxEntries: number }): NonceCache => {
  // Map iteration follows insertion order: the first entry is the oldest.
  const expiries = new Map<string, number>()
  const sweep = (now: number): void => {
    for (const [key, expiry] of expiries) {
      // Kept at `expiry` itself: a request seen 15 minutes early is still timely at exactly 15 late.
      if (expiry >= now && expiries.size < options.maxEntries) break
      expiries.delete(key)
    }
  }
  return {
    claim: (key, now) => {
      sweep(now)
      if (expiries.has(key)) return false
      expiries.set(key, now + options.ttl)
      return true
    },
    size: () => expiries.size,
  }
}
