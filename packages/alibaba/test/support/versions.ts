// Helpers the handler tests share: a generic secret to start from, the record and the labels the
// store holds, and a deletion window opened directly in the store (for tests that need only the
// state, not DeleteSecret).
import type { SecretRecord } from '@secrets-engine/alibaba'
import type { SecretStore } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'

export const generic = { SecretName: 'db-password', VersionId: 'v1', SecretData: 's3cr3t' } as const

/** The stored record of `name`; fails the test when there is none. */
export const recordOf = async (store: SecretStore.SecretStore<SecretRecord>, name: string): Promise<SecretRecord> => {
  const got = await store.get(name)()
  if (E.isLeft(got) || O.isNone(got.right)) throw new Error(`no record ${name}`)
  return got.right.value.record
}

/** Each version id with its labels, oldest first, as the store holds them. */
export const labelsOf = async (
  store: SecretStore.SecretStore<SecretRecord>,
  name: string,
): Promise<ReadonlyArray<readonly [string, ReadonlyArray<string>]>> =>
  (await recordOf(store, name)).secret.versions.map((v) => [v.versionId, [...v.stages]] as const)

/** Puts `name` in its deletion window, planned for `at` (ms). */
export const scheduleDeletion = async (
  store: SecretStore.SecretStore<SecretRecord>,
  name: string,
  at: number,
): Promise<void> => {
  const got = await store.get(name)()
  if (E.isLeft(got) || O.isNone(got.right)) throw new Error(`no record ${name}`)
  const { revision, record } = got.right.value
  const committed = await store.commit(name, revision, { ...record, plannedDeleteAt: at })()
  if (E.isLeft(committed)) throw new Error('commit failed')
}
