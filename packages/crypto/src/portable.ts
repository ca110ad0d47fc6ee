/**
 * @secrets-engine/crypto/portable: everything in the package except `NodeAesGcm`, for browsers and edge
 * runtimes, where a bundler must not meet an import of `node:crypto`.
 *
 * @since 0.1.0
 */
export * as AesGcm from './AesGcm.js'
export * as AesGcmEnvelope from './AesGcmEnvelope.js'
export * as EnvelopeFormat from './EnvelopeFormat.js'
export * as MemoryKeyring from './MemoryKeyring.js'
export * as NobleAesGcm from './NobleAesGcm.js'
export * as SecureRandom from './SecureRandom.js'
