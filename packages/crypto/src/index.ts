/**
 * @secrets-engine/crypto: envelope encryption for secrets-engine. AES-256-GCM on `@noble/ciphers`
 * (portable) and on `node:crypto` (fast on Node), writing one envelope format, and an in-memory
 * keyring of master keys. Code that must not load `node:*` imports `@secrets-engine/crypto/portable`.
 *
 * @since 0.1.0
 */
export * as AesGcm from './AesGcm.js'
export * as AesGcmEnvelope from './AesGcmEnvelope.js'
export * as EnvelopeFormat from './EnvelopeFormat.js'
export * as MemoryKeyring from './MemoryKeyring.js'
export * as NobleAesGcm from './NobleAesGcm.js'
export * as NodeAesGcm from './NodeAesGcm.js'
export * as SecureRandom from './SecureRandom.js'
