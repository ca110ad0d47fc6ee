/**
 * A large population of secrets, put into an engine's store through the store port (`commit`), not
 * through CreateSecret: a million CreateSecret calls would make the benchmark as slow as the engine it
 * measures, and what is measured is the engine reading and listing among those secrets.
 *
 * Each secret is exactly what CreateSecret stores for `{SecretName, VersionId, SecretData (100 B),
 * Tags (2)}`: the request is decoded by the engine's own decoder, its value really sealed for that
 * name and version on node:crypto (so every secret opens, and memory counts one envelope per
 * secret), and the record built by the function CreateSecret uses (`createSecretRecord`). What is
 * skipped is only the request path around them (the transaction, the quota check, the response).
 */
import { Envelope, type EnvelopeCipher } from '@secrets-engine/core'
import { createSecretRecord, validateRequest, type SecretsManager } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'

/** The name of the i-th secret: zero-padded, so that name order is creation order. */
export const nameOf = (i: number): string => `bench/s-${String(i).padStart(7, '0')}`

export const tagKeys = { everywhere: 'env', rare: 'team' } as const

/** Every secret has an `env` tag; every thousandth one a `team` tag (the others an `owner` tag). */
const tagsOf = (i: number): string =>
  JSON.stringify([
    { TagKey: tagKeys.everywhere, TagValue: `env-${i % 3}` },
    { TagKey: i % 1000 === 0 ? tagKeys.rare : 'owner', TagValue: `owner-${i}` },
  ])

export interface Population {
  /** How many secrets the store holds. */
  readonly size: () => number
  /** Adds secrets until the store holds `n`. */
  readonly growTo: (n: number) => Promise<void>
}

/**
 * `start` is the first secret's CreateTime; the others follow it, never going back (the store's
 * index marks a name created with a CreateTime below an earlier one's, and ListSecrets then reads
 * the whole store, as it must when the clock went back).
 */
export const populate = async (
  engine: SecretsManager,
  cipher: EnvelopeCipher.EnvelopeCipher,
  start: number,
): Promise<Population> => {
  const key = await engine.keyring.defaultKey()()
  if (E.isLeft(key)) throw new Error(key.left._tag)
  const keyId = key.right.keyId
  const value = 'v'.repeat(100)
  const plaintext = new TextEncoder().encode(value)
  let size = 0

  const add = async (i: number): Promise<void> => {
    const secretName = nameOf(i)
    const versionId = `v-${i}`
    // The request CreateSecret would get, decoded as it would decode it (fresh strings, as from a wire).
    const command = validateRequest('CreateSecret', {
      SecretName: secretName,
      VersionId: versionId,
      SecretData: value,
      Tags: tagsOf(i),
    })
    if (E.isLeft(command)) throw new Error(command.left.message)
    const sealed = await cipher.seal({ keyId, plaintext, context: { secretName, versionId } })()
    if (E.isLeft(sealed)) throw new Error(sealed.left._tag)
    // Ten secrets per millisecond: some share a CreateTime, which ListSecrets orders by name.
    const createdAt = start + Math.floor(i / 10)
    const record = createSecretRecord(command.right, createdAt, engine.config.accountId, keyId, {
      envelope: Envelope.toBase64(sealed.right),
      dataType: 'text',
    })
    const committed = await engine.store.commit(secretName, 'absent', record)()
    if (E.isLeft(committed)) throw new Error(committed.left._tag)
  }

  return {
    size: () => size,
    growTo: async (n) => {
      for (; size < n; size++) await add(size)
    },
  }
}
