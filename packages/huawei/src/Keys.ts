/**
 * The key directory: which keyring key seals the versions of a CSMS `kms_key_id`. CSMS lets the caller
 * name a key that does not exist yet ("it will be automatically created"), and uses `csms/default`
 * when none is named, also created on first use. A keyring chooses its own key ids, so this module
 * keeps the mapping from the CSMS id to the keyring's. The default key is shown under a UUID drawn
 * from the engine's random source, like the key ids of Huawei's KMS.
 *
 * The mapping lives beside the keyring, not in the secret store: an envelope names its own keyring
 * key, so a version always opens whatever this directory says later; the directory only decides
 * which key seals new versions.
 *
 * @since 0.1.0
 */
import type { CryptoError, Keyring, Random } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import * as Dialect from './Dialect.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface KeyDirectory {
  /** The CSMS id of the default key (`csms/default`), created on first use. */
  readonly defaultKmsKeyId: () => TE.TaskEither<CryptoError.CryptoError, string>
  /** The keyring key id behind a CSMS id, created on first use. */
  readonly keyringKeyId: (kmsKeyId: string) => TE.TaskEither<CryptoError.CryptoError, string>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An in-memory directory over `keyring`. Concurrent first uses of one id create one key.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (keyring: Keyring.Keyring, random: Random.Random): KeyDirectory => {
  const keys = new Map<string, Promise<E.Either<CryptoError.CryptoError, string>>>()
  let defaultId: string | undefined

  const defaultKmsKeyId = (): string => {
    if (defaultId === undefined) defaultId = Wire.uuid(random)
    return defaultId
  }

  const keyringKeyId =
    (kmsKeyId: string): TE.TaskEither<CryptoError.CryptoError, string> =>
    () => {
      const known = keys.get(kmsKeyId)
      if (known !== undefined) return known
      const description = kmsKeyId === defaultId ? Dialect.defaultKeyAlias : kmsKeyId
      const created = TE.map((key: { readonly keyId: string }) => key.keyId)(keyring.createKey({ description }))()
      keys.set(kmsKeyId, created)
      // A failed creation is not remembered, so the next request tries again.
      void created.then((r) => {
        if (E.isLeft(r)) keys.delete(kmsKeyId)
      })
      return created
    }

  return { defaultKmsKeyId: () => TE.right(defaultKmsKeyId()), keyringKeyId }
}
