/**
 * Ed25519 SSH key pairs for the rotation of ECS secrets of the SSHKey kind, in the formats
 * `ssh-keygen` writes: the public key as one `ssh-ed25519 <base64> <comment>` line
 * (RFC 8709, section 4) and the private key as an `OPENSSH PRIVATE KEY` block (openssh-key-v1,
 * unencrypted). The 32-byte seed and the check word come from the caller, so a seeded random
 * source replays the same key; node:crypto only derives the public key from the seed.
 *
 * @since 0.1.0
 */
import { createPrivateKey, createPublicKey } from 'node:crypto'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface KeyPair {
  readonly publicKey: string
  readonly privateKey: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The key pair of `seed` (32 bytes). `check` (4 bytes) is the openssh-key-v1 check word, which
 * ssh-keygen draws at random.
 *
 * @category constructors
 * @since 0.1.0
 */
export const ed25519 = (seed: Uint8Array, check: Uint8Array, comment: string): KeyPair => {
  // PKCS #8 of an Ed25519 seed (RFC 8410): a fixed 16-byte prefix, then the seed.
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed])
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
  // The SPKI of an Ed25519 key ends with the 32 bytes of the public key.
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
  const publicBytes = spki.subarray(spki.length - 32)
  const keyType = Buffer.from('ssh-ed25519')
  const publicBlob = Buffer.concat([sshString(keyType), sshString(publicBytes)])
  const commentBytes = Buffer.from(comment, 'utf8')
  const unpadded = Buffer.concat([
    check,
    check,
    sshString(keyType),
    sshString(publicBytes),
    sshString(Buffer.concat([seed, publicBytes])),
    sshString(commentBytes),
  ])
  // Padded with 1, 2, 3, ... to the cipher block size, 8 for "none".
  const padding = Buffer.from(Array.from({ length: (8 - (unpadded.length % 8)) % 8 }, (_, i) => i + 1))
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString(Buffer.from('none')),
    sshString(Buffer.from('none')),
    sshString(Buffer.alloc(0)),
    uint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([unpadded, padding])),
  ])
  const lines = body.toString('base64').match(/.{1,70}/g) ?? []
  return {
    publicKey: `ssh-ed25519 ${publicBlob.toString('base64')}${comment === '' ? '' : ` ${comment}`}`,
    privateKey: ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n'),
  }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const uint32 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/** An RFC 4251 `string`: a 32-bit length, then the bytes. */
const sshString = (bytes: Uint8Array): Buffer => Buffer.concat([uint32(bytes.length), bytes])
