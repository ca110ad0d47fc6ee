/**
 * The envelope-cipher port: how secret values are encrypted at rest. `seal` encrypts a plaintext under a
 * fresh data key, wraps that data key under a master key of the keyring, and binds the result to the
 * secret's name and version id; `open` reverses it and refuses an envelope presented under another
 * name or version id. `rewrap` moves an envelope to its master key's newest material without touching
 * the data ciphertext.
 *
 * @since 0.1.0
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { CryptoError } from './CryptoError.js'
import type { Envelope } from './Envelope.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What an envelope is bound to, as associated data: the same context must be given to `open`.
 *
 * @category model
 * @since 0.1.0
 */
export interface EnvelopeContext {
  readonly secretName: string
  readonly versionId: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface SealInput {
  /** The master key; the keyring's default key when absent. */
  readonly keyId?: string | undefined
  readonly plaintext: Uint8Array
  readonly context: EnvelopeContext
}

/**
 * @category model
 * @since 0.1.0
 */
export interface EnvelopeCipher {
  /** `KeyNotFound` or `KeyNotUsable` when the key cannot seal. */
  readonly seal: (input: SealInput) => TaskEither<CryptoError, Envelope>
  /**
   * `AuthenticationFailed` for an envelope that does not verify under this context and keyring,
   * `KeyNotUsable` when its key may no longer be used, `MalformedEnvelope` for bytes too short to be an
   * envelope. The caller owns the returned plaintext and should zero it after use.
   */
  readonly open: (envelope: Envelope, context: EnvelopeContext) => TaskEither<CryptoError, Uint8Array>
  /** Re-wraps the data key under the key's newest material; the same errors as `open`. */
  readonly rewrap: (envelope: Envelope, context: EnvelopeContext) => TaskEither<CryptoError, Envelope>
}
