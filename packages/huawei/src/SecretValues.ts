/**
 * Sealing and opening secret values. A value's envelope is bound to its secret name and version id,
 * so an envelope copied to another version or secret does not open. `secret_string` is sealed as its
 * UTF-8 bytes and `secret_binary` as the bytes its base64 encodes, so the store holds envelopes only;
 * opening gives the same text back (canonical base64 round-trips exactly).
 *
 * @since 0.1.0
 */
import { CryptoError, Envelope, Redacted, Text } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as Base64 from './Base64.js'
import type { SecretValue } from './Body.js'
import * as CsmsError from './CsmsError.js'
import type { Env } from './Engine.js'
import type { SealedValue } from './SecretRecord.js'

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * @category model
 * @since 0.1.0
 */
export interface Context {
  readonly secretName: string
  readonly versionId: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Seals `value` under the key the directory gives for `kmsKeyId`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const seal = (
  env: Env,
  kmsKeyId: string,
  context: Context,
  value: SecretValue,
): TE.TaskEither<CsmsError.CsmsError, SealedValue> =>
  pipe(
    env.keys.keyringKeyId(kmsKeyId),
    TE.flatMap((keyId) => async () => {
      const data = Redacted.value(value.data)
      const plaintext = value.kind === 'string' ? Text.utf8Bytes(data) : (Base64.decode(data) ?? new Uint8Array(0))
      // Wiped whether or not the cipher seals: a failure must not leave the value in memory either.
      try {
        return await env.cipher.seal({ keyId, plaintext, context })()
      } finally {
        plaintext.fill(0)
      }
    }),
    TE.mapLeft(fromCryptoError),
    TE.map((envelope) => ({ envelope: Envelope.toBase64(envelope), kind: value.kind, kmsKeyId })),
  )

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Opens one version's value: the text, or the base64 of the bytes.
 *
 * @category destructors
 * @since 0.1.0
 */
export const open = (
  env: Env,
  context: Context,
  sealed: SealedValue,
): TE.TaskEither<CsmsError.CsmsError, SecretValue> =>
  pipe(
    TE.fromEither(Envelope.fromBase64(sealed.envelope)),
    TE.flatMap((envelope) => env.cipher.open(envelope, context)),
    TE.mapLeft(fromCryptoError),
    TE.flatMapEither((bytes) => {
      try {
        const data = sealed.kind === 'string' ? decoder.decode(bytes) : Base64.encode(bytes)
        return E.right({ kind: sealed.kind, data: Redacted.make(data) })
      } catch {
        return E.left(CsmsError.internalError())
      } finally {
        bytes.fill(0)
      }
    }),
  )

/**
 * How a crypto failure reads in the API: a key that cannot be used is CSMS.0115, anything else
 * (an envelope that does not verify: the store was tampered with) is an internal error.
 *
 * @category destructors
 * @since 0.1.0
 */
export const fromCryptoError: (error: CryptoError.CryptoError) => CsmsError.CsmsError = CryptoError.match({
  AuthenticationFailed: () => CsmsError.internalError(),
  MalformedEnvelope: () => CsmsError.internalError(),
  KeyNotFound: () => CsmsError.make('CSMS.0115'),
  KeyNotUsable: () => CsmsError.make('CSMS.0115'),
})
