/**
 * Sealing and opening secret values. A value's envelope is bound to its secret name and version
 * id, so an envelope copied to another version or secret does not open. Crypto failures become the
 * API's errors here: a missing key is 404, a key that cannot be used is refused, and an envelope
 * that does not verify is an internal failure (the store was tampered with). Both are plain async
 * functions, not TE pipes, as every read and write goes through them (see Engine.ts).
 *
 * @since 0.1.0
 */
import { CryptoError, Envelope, Redacted, Text } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from './ApiError.js'
import type { SecretValue } from './CreateSecret.js'
import type { Env } from './Engine.js'
import type { SealedValue } from './SecretRecord.js'

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
export const seal =
  (
    env: Env,
    keyId: string,
    context: { readonly secretName: string; readonly versionId: string },
    value: SecretValue,
  ): TE.TaskEither<ApiError.ApiError, SealedValue> =>
  async () => {
    const plaintext = Text.utf8Bytes(Redacted.value(value.secretData))
    let sealed: E.Either<CryptoError.CryptoError, Envelope.Envelope>
    try {
      sealed = await env.cipher.seal({ keyId, plaintext, context })()
    } finally {
      // Wiped whether or not the cipher seals: a failure must not leave the value in memory either.
      plaintext.fill(0)
    }
    return E.isLeft(sealed)
      ? E.left(fromCryptoError(sealed.left))
      : E.right({ envelope: Envelope.toBase64(sealed.right), dataType: value.dataType })
  }

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Opens one version's value.
 *
 * @category destructors
 * @since 0.1.0
 */
export const open =
  (
    env: Env,
    context: { readonly secretName: string; readonly versionId: string },
    sealed: SealedValue,
  ): TE.TaskEither<ApiError.ApiError, SecretValue> =>
  async () => {
    const text = await openText(env, context, sealed)
    return E.isLeft(text) ? text : E.right({ secretData: Redacted.make(text.right), dataType: sealed.dataType })
  }

/**
 * Opens one version's value as plain text, for a response that hands it out at once: GetSecretValue
 * skips wrapping the value in `Redacted` only to unwrap it on the next line.
 *
 * @category destructors
 * @since 0.1.0
 */
export const openText = async (
  env: Env,
  context: { readonly secretName: string; readonly versionId: string },
  sealed: SealedValue,
): Promise<E.Either<ApiError.ApiError, string>> => {
  const envelope = Envelope.fromBase64(sealed.envelope)
  if (E.isLeft(envelope)) return E.left(fromCryptoError(envelope.left))
  const opened = await env.cipher.open(envelope.right, context)()
  if (E.isLeft(opened)) return E.left(fromCryptoError(opened.left))
  const bytes = opened.right
  try {
    return E.right(decoder.decode(bytes))
  } catch {
    return E.left(ApiError.internalFailure())
  } finally {
    bytes.fill(0)
  }
}

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
