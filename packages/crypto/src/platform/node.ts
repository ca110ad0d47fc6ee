/**
 * The default envelope cipher on Node: AES-256-GCM on node:crypto, the fast path. Package
 * consumers reach this module as `@secrets-engine/crypto/platform` under the `node` condition;
 * every other runtime gets the portable one.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher } from '@secrets-engine/core'
import type { Dependencies } from '../AesGcmEnvelope.js'
import * as NodeAesGcm from '../NodeAesGcm.js'

/**
 * @category constructors
 * @since 0.1.0
 */
export const makeDefaultCipher: (dependencies: Dependencies) => EnvelopeCipher.EnvelopeCipher = NodeAesGcm.make

/**
 * @category constants
 * @since 0.1.0
 */
export const defaultCipherName = 'NodeAesGcm'
