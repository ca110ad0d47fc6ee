/**
 * The keyring port: the master keys (CMKs) that wrap the data keys of envelopes. A keyring describes
 * and creates keys, names a default key (created on first use, as Alibaba's default key is), and
 * lends a key's material to an envelope cipher, only while the key is usable.
 *
 * Key bytes never appear in what a keyring returns: `KeyMaterial` lends them to a function and keeps
 * them in a closure, so logging or serialising a keyring's answers shows no secret.
 *
 * @since 0.1.0
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { CryptoError } from './CryptoError.js'
import type { KeyMetadata, KeySpec } from './KeyMetadata.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface CreateKeyInput {
  /** `Aliyun_AES_256` when absent. */
  readonly spec?: KeySpec
  readonly description?: string
  readonly instanceId?: string
}

/**
 * One version of a key's material, lent to a cipher. `use` calls `f` with the key bytes; `f` must not
 * keep or return them.
 *
 * @category model
 * @since 0.1.0
 */
export interface KeyMaterial {
  readonly keyId: string
  readonly version: number
  readonly use: <A>(f: (key: Uint8Array) => A) => A
}

/**
 * @category model
 * @since 0.1.0
 */
export interface Keyring {
  /** `KeyNotFound` for an unknown id. */
  readonly describeKey: (keyId: string) => TaskEither<CryptoError, KeyMetadata>
  readonly createKey: (input: CreateKeyInput) => TaskEither<CryptoError, KeyMetadata>
  /** The default key, created (Aliyun_AES_256, Enabled) on the first call. */
  readonly defaultKey: () => TaskEither<CryptoError, KeyMetadata>
  /**
   * The newest material of a usable key, for sealing; the default key's when `keyId` is undefined.
   * `KeyNotFound` or `KeyNotUsable` otherwise.
   */
  readonly currentMaterial: (keyId: string | undefined) => TaskEither<CryptoError, KeyMaterial>
  /**
   * One version of a usable key's material, for opening. `KeyNotFound` when the key or the version
   * does not exist; `KeyNotUsable` when the key may not be used.
   */
  readonly material: (keyId: string, version: number) => TaskEither<CryptoError, KeyMaterial>
}
