/**
 * What a keyring tells about a master key (a CMK): its id, spec, state, instance and key material
 * versions. Never the key bytes: metadata is safe to log, return from an API and compare in tests.
 * `checkUsable` is the one rule for whether a key may seal or open an envelope.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { CryptoError } from './CryptoError.js'
import { keyNotUsable } from './CryptoError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

// Each list is written once: the union types below are read from it.
const keySpecList = ['Aliyun_AES_256', 'RSA_2048', 'RSA_3072', 'EC_P256', 'EC_P256K', 'EC_SM2'] as const
const keyStateList = ['Enabled', 'Disabled', 'PendingDeletion'] as const

/**
 * Key specs in Alibaba Cloud KMS's names. Only `Aliyun_AES_256` can wrap data keys; the asymmetric
 * specs exist so that a request naming one is refused the way the cloud refuses it.
 *
 * @category model
 * @since 0.1.0
 */
export type KeySpec = (typeof keySpecList)[number]

/**
 * @category model
 * @since 0.1.0
 */
export type KeyState = (typeof keyStateList)[number]

/**
 * @category model
 * @since 0.1.0
 */
export interface KeyMetadata {
  /** `key-` followed by lowercase alphanumerics, like Alibaba's key ids. */
  readonly keyId: string
  readonly spec: KeySpec
  readonly state: KeyState
  /** The KMS instance that holds the key, when there is one. */
  readonly instanceId?: string
  readonly description?: string
  /** Material versions are numbered 1, 2, ... and never removed; rotation adds the next one. */
  readonly currentMaterialVersion: number
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const keySpecs: ReadonlyArray<KeySpec> = keySpecList

/**
 * @category constants
 * @since 0.1.0
 */
export const keyStates: ReadonlyArray<KeyState> = keyStateList

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const isSymmetric = (spec: KeySpec): boolean => spec === 'Aliyun_AES_256'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The key may seal and open envelopes: it is symmetric and Enabled. A Disabled or PendingDeletion key
 * opens nothing either, as in KMS, where a disabled key refuses Decrypt as well as Encrypt.
 *
 * @category destructors
 * @since 0.1.0
 */
export const checkUsable = (key: KeyMetadata): E.Either<CryptoError, KeyMetadata> => {
  if (!isSymmetric(key.spec)) return E.left(keyNotUsable(key.keyId, 'AsymmetricKey'))
  switch (key.state) {
    case 'Enabled':
      return E.right(key)
    case 'Disabled':
      return E.left(keyNotUsable(key.keyId, 'KeyDisabled'))
    case 'PendingDeletion':
      return E.left(keyNotUsable(key.keyId, 'KeyPendingDeletion'))
  }
}
