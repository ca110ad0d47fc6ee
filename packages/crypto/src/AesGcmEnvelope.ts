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
import { pipe } from 'fp-ts/lib/function.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
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

    const sealWith = (
      material: Keyring.KeyMaterial,
      plaintext: Uint8Array,
      context: EnvelopeCipher.EnvelopeContext,
    ): Envelope.Envelope => {
      const header = Format.header(material.keyId, material.version)
      const wrapAt = header.length + nonceLength
      const bodyAt = wrapAt + wrappedKeyLength
      const dataAt = bodyAt + nonceLength
      const bytes = new Uint8Array(dataAt + plaintext.length + tagLength)
      bytes.set(header)
      // One draw for the data key and both nonces; the whole buffer is zeroed below.
      const fresh = random.bytes(dataKeyLength + 2 * nonceLength)
      try {
        const dataKey = fresh.subarray(0, dataKeyLength)
        const wrapNonce = fresh.subarray(dataKeyLength, dataKeyLength + nonceLength)
        const dataNonce = fresh.subarray(dataKeyLength + nonceLength)
        bytes.set(wrapNonce, header.length)
        bytes.set(dataNonce, bodyAt)
        const wrapAad = Format.associatedData(header, context)
        material.use((masterKey) =>
          aead.encryptInto(masterKey, wrapNonce, wrapAad, dataKey, bytes.subarray(wrapAt, bodyAt)),
        )
        aead.encryptInto(dataKey, dataNonce, Format.dataAssociatedData(context), plaintext, bytes.subarray(dataAt))
      } finally {
        fresh.fill(0)
      }
      return { bytes }
    }

    // The data key of an envelope, or undefined when the wrapped key does not verify under this context.
    const unwrap = (
      material: Keyring.KeyMaterial,
      parts: Format.EnvelopeParts,
      context: EnvelopeCipher.EnvelopeContext,
    ): Uint8Array | undefined => {
      const aad = Format.associatedData(parts.header, context)
      const dataKey = material.use((masterKey) => aead.decrypt(masterKey, parts.wrapNonce, aad, parts.wrappedKey))
      if (dataKey !== undefined && dataKey.length !== dataKeyLength) {
        dataKey.fill(0)
        return undefined
      }
      return dataKey
    }

    const openWith =
      (parts: Format.EnvelopeParts, context: EnvelopeCipher.EnvelopeContext) =>
      (material: Keyring.KeyMaterial): E.Either<CryptoError.CryptoError, Uint8Array> => {
        const dataKey = unwrap(material, parts, context)
        if (dataKey === undefined) return E.left(CryptoError.authenticationFailed)
        try {
          const plaintext = aead.decrypt(dataKey, parts.dataNonce, Format.dataAssociatedData(context), parts.sealedData)
          return plaintext === undefined ? E.left(CryptoError.authenticationFailed) : E.right(plaintext)
        } finally {
          dataKey.fill(0)
        }
      }

    const rewrapWith =
      (envelope: Envelope.Envelope, parts: Format.EnvelopeParts, context: EnvelopeCipher.EnvelopeContext) =>
      ([old, current]: readonly [Keyring.KeyMaterial, Keyring.KeyMaterial]): E.Either<
        CryptoError.CryptoError,
        Envelope.Envelope
      > => {
        const dataKey = unwrap(old, parts, context)
        if (dataKey === undefined) return E.left(CryptoError.authenticationFailed)
        try {
          if (current.version === old.version) return E.right(envelope)
          const header = Format.header(current.keyId, current.version)
          const wrapAt = header.length + nonceLength
          const bodyAt = wrapAt + wrappedKeyLength
          const bytes = new Uint8Array(bodyAt + parts.body.length)
          bytes.set(header)
          const wrapNonce = random.bytes(nonceLength)
          bytes.set(wrapNonce, header.length)
          const aad = Format.associatedData(header, context)
          current.use((masterKey) =>
            aead.encryptInto(masterKey, wrapNonce, aad, dataKey, bytes.subarray(wrapAt, bodyAt)),
          )
          // The data nonce and ciphertext are carried over byte for byte.
          bytes.set(parts.body, bodyAt)
          return E.right({ bytes })
        } finally {
          dataKey.fill(0)
        }
      }

    // Parses an envelope for open and rewrap. Bytes too short for any envelope are malformed; anything
    // else that does not parse fails authentication, like any other altered envelope.
    const parseFor = (envelope: Envelope.Envelope): E.Either<CryptoError.CryptoError, Format.EnvelopeParts> => {
      const parts = Format.parse(envelope.bytes)
      if (parts !== undefined) return E.right(parts)
      return E.left(
        envelope.bytes.length < Format.minLength
          ? CryptoError.malformedEnvelope(`shorter than ${Format.minLength} bytes`)
          : CryptoError.authenticationFailed,
      )
    }

    // An envelope naming a key or material version this keyring does not hold cannot be told apart from
    // an altered one, so open and rewrap answer AuthenticationFailed rather than KeyNotFound.
    const materialFor = (parts: Format.EnvelopeParts): TE.TaskEither<CryptoError.CryptoError, Keyring.KeyMaterial> =>
      pipe(
        keyring.material(parts.keyId, parts.materialVersion),
        TE.mapLeft((error) => (error._tag === 'KeyNotFound' ? CryptoError.authenticationFailed : error)),
      )

    return {
      seal: ({ keyId, plaintext, context }) =>
        pipe(
          keyring.currentMaterial(keyId),
          TE.map((material) => sealWith(material, plaintext, context)),
        ),
      open: (envelope, context) =>
        pipe(
          TE.fromEither(parseFor(envelope)),
          TE.chain((parts) => pipe(materialFor(parts), TE.chainEitherK(openWith(parts, context)))),
        ),
      rewrap: (envelope, context) =>
        pipe(
          TE.fromEither(parseFor(envelope)),
          TE.chain((parts) =>
            pipe(
              materialFor(parts),
              TE.chain((old) =>
                pipe(
                  keyring.currentMaterial(parts.keyId),
                  TE.map((current) => [old, current] as const),
                ),
              ),
              TE.chainEitherK(rewrapWith(envelope, parts, context)),
            ),
          ),
        ),
    }
  }
