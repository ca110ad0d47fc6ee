/**
 * A large population of secrets, put into an engine's store through the store port (`commit`), not
 * through CreateSecret: a million CreateSecret calls would make the benchmark as slow as the engine it
 * measures, and what is measured is the engine reading and listing among those secrets.
 *
 * Each secret is what CreateSecret would store for `{SecretName, VersionId, SecretData (100 B), Tags
 * (2)}`: one record built from a template that CreateSecret made (so it has the engine's exact
 * shape), with its own name, version id, creation time, tag values and its own envelope, really
 * sealed for that name and version on node:crypto. So every secret opens, memory counts one distinct
 * envelope per secret, and only what CreateSecret itself shares between secrets is shared (the key id,
 * the default policy text, the literal labels and types, the tag keys).
 */
import { Envelope, type EnvelopeCipher, type SecretName, type StageLabel, type VersionId } from '@secrets-engine/core'
import type { SecretRecord, SecretsManager } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { call } from './engine.js'

/** The name of the i-th secret: zero-padded, so that name order is creation order. */
export const nameOf = (i: number): string => `bench/s-${String(i).padStart(7, '0')}`

export const tagKeys = { everywhere: 'env', rare: 'team' } as const

/** Every thousandth secret has a `team` tag; every secret has an `env` tag. */
const tagsOf = (i: number): SecretRecord['tags'] => [
  { key: tagKeys.everywhere, value: `env-${i % 3}` },
  { key: i % 1000 === 0 ? tagKeys.rare : 'owner', value: `owner-${i}` },
]

export interface Population {
  /** How many secrets the store holds. */
  readonly size: () => number
  /** Adds secrets until the store holds `n`. */
  readonly growTo: (n: number) => Promise<void>
}

/**
 * `start` is the first secret's CreateTime: after the template's (the clock's now), since the
 * store's index marks names created with a CreateTime below an earlier one's, and ListSecrets then
 * reads the whole store, as it must when the clock went back.
 */
export const populate = async (
  engine: SecretsManager,
  cipher: EnvelopeCipher.EnvelopeCipher,
  start: number,
): Promise<Population> => {
  await call(engine, 'CreateSecret', {
    SecretName: 'bench/template',
    VersionId: 'v1',
    SecretData: 't',
    Tags: JSON.stringify([{ TagKey: 'env', TagValue: 'env-0' }]),
  })
  const found = await engine.store.get('bench/template')()
  if (E.isLeft(found) || O.isNone(found.right)) throw new Error('no template')
  const template = found.right.value.record
  const removed = await engine.store.remove('bench/template', found.right.value.revision)()
  if (E.isLeft(removed)) throw new Error('template not removed')
  const keyId = template.encryptionKeyId
  const value = new TextEncoder().encode('v'.repeat(100))
  let size = 0

  const add = async (i: number): Promise<void> => {
    // Valid by construction: the bench skips the smart constructors' checks.
    const secretName = nameOf(i) as SecretName.SecretName
    const versionId = `v-${i}` as VersionId.VersionId
    const sealed = await cipher.seal({ keyId, plaintext: value, context: { secretName, versionId } })()
    if (E.isLeft(sealed)) throw new Error(sealed.left._tag)
    // Ten secrets per millisecond: some share a CreateTime, which ListSecrets orders by name.
    const createdAt = start + Math.floor(i / 10)
    const record: SecretRecord = {
      ...template,
      secret: {
        name: secretName,
        createdAt,
        versions: [
          {
            versionId,
            createdAt,
            value: { envelope: Envelope.toBase64(sealed.right), dataType: 'text' },
            stages: ['ACSCurrent' as StageLabel.StageLabel],
          },
        ],
      },
      tags: tagsOf(i),
      updatedAt: createdAt,
    }
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
