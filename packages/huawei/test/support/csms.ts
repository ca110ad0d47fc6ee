// A CSMS engine for tests: a seeded random source, a manual clock, and stores and a keyring whose
// snapshots, faults and keys the test can reach.
import { Random } from '@secrets-engine/core'
import { MemoryKeyring } from '@secrets-engine/crypto'
import {
  createCsms,
  type CsmsOptions,
  type EventRecord,
  type NotificationRecord,
  type SecretRecord,
} from '@secrets-engine/huawei'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { expect } from 'vitest'

export const start = Date.parse('2026-01-01T00:00:00Z')

export const testCsms = (options: CsmsOptions & { readonly seed?: number } = {}) => {
  let t = start
  const clock = {
    now: () => new Date(t),
    advance: (millis: number) => {
      t += millis
    },
    time: () => t,
  }
  const random = Random.seeded(options.seed ?? 1)
  const store = MemoryStore.make<SecretRecord>()
  const events = MemoryStore.make<EventRecord>()
  const notifications = MemoryStore.make<NotificationRecord>()
  const keyring = MemoryKeyring.make({ random })
  const csms = createCsms({ random, now: clock.now, store, events, notifications, keyring, ...options })
  const project = csms.config.projectId
  return { csms, clock, store, events, notifications, keyring, project }
}

export const days = (n: number): number => n * 86_400_000
export const hours = (n: number): number => n * 3_600_000

/** Runs a task and returns its right value, failing the test on a left. */
export const ok = async <A>(task: TE.TaskEither<unknown, A>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) expect.fail(`expected success, got ${JSON.stringify(result.left)}`)
  return result.right
}

/** Runs `task` and checks it is refused with `error` and that neither store changed. */
export const refused = async (
  env: ReturnType<typeof testCsms>,
  task: TE.TaskEither<unknown, unknown>,
  error: unknown,
): Promise<void> => {
  const before = JSON.stringify([env.store.snapshot(), env.events.snapshot()])
  expect(await task()).toStrictEqual(E.left(error))
  expect(JSON.stringify([env.store.snapshot(), env.events.snapshot()])).toBe(before)
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The backup blob of a secret `name`, created, downloaded and then deleted: a blob to restore. */
export const blobOfDeleted = async (env: ReturnType<typeof testCsms>, name: string): Promise<string> => {
  await ok(env.csms.createSecret({ name, secret_string: 'v' }))
  const { secret_blob } = await ok(env.csms.downloadSecretBlob(name))
  await ok(env.csms.deleteSecret(name))
  return secret_blob
}
