/**
 * The fast envelope cipher on Node: AES-256-GCM from `node:crypto` (OpenSSL, with AES-NI where the CPU
 * has it). It writes the same envelopes as `NobleAesGcm`, so a store sealed by one opens with the other.
 *
 * @since 0.1.0
 */
import { createCipheriv, createDecipheriv, type CipherGCMTypes } from 'node:crypto'
import type { EnvelopeCipher } from '@secrets-engine/core'
import { tagLength, type AesGcm } from './AesGcm.js'
import * as AesGcmEnvelope from './AesGcmEnvelope.js'

const algorithmFor = (key: Uint8Array): CipherGCMTypes =>
  key.length === 32 ? 'aes-256-gcm' : key.length === 24 ? 'aes-192-gcm' : 'aes-128-gcm'

// A fixed tag length stops OpenSSL from accepting a truncated tag on decryption.
const options = { authTagLength: tagLength } as const

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * `node:crypto`'s `aes-*-gcm`. OpenSSL accepts nonces of 1 to 128 bytes; the envelopes use 12.
 *
 * @category instances
 * @since 0.1.0
 */
export const aesGcm: AesGcm = {
  name: 'node:crypto aes-gcm',
  nonceLength: { min: 1, max: 128 },
  encryptInto: (key, nonce, aad, plaintext, out) => {
    const cipher = createCipheriv(algorithmFor(key), key, nonce, options)
    cipher.setAAD(aad)
    const body = cipher.update(plaintext)
    out.set(body)
    // GCM is a stream mode: update returns every byte and final none, but place them anyway.
    const tail = cipher.final()
    if (tail.length > 0) out.set(tail, body.length)
    out.set(cipher.getAuthTag(), plaintext.length)
  },
  decrypt: (key, nonce, aad, sealed) => {
    if (sealed.length < tagLength) return undefined
    let plaintext: Uint8Array | undefined
    try {
      const decipher = createDecipheriv(algorithmFor(key), key, nonce, options)
      decipher.setAAD(aad)
      const tagAt = sealed.length - tagLength
      decipher.setAuthTag(sealed.subarray(tagAt))
      const body = decipher.update(sealed.subarray(0, tagAt))
      // A plain Uint8Array view, not a Buffer: both adapters return the same type, and a Buffer's
      // toString would print the plaintext.
      plaintext = new Uint8Array(body.buffer, body.byteOffset, body.length)
      // OpenSSL checks the tag only here, after update has produced the plaintext: wipe it on failure.
      decipher.final()
      return plaintext
    } catch {
      plaintext?.fill(0)
      return undefined
    }
  },
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const make: (dependencies: AesGcmEnvelope.Dependencies) => EnvelopeCipher.EnvelopeCipher =
  AesGcmEnvelope.make(aesGcm)
