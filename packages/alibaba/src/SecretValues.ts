/**
 * Sealing and opening secret values. A value's envelope is bound to its secret name and version
 * id, so an envelope copied to another version or secret does not open. Crypto failures become the
 * API's errors here: a missing key is 404, a key that cannot be used is refused, and an envelope
 * that does not verify is an internal failure (the store was tampered with).
 *
 * @since 0.1.0
 */
import { CryptoError, Envelope, Redacted } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as ApiError from './ApiError.js'
import type { SecretValue } from './CreateSecret.js'
import type { Env } from './Engine.js'
import type { SealedValue } from './SecretRecord.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Seals `value` under `keyId` for one version of one secret.
 *
 * @category constructors
 * @since 0.1.0
 */
export const seal = (
  env: Env,
  keyId: string,
  context: { readonly secretName: string; readonly versionId: string },
  value: SecretValue,
): TE.TaskEither<ApiError.ApiError, SealedValue> =>
  pipe(
    env.cipher.seal({ keyId, plaintext: encoder.encode(Redacted.value(value.secretData)), context }),
    TE.mapLeft(fromCryptoError),
    TE.map((envelope) => ({ envelope: Envelope.toBase64(envelope), dataType: value.dataType })),
  )

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Opens one version's value.
 *
 * @category destructors
 * @since 0.1.0
 */
export const open = (
  env: Env,
  context: { readonly secretName: string; readonly versionId: string },
  sealed: SealedValue,
): TE.TaskEither<ApiError.ApiError, SecretValue> =>
  pipe(
    TE.fromEither(Envelope.fromBase64(sealed.envelope)),
    TE.flatMap((envelope) => env.cipher.open(envelope, context)),
    TE.mapLeft(fromCryptoError),
    TE.flatMapEither((bytes) => {
      try {
        const secretData = Redacted.make(decoder.decode(bytes))
        bytes.fill(0)
        return E.right({ secretData, dataType: sealed.dataType })
      } catch {
        return E.left(ApiError.internalFailure())
      }
    }),
  )

/**
 * How a crypto failure reads in the API.
 *
 * @category destructors
 * @since 0.1.0
 */
export const fromCryptoError: (error: CryptoError.CryptoError) => ApiError.ApiError = CryptoError.match({
  AuthenticationFailed: () => ApiError.internalFailure(),
  MalformedEnvelope: () => ApiError.internalFailure(),
  KeyNotFound: () => ApiError.keyNotFound(),
  KeyNotUsable: (_, reason) =>
    reason === 'AsymmetricKey'
      ? ApiError.invalidParameter('EncryptionKeyId', 'The key must be a symmetric key.')
      : ApiError.keyStateInvalid(reason === 'KeyDisabled' ? 'Disabled' : 'PendingDeletion'),
})
