/**
 * The AES-GCM primitive an envelope cipher is built on (NIST SP 800-38D), as the least an adapter
 * needs from a library: encrypt into a caller's buffer, decrypt or refuse. `NobleAesGcm` and
 * `NodeAesGcm` each provide one; the Wycheproof vectors run against both, so the envelope code above
 * them can trust that they agree.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * AES-GCM with 128-bit tags. Keys of 16, 24 or 32 bytes select AES-128, -192 or -256.
 *
 * @category model
 * @since 0.1.0
 */
export interface AesGcm {
  readonly name: string
  /** The nonce lengths, in bytes, that the library accepts (SP 800-38D lets it narrow them). */
  readonly nonceLength: { readonly min: number; readonly max: number }
  /**
   * Encrypts `plaintext` and writes ciphertext followed by the tag (`tagLength` bytes) into `out`,
   * which must be exactly `plaintext.length + tagLength` bytes long. Writing into the caller's
   * buffer lets an envelope be assembled without another copy. Throws only for a key or nonce size
   * the library refuses.
   */
  readonly encryptInto: (
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    plaintext: Uint8Array,
    out: Uint8Array,
  ) => void
  /**
   * The plaintext of `sealed` (ciphertext followed by the tag), or `undefined` when the tag does not
   * verify or the library refuses an input. Never returns unauthenticated plaintext.
   */
  readonly decrypt: (key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array) => Uint8Array | undefined
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The length of a GCM tag, in bytes: 16 (128 bits), the only length the adapters and the envelope
 * format use.
 *
 * @category constants
 * @since 0.1.0
 */
export const tagLength = 16

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Encrypts into a new buffer: ciphertext followed by the tag.
 *
 * @category destructors
 * @since 0.1.0
 */
export const encrypt =
  (aead: AesGcm) =>
  (key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array => {
    const out = new Uint8Array(plaintext.length + tagLength)
    aead.encryptInto(key, nonce, aad, plaintext, out)
    return out
  }
