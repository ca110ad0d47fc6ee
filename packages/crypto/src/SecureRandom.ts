/**
 * The production random source: the platform's cryptographically secure generator through
 * `crypto.getRandomValues` (Web Crypto), which Node, browsers, Deno, Bun and edge runtimes all
 * provide, so this module stays portable. Tests pass `Random.seeded` from the core instead.
 *
 * @since 0.1.0
 */
import type { Random } from '@secrets-engine/core'
import { randomBytes } from '@noble/ciphers/utils.js'

// Web Crypto fills at most 65,536 bytes per call.
const quota = 65536

/**
 * @category instances
 * @since 0.1.0
 */
export const secure: Random.Random = {
  bytes: (length) => {
    if (length <= quota) return randomBytes(length)
    const out = new Uint8Array(length)
    for (let at = 0; at < length; at += quota) out.set(randomBytes(Math.min(quota, length - at)), at)
    return out
  },
}
