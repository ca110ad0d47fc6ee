/**
 * The portable envelope cipher: AES-256-GCM from `@noble/ciphers`, audited pure JavaScript that runs in
 * Node, browsers and edge runtimes alike. This module imports nothing from `node:*`, so bundles for
 * those platforms can use it. On Node, `NodeAesGcm` is faster and writes the same envelopes.
 *
 * @since 0.1.0
 */
import { gcm } from '@noble/ciphers/aes.js'
import type { EnvelopeCipher } from '@secrets-engine/core'
import type { AesGcm } from './AesGcm.js'
import * as AesGcmEnvelope from './AesGcmEnvelope.js'

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * noble's `gcm`. It refuses nonces shorter than 8 bytes (SP 800-38D allows that narrowing); the
 * envelopes use 12.
 *
 * @category instances
 * @since 0.1.0
 */
export const aesGcm: AesGcm = {
  name: '@noble/ciphers gcm',
  nonceLength: { min: 8, max: Number.MAX_SAFE_INTEGER },
  encryptInto: (key, nonce, aad, plaintext, out) => {
    out.set(gcm(key, nonce, aad).encrypt(plaintext))
  },
  decrypt: (key, nonce, aad, sealed) => {
    try {
      // noble checks the tag before it decrypts, so a failure leaves no plaintext behind.
      return gcm(key, nonce, aad).decrypt(sealed)
    } catch {
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
