/**
 * Ed25519 SSH key pairs for the rotation of ECS secrets of the SSHKey kind, in the formats
 * `ssh-keygen` writes: the public key as one `ssh-ed25519 <base64> <comment>` line
 * (RFC 8709, section 4) and the private key as an `OPENSSH PRIVATE KEY` block (openssh-key-v1,
 * unencrypted). The 32-byte seed and the check word come from the caller, so a seeded random
 * source replays the same key. Portable: plain `Uint8Array`s and @noble/curves' audited Ed25519, no `node:*` module.
 *
 * @since 0.1.0
 */
import { ed25519 as Ed25519 } from '@noble/curves/ed25519.js'

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
  const publicBytes = Ed25519.getPublicKey(seed)
  const keyType = text('ssh-ed25519')
  const publicBlob = concat([sshString(keyType), sshString(publicBytes)])
  const unpadded = concat([
    check,
    check,
    sshString(keyType),
    sshString(publicBytes),
    sshString(concat([seed, publicBytes])),
    sshString(text(comment)),
  ])
  // Padded with 1, 2, 3, ... to the cipher block size, 8 for "none".
  const padding = Uint8Array.from({ length: (8 - (unpadded.length % 8)) % 8 }, (_, i) => i + 1)
  const body = concat([
    text('openssh-key-v1\0'),
    sshString(text('none')),
    sshString(text('none')),
    sshString(new Uint8Array(0)),
    uint32(1),
    sshString(publicBlob),
    sshString(concat([unpadded, padding])),
  ])
  const lines = base64(body).match(/.{1,70}/g) ?? []
  return {
    publicKey: `ssh-ed25519 ${base64(publicBlob)}${comment === '' ? '' : ` ${comment}`}`,
    privateKey: ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n'),
  }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

const concat = (parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const uint32 = (n: number): Uint8Array =>
  Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff)

/** An RFC 4251 `string`: a 32-bit length, then the bytes. */
const sshString = (bytes: Uint8Array): Uint8Array => concat([uint32(bytes.length), bytes])

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** RFC 4648 base64 with padding; this package avoids Buffer and btoa to run on any platform. */
const base64 = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = [n >>> 18, (n >>> 12) & 63, (n >>> 6) & 63, n & 63].map((c) => alphabet.charAt(c))
    const kept = Math.min(4, Math.ceil(((bytes.length - i) * 4) / 3))
    out += chars.slice(0, kept).join('') + '='.repeat(4 - kept)
  }
  return out
}
