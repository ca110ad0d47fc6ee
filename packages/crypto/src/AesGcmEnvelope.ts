/**
 * Envelope encryption over any `AesGcm` primitive: the logic that `NobleAesGcm` and `NodeAesGcm`
 * share, so that they differ only in the library that computes AES-GCM and write the same format
 * (see `EnvelopeFormat`).
 *
 * Each seal draws a fresh 256-bit data key and two 96-bit nonces, encrypts the plaintext under the
 * data key, wraps the data key under the master key's current material, and zeroes the data key.
 * Because a data key encrypts exactly one plaintext, its nonce can never repeat; the master key wraps
 * one 32-byte data key per seal under a random nonce, which keeps it far below GCM's 2^32-invocation
 * limit for random nonces until the key is rotated.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EnvelopeCipher, Keyring, Random } from '@secrets-engine/core'
import { CryptoError, type Envelope } from '@secrets-engine/core'
import type { AesGcm } from './AesGcm.js'
import * as Format from './EnvelopeFormat.js'
import { secure } from './SecureRandom.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Dependencies {
  readonly keyring: Keyring.Keyring
  /** The platform's secure generator when absent; a seeded source in tests. */
  readonly random?: Random.Random
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const make =
  (aead: AesGcm) =>
  (dependencies: Dependencies): EnvelopeCipher.EnvelopeCipher => {
    const { keyring } = dependencies
    const random = dependencies.random ?? secure
    const { dataKeyLength, nonceLength, wrappedKeyLength, tagLength } = Format

    const associatedData = Format.associatedDataBuilder()

    const sealWith = (
      material: Keyring.KeyMaterial,
      plaintext: Uint8Array,
      context: EnvelopeCipher.EnvelopeContext,
    ): Envelope.Envelope => {
      const headerLength = Format.headerLength(material.keyId)
      const wrapAt = headerLength + nonceLength
      const bodyAt = wrapAt + wrappedKeyLength
      const dataAt = bodyAt + nonceLength
      const bytes = new Uint8Array(dataAt + plaintext.length + tagLength)
      Format.writeHeader(bytes, material.keyId, material.version, headerLength)
      const aad = associatedData(context, bytes, headerLength)
      // One draw for the data key and both nonces; the whole buffer is zeroed below.
      const fresh = random.bytes(dataKeyLength + 2 * nonceLength)
      try {
        const dataKey = fresh.subarray(0, dataKeyLength)
        const wrapNonce = fresh.subarray(dataKeyLength, dataKeyLength + nonceLength)
        const dataNonce = fresh.subarray(dataKeyLength + nonceLength)
        bytes.set(wrapNonce, headerLength)
        bytes.set(dataNonce, bodyAt)
        material.use((masterKey) =>
          aead.encryptInto(masterKey, wrapNonce, aad.wrap, dataKey, bytes.subarray(wrapAt, bodyAt)),
        )
        aead.encryptInto(dataKey, dataNonce, aad.data, plaintext, bytes.subarray(dataAt))
      } finally {
        fresh.fill(0)
      }
      return { bytes }
    }

    // The data key of an envelope, or undefined when the wrapped key does not verify under this context.
    const unwrap = (
      material: Keyring.KeyMaterial,
      parts: Format.EnvelopeParts,
      aad: Format.AssociatedData,
    ): Uint8Array | undefined => {
      const dataKey = material.use((masterKey) => aead.decrypt(masterKey, parts.wrapNonce, aad.wrap, parts.wrappedKey))
      if (dataKey !== undefined && dataKey.length !== dataKeyLength) {
        dataKey.fill(0)
        return undefined
      }
      return dataKey
    }

    const openWith = (
      envelope: Envelope.Envelope,
      parts: Format.EnvelopeParts,
      context: EnvelopeCipher.EnvelopeContext,
      material: Keyring.KeyMaterial,
    ): E.Either<CryptoError.CryptoError, Uint8Array> => {
      const aad = associatedData(context, envelope.bytes, parts.headerLength)
      const dataKey = unwrap(material, parts, aad)
      if (dataKey === undefined) return E.left(CryptoError.authenticationFailed)
      try {
        const plaintext = aead.decrypt(dataKey, parts.dataNonce, aad.data, parts.sealedData)
        return plaintext === undefined ? E.left(CryptoError.authenticationFailed) : E.right(plaintext)
      } finally {
        dataKey.fill(0)
      }
    }

    const rewrapWith = (
      envelope: Envelope.Envelope,
      parts: Format.EnvelopeParts,
      context: EnvelopeCipher.EnvelopeContext,
      old: Keyring.KeyMaterial,
      current: Keyring.KeyMaterial,
    ): E.Either<CryptoError.CryptoError, Envelope.Envelope> => {
      const aadOld = associatedData(context, envelope.bytes, parts.headerLength)
      const dataKey = unwrap(old, parts, aadOld)
      if (dataKey === undefined) return E.left(CryptoError.authenticationFailed)
      try {
        // The body is carried over unread, so its tag is checked here: an altered envelope must fail
        // as it does in `open`, not come back freshly wrapped. The plaintext is wiped at once.
        const plaintext = aead.decrypt(dataKey, parts.dataNonce, aadOld.data, parts.sealedData)
        if (plaintext === undefined) return E.left(CryptoError.authenticationFailed)
        plaintext.fill(0)
        if (current.version === old.version) return E.right(envelope)
        // The same key, so the same key id and header length: only the material version changes.
        const { headerLength } = parts
        const wrapAt = headerLength + nonceLength
        const bodyAt = wrapAt + wrappedKeyLength
        const body = envelope.bytes.subarray(parts.bodyAt)
        const bytes = new Uint8Array(bodyAt + body.length)
        Format.writeHeader(bytes, parts.keyId, current.version, headerLength)
        const aad = associatedData(context, bytes, headerLength)
        const wrapNonce = random.bytes(nonceLength)
        bytes.set(wrapNonce, headerLength)
        current.use((masterKey) =>
          aead.encryptInto(masterKey, wrapNonce, aad.wrap, dataKey, bytes.subarray(wrapAt, bodyAt)),
        )
        // The data nonce and ciphertext are carried over byte for byte.
        bytes.set(body, bodyAt)
        return E.right({ bytes })
      } finally {
        dataKey.fill(0)
      }
    }

    // Bytes too short for any envelope are malformed; anything else that does not parse fails
    // authentication, like any other altered envelope.
    const unparsable = (envelope: Envelope.Envelope): CryptoError.CryptoError =>
      envelope.bytes.length < Format.minLength
        ? CryptoError.malformedEnvelope(`shorter than ${Format.minLength} bytes`)
        : CryptoError.authenticationFailed

    // An envelope naming a key or material version this keyring does not hold cannot be told apart from
    // an altered one, so open and rewrap answer AuthenticationFailed rather than KeyNotFound.
    const lookupError = (error: CryptoError.CryptoError): CryptoError.CryptoError =>
      error._tag === 'KeyNotFound' ? CryptoError.authenticationFailed : error

    // The tasks below are written as plain promise callbacks rather than composed with TE.chain: each
    // combinator adds a promise hop, and on small values those hops cost as much as the cryptography.
    return {
      seal:
        ({ keyId, plaintext, context }) =>
        () =>
          keyring
            .currentMaterial(keyId)()
            .then((found) => (E.isLeft(found) ? found : E.right(sealWith(found.right, plaintext, context)))),
      open: (envelope, context) => () => {
        const parts = Format.parse(envelope.bytes)
        if (parts === undefined) return Promise.resolve(E.left(unparsable(envelope)))
        return keyring
          .material(parts.keyId, parts.materialVersion)()
          .then((found) =>
            E.isLeft(found) ? E.left(lookupError(found.left)) : openWith(envelope, parts, context, found.right),
          )
      },
      rewrap: (envelope, context) => () => {
        const parts = Format.parse(envelope.bytes)
        if (parts === undefined) return Promise.resolve(E.left(unparsable(envelope)))
        return Promise.all([
          keyring.material(parts.keyId, parts.materialVersion)(),
          keyring.currentMaterial(parts.keyId)(),
        ]).then(([old, current]) =>
          E.isLeft(old)
            ? E.left(lookupError(old.left))
            : E.isLeft(current)
              ? current
              : rewrapWith(envelope, parts, context, old.right, current.right),
        )
      },
    }
  }
