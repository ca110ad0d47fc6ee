/**
 * The random source port. Randomness is a parameter of every computation that needs it, so that
 * tests can replace it with a seeded source and replay a run exactly.
 *
 * @since 0.1.0
 */
import { decoder } from './internal/Utf8.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A source of random bytes. Production adapters draw from a cryptographically secure generator;
 * test adapters from a seeded one.
 *
 * @category model
 * @since 0.1.0
 */
export interface Random {
  /** Returns `length` fresh random bytes. The caller owns the returned buffer. */
  readonly bytes: (length: number) => Uint8Array
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A deterministic source for tests: xoshiro128** seeded with `seed`. Not for production use.
 *
 * @category constructors
 * @since 0.1.0
 */
export const seeded = (seed: number): Random => {
  // splitmix32 spreads the seed over the four words of state.
  let s = seed >>> 0
  const next32 = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  const state = [next32(), next32(), next32(), next32()] as [number, number, number, number]
  const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0
  const nextWord = (): number => {
    const result = Math.imul(rotl(Math.imul(state[1], 5) >>> 0, 7), 9) >>> 0
    const t = (state[1] << 9) >>> 0
    state[2] ^= state[0]
    state[3] ^= state[1]
    state[1] ^= state[2]
    state[0] ^= state[3]
    state[2] ^= t
    state[3] = rotl(state[3], 11)
    return result
  }
  return {
    bytes: (length) => {
      const out = new Uint8Array(length)
      for (let i = 0; i < length; i += 4) {
        const word = nextWord()
        for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff
      }
      return out
    },
  }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * A uniformly distributed integer in `[0, bound)`, drawn by rejection sampling so that no value is
 * favoured. `bound` must be between 1 and 2^32.
 *
 * @category destructors
 * @since 0.1.0
 */
export const integerBelow =
  (bound: number) =>
  (random: Random): number => {
    if (bound <= 1) return 0
    const limit = Math.floor(0x1_0000_0000 / bound) * bound
    for (;;) {
      const b = random.bytes(4)
      const word = ((b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16) | ((b[3] ?? 0) << 24)) >>> 0
      if (word < limit) return word % bound
    }
  }

/**
 * The lower-case UUIDs v4 made of each 16 bytes of `bytes` in turn (their version and variant bits
 * set; a shorter rest is left out), one after the other in one text of 36 characters each: a caller
 * that hands out ids in batches draws the bytes once and slices the ids from the text. The text is
 * written as ASCII into one buffer and decoded once, rather than put together from two-digit strings.
 *
 * @category destructors
 * @since 0.1.0
 */
export const uuidsOf = (bytes: Uint8Array): string => {
  const count = Math.floor(bytes.length / 16)
  const out = new Uint8Array(count * uuidLength)
  let o = 0
  for (let b = 0; b < 16 * count; b += 16) {
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) out[o++] = 45 // '-'
      const byte = bytes[b + i] ?? 0
      const n = i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte
      out[o++] = hexDigits.charCodeAt(n >>> 4)
      out[o++] = hexDigits.charCodeAt(n & 15)
    }
  }
  return decoder.decode(out)
}

/**
 * A lower-case UUID v4 made of 16 bytes drawn from `random`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const uuid = (random: Random): string => uuidsOf(random.bytes(16))

/**
 * The length of a UUID's text.
 *
 * @category constants
 * @since 0.1.0
 */
export const uuidLength = 36

const hexDigits = '0123456789abcdef'
