/**
 * The crypto suite: seal and open of 100 B, 1 KiB and 30 KiB values (30 KiB is Alibaba's SecretData
 * limit) with each adapter, beside the bare library calls the adapter makes for the same work: one
 * random draw, the data key wrapped under the master key and the value encrypted under the data key,
 * both with AES-256-GCM. The single call that encrypts the value alone is shown too, for scale.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { gcm } from '@noble/ciphers/aes.js'
import type { EnvelopeCipher } from '@secrets-engine/core'
import { MemoryKeyring, NobleAesGcm, NodeAesGcm, SecureRandom } from '@secrets-engine/crypto'
import { measure, type Comparison, type Options, type Report, type Suite } from './Suite.js'

const random = SecureRandom.secure
const sizes = [
  ['100 B', 100],
  ['1 KiB', 1024],
  ['30 KiB', 30 * 1024],
] as const
const context = { secretName: 'bench/secret', versionId: 'v1' }
// Associated data of the sizes the adapters use (header and context), built once: the bare calls have
// no envelope framing to build.
const wrapAad = random.bytes(35 + 8 + 2 * 15)
const dataAad = random.bytes(1 + 8 + 2 * 15)
const masterKey = random.bytes(32)

interface Bare {
  /** Seals; returns what open needs. */
  readonly seal: (plaintext: Uint8Array) => readonly [Uint8Array, Uint8Array, Uint8Array, Uint8Array]
  readonly open: (sealed: readonly [Uint8Array, Uint8Array, Uint8Array, Uint8Array]) => Uint8Array
  readonly once: (plaintext: Uint8Array) => Uint8Array
}

const nobleBare: Bare = {
  seal: (plaintext) => {
    const fresh = random.bytes(56)
    const dataKey = fresh.subarray(0, 32)
    const wrapNonce = fresh.slice(32, 44)
    const dataNonce = fresh.slice(44)
    const wrapped = gcm(masterKey, wrapNonce, wrapAad).encrypt(dataKey)
    const data = gcm(dataKey, dataNonce, dataAad).encrypt(plaintext)
    fresh.fill(0)
    return [wrapNonce, wrapped, dataNonce, data]
  },
  open: ([wrapNonce, wrapped, dataNonce, data]) => {
    const dataKey = gcm(masterKey, wrapNonce, wrapAad).decrypt(wrapped)
    const plaintext = gcm(dataKey, dataNonce, dataAad).decrypt(data)
    dataKey.fill(0)
    return plaintext
  },
  once: (plaintext) => gcm(masterKey, random.bytes(12), dataAad).encrypt(plaintext),
}

const nodeEncrypt = (key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array) => {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 })
  cipher.setAAD(aad)
  const body = cipher.update(plaintext)
  cipher.final()
  return [body, cipher.getAuthTag()] as const
}
const nodeDecrypt = (key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, body: Uint8Array, tag: Uint8Array) => {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 })
  decipher.setAAD(aad)
  decipher.setAuthTag(tag)
  const plaintext = decipher.update(body)
  decipher.final()
  return plaintext
}
const concat = ([a, b]: readonly [Uint8Array, Uint8Array]): Uint8Array => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

const nodeBare: Bare = {
  seal: (plaintext) => {
    const fresh = random.bytes(56)
    const dataKey = fresh.subarray(0, 32)
    const wrapNonce = fresh.slice(32, 44)
    const dataNonce = fresh.slice(44)
    const wrapped = concat(nodeEncrypt(masterKey, wrapNonce, wrapAad, dataKey))
    const data = concat(nodeEncrypt(dataKey, dataNonce, dataAad, plaintext))
    fresh.fill(0)
    return [wrapNonce, wrapped, dataNonce, data]
  },
  open: ([wrapNonce, wrapped, dataNonce, data]) => {
    const dataKey = nodeDecrypt(masterKey, wrapNonce, wrapAad, wrapped.subarray(0, 32), wrapped.subarray(32))
    const end = data.length - 16
    const plaintext = nodeDecrypt(dataKey, dataNonce, dataAad, data.subarray(0, end), data.subarray(end))
    dataKey.fill(0)
    return plaintext
  },
  once: (plaintext) => concat(nodeEncrypt(masterKey, random.bytes(12), dataAad, plaintext)),
}

const run = async (options: Options): Promise<Report> => {
  const keyring = MemoryKeyring.make()
  const adapters = [
    ['NobleAesGcm', NobleAesGcm.make({ keyring }), nobleBare, 'noble gcm'],
    ['NodeAesGcm', NodeAesGcm.make({ keyring }), nodeBare, 'node:crypto aes-256-gcm'],
  ] as const
  const comparisons: Array<Comparison> = []
  for (const [name, cipher, bare, library] of adapters) {
    for (const [label, size] of sizes) {
      const plaintext = random.bytes(size)
      const envelope = await sealOnce(cipher, plaintext)
      const sealed = bare.seal(plaintext)
      const [seal, sealBare, sealOnceBare] = await measure(options, [
        [`${name}.seal`, () => cipher.seal({ plaintext, context })()],
        [`${library} encrypt x2`, () => bare.seal(plaintext)],
        [`${library} encrypt x1`, () => bare.once(plaintext)],
      ])
      const [open, openBare] = await measure(options, [
        [`${name}.open`, () => cipher.open(envelope, context)()],
        [`${library} decrypt x2`, () => bare.open(sealed)],
      ])
      if (!seal || !sealBare || !sealOnceBare || !open || !openBare) throw new Error('a task did not run')
      const suite = 'crypto'
      comparisons.push({ suite, case: `seal ${label}`, subject: seal, baseline: sealBare, context: [sealOnceBare] })
      comparisons.push({ suite, case: `open ${label}`, subject: open, baseline: openBare, context: [] })
    }
  }
  return { comparisons }
}

const sealOnce = async (cipher: EnvelopeCipher.EnvelopeCipher, plaintext: Uint8Array) => {
  const result = await cipher.seal({ plaintext, context })()
  if (E.isLeft(result)) throw new Error(result.left._tag)
  return result.right
}

export const suite: Suite = { name: 'crypto', run }
