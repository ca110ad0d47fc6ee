/**
 * The public key of an Ed25519 seed (RFC 8032, section 5.1.5), in portable TypeScript: SHA-512
 * (FIPS 180-4) and edwards25519 arithmetic on `bigint`, so the engine needs no `node:*` module and
 * no extra dependency to give a rotated ECS secret a new SSH key. Only key generation is here: the
 * engine never signs. Not constant-time, which is acceptable for a key whose private half the
 * engine stores and returns anyway; it runs once per SSH-key rotation.
 *
 * The round constants of SHA-512 are computed, not copied: the first 64 bits of the fractional
 * parts of the square roots (initial hash) and cube roots (round constants) of the first primes,
 * as the standard defines them. The tests check the hash against node:crypto and the keys against
 * ssh-keygen.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * SHA-512 of `message`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const sha512 = (message: Uint8Array): Uint8Array => {
  const bitLength = BigInt(message.length) * 8n
  const padded = new Uint8Array(Math.ceil((message.length + 17) / 128) * 128)
  padded.set(message)
  padded[message.length] = 0x80
  for (let i = 0; i < 16; i++) padded[padded.length - 1 - i] = Number((bitLength >> BigInt(8 * i)) & 0xffn)
  const h = [...initialHash]
  const w = new Array<bigint>(80).fill(0n)
  for (let block = 0; block < padded.length; block += 128) {
    for (let t = 0; t < 16; t++) w[t] = readUint64(padded, block + 8 * t)
    for (let t = 16; t < 80; t++) {
      const w15 = w[t - 15] ?? 0n
      const w2 = w[t - 2] ?? 0n
      const s0 = rotr(w15, 1n) ^ rotr(w15, 8n) ^ (w15 >> 7n)
      const s1 = rotr(w2, 19n) ^ rotr(w2, 61n) ^ (w2 >> 6n)
      w[t] = (s1 + (w[t - 7] ?? 0n) + s0 + (w[t - 16] ?? 0n)) & mask64
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]
    for (let t = 0; t < 80; t++) {
      const t1 =
        (hh +
          (rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n)) +
          ((e & f) ^ (~e & mask64 & g)) +
          (roundConstants[t] ?? 0n) +
          (w[t] ?? 0n)) &
        mask64
      const t2 = ((rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & mask64
      hh = g
      g = f
      f = e
      e = (d + t1) & mask64
      d = c
      c = b
      b = a
      a = (t1 + t2) & mask64
    }
    ;[a, b, c, d, e, f, g, hh].forEach((v, i) => {
      h[i] = ((h[i] ?? 0n) + v) & mask64
    })
  }
  const out = new Uint8Array(64)
  h.forEach((v, i) => {
    for (let j = 0; j < 8; j++) out[8 * i + j] = Number((v >> BigInt(56 - 8 * j)) & 0xffn)
  })
  return out
}

/**
 * The 32-byte public key of a 32-byte secret seed.
 *
 * @category destructors
 * @since 0.1.0
 */
export const publicKey = (seed: Uint8Array): Uint8Array => {
  const digest = sha512(seed)
  const scalarBytes = digest.slice(0, 32)
  scalarBytes[0] = (scalarBytes[0] ?? 0) & 248
  scalarBytes[31] = ((scalarBytes[31] ?? 0) & 127) | 64
  let scalar = 0n
  for (let i = 31; i >= 0; i--) scalar = (scalar << 8n) | BigInt(scalarBytes[i] ?? 0)
  return encodePoint(multiply(scalar, base))
}

// -------------------------------------------------------------------------------------
// internal: SHA-512
// -------------------------------------------------------------------------------------

const mask64 = (1n << 64n) - 1n

const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & mask64

const readUint64 = (bytes: Uint8Array, at: number): bigint => {
  let v = 0n
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(bytes[at + i] ?? 0)
  return v
}

/** The integer k-th root of n, by Newton's method. */
const integerRoot = (n: bigint, k: bigint): bigint => {
  let x = 1n << (BigInt(n.toString(2).length) / k + 1n)
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k
    if (y >= x) return x
    x = y
  }
}

const primes = (count: number): ReadonlyArray<bigint> => {
  const found: Array<bigint> = []
  for (let n = 2n; found.length < count; n++) if (found.every((p) => n % p !== 0n)) found.push(n)
  return found
}

/** The first 64 bits of the fractional part of the k-th root of p: floor(p^(1/k) * 2^64) mod 2^64. */
const fractionBits = (p: bigint, k: bigint): bigint => integerRoot(p << (64n * k), k) & mask64

const initialHash: ReadonlyArray<bigint> = primes(8).map((p) => fractionBits(p, 2n))
const roundConstants: ReadonlyArray<bigint> = primes(80).map((p) => fractionBits(p, 3n))

// -------------------------------------------------------------------------------------
// internal: edwards25519 (RFC 8032, section 5.1)
// -------------------------------------------------------------------------------------

const p = 2n ** 255n - 19n

const mod = (a: bigint): bigint => ((a % p) + p) % p

const power = (b: bigint, e: bigint): bigint => {
  let result = 1n
  let x = mod(b)
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) result = (result * x) % p
    x = (x * x) % p
  }
  return result
}

const inverse = (a: bigint): bigint => power(a, p - 2n)

const d = mod(-121665n * inverse(121666n))

/** Extended homogeneous coordinates (X, Y, Z, T) with x = X/Z, y = Y/Z, xy = T/Z. */
type Point = readonly [bigint, bigint, bigint, bigint]

const add = ([x1, y1, z1, t1]: Point, [x2, y2, z2, t2]: Point): Point => {
  const a = mod((y1 - x1) * (y2 - x2))
  const b = mod((y1 + x1) * (y2 + x2))
  const c = mod(t1 * 2n * d * t2)
  const dd = mod(z1 * 2n * z2)
  const e = b - a
  const f = dd - c
  const g = dd + c
  const h = b + a
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)]
}

const multiply = (scalar: bigint, point: Point): Point => {
  let result: Point = [0n, 1n, 1n, 0n]
  let addend = point
  for (let s = scalar; s > 0n; s >>= 1n) {
    if (s & 1n) result = add(result, addend)
    addend = add(addend, addend)
  }
  return result
}

const baseY = mod(4n * inverse(5n))
const baseX = 15112221349535400772501151409588531511454012693041857206046113283949847762202n
const base: Point = [baseX, baseY, 1n, mod(baseX * baseY)]

const encodePoint = ([x, y, z]: Point): Uint8Array => {
  const zInverse = inverse(z)
  const affineX = mod(x * zInverse)
  const affineY = mod(y * zInverse)
  const value = affineY | ((affineX & 1n) << 255n)
  return Uint8Array.from({ length: 32 }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn))
}
