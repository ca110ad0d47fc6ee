/**
 * Crypto errors: every way the envelope cipher and the keyring can refuse a request, as tagged data.
 * They carry key ids and reasons, never key bytes or plaintext, so they are safe to log and to show.
 * The dialect packages map each tag to their API's exact error: `KeyNotFound` to a "not found" error,
 * `KeyNotUsable` to an "invalid parameter" error.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The envelope did not verify: it was altered, it belongs to another secret or version, or it was not
 * sealed under a key this keyring holds. One answer for all of these, so that `open` tells a caller
 * nothing about which part was rejected.
 *
 * @category model
 * @since 0.1.0
 */
export interface AuthenticationFailed {
  readonly _tag: 'AuthenticationFailed'
}

/**
 * No key with this id (or alias) exists in the keyring.
 *
 * @category model
 * @since 0.1.0
 */
export interface KeyNotFound {
  readonly _tag: 'KeyNotFound'
  readonly keyId: string
}

/**
 * Why an existing key cannot encrypt or decrypt.
 *
 * @category model
 * @since 0.1.0
 */
export type KeyNotUsableReason = 'AsymmetricKey' | 'KeyDisabled' | 'KeyPendingDeletion'

/**
 * The key exists but cannot be used for envelope encryption.
 *
 * @category model
 * @since 0.1.0
 */
export interface KeyNotUsable {
  readonly _tag: 'KeyNotUsable'
  readonly keyId: string
  readonly reason: KeyNotUsableReason
}

/**
 * The input cannot be an envelope at all (not base64, empty, shorter than the smallest envelope).
 *
 * @category model
 * @since 0.1.0
 */
export interface MalformedEnvelope {
  readonly _tag: 'MalformedEnvelope'
  readonly reason: string
}

/**
 * @category model
 * @since 0.1.0
 */
export type CryptoError = AuthenticationFailed | KeyNotFound | KeyNotUsable | MalformedEnvelope

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const authenticationFailed: CryptoError = { _tag: 'AuthenticationFailed' }

/**
 * @category constructors
 * @since 0.1.0
 */
export const keyNotFound = (keyId: string): CryptoError => ({ _tag: 'KeyNotFound', keyId })

/**
 * @category constructors
 * @since 0.1.0
 */
export const keyNotUsable = (keyId: string, reason: KeyNotUsableReason): CryptoError => ({
  _tag: 'KeyNotUsable',
  keyId,
  reason,
})

/**
 * @category constructors
 * @since 0.1.0
 */
export const malformedEnvelope = (reason: string): CryptoError => ({ _tag: 'MalformedEnvelope', reason })

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Case analysis over the four tags; every case must be handled.
 *
 * @category destructors
 * @since 0.1.0
 */
export const match =
  <A>(cases: {
    readonly AuthenticationFailed: () => A
    readonly KeyNotFound: (keyId: string) => A
    readonly KeyNotUsable: (keyId: string, reason: KeyNotUsableReason) => A
    readonly MalformedEnvelope: (reason: string) => A
  }) =>
  (error: CryptoError): A => {
    switch (error._tag) {
      case 'AuthenticationFailed':
        return cases.AuthenticationFailed()
      case 'KeyNotFound':
        return cases.KeyNotFound(error.keyId)
      case 'KeyNotUsable':
        return cases.KeyNotUsable(error.keyId, error.reason)
      case 'MalformedEnvelope':
        return cases.MalformedEnvelope(error.reason)
    }
  }

/**
 * A one-line description for logs. It holds only the tag, the key id and the reason.
 *
 * @category destructors
 * @since 0.1.0
 */
export const show: (error: CryptoError) => string = match({
  AuthenticationFailed: () => 'AuthenticationFailed: the envelope did not verify',
  KeyNotFound: (keyId) => `KeyNotFound: ${keyId}`,
  KeyNotUsable: (keyId, reason) => `KeyNotUsable: ${keyId} (${reason})`,
  MalformedEnvelope: (reason) => `MalformedEnvelope: ${reason}`,
})
