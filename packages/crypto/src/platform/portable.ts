/**
 * The default envelope cipher off Node (browsers, Deno, Bun, edge runtimes): AES-256-GCM on
 * @noble/ciphers, which needs nothing from the platform but `crypto.getRandomValues`.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher } from '@secrets-engine/core'
import type { Dependencies } from '../AesGcmEnvelope.js'
import * as NobleAesGcm from '../NobleAesGcm.js'

/**
 * @category constructors
 * @since 0.1.0
 */
export const makeDefaultCipher: (dependencies: Dependencies) => EnvelopeCipher.EnvelopeCipher = NobleAesGcm.make

/**
 * @category constants
 * @since 0.1.0
 */
export const defaultCipherName = 'NobleAesGcm'
