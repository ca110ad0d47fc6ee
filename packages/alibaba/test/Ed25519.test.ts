import { Ed25519 } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

/** node:crypto's public key of a seed: PKCS #8 of the seed (RFC 8410), SPKI ends with the key. */
const nodePublicKey = (seed: Uint8Array): string => {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed])
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
    format: 'der',
    type: 'spki',
  })
  return spki.subarray(spki.length - 32).toString('hex')
}

describe('Ed25519', () => {
  it('SHA-512 gives the FIPS 180-4 answers', () => {
    expect(hex(Ed25519.sha512(new TextEncoder().encode('abc')))).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    )
    expect(hex(Ed25519.sha512(new Uint8Array(0)))).toBe(
      'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    )
  })

  it('SHA-512 agrees with node:crypto on any message, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
        expect(hex(Ed25519.sha512(message))).toBe(createHash('sha512').update(message).digest('hex'))
      }),
    )
  })

  it('derives the public key of RFC 8032 test 1', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')
    expect(hex(Ed25519.publicKey(seed))).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')
  })

  it('agrees with node:crypto on any seed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        expect(hex(Ed25519.publicKey(seed))).toBe(nodePublicKey(seed))
      }),
      { numRuns: 50 },
    )
  })
})
