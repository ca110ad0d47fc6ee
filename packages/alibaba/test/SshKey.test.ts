import { SshKey } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import { createPrivateKey, createPublicKey } from 'node:crypto'
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

/** The key bytes of an `ssh-ed25519 <base64> comment` line: the last 32 bytes of its blob. */
const publicKeyOf = (line: string): string => {
  const blob = Buffer.from(line.split(' ')[1] ?? '', 'base64')
  return hex(blob.subarray(blob.length - 32))
}

describe('SshKey.ed25519', () => {
  it('derives the public key of RFC 8032 test 1', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')
    expect(publicKeyOf(SshKey.ed25519(seed, new Uint8Array(4), 'root').publicKey)).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    )
  })

  it('agrees with node:crypto on any seed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        const pair = SshKey.ed25519(seed, new Uint8Array(4), 'root')
        expect(publicKeyOf(pair.publicKey)).toBe(nodePublicKey(seed))
      }),
      { numRuns: 50 },
    )
  })
})
