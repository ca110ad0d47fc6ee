// Deliberately broken CSMS targets: our engine behind wrappers that each break one documented rule.
// The Huawei suite must catch every one of them (huawei-planted.test.ts).
import type { SecretStore } from '@secrets-engine/core'
import { createCsms, type SecretRecord } from '@secrets-engine/huawei'
import { MemoryStore } from '@secrets-engine/store-memory'
import { fromCsms, type HuaweiTarget, type MakeHuaweiTarget } from '@secrets-engine/testkit'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'

type Body = Readonly<Record<string, unknown>>

const versionsPath = /^\/v1\/[^/]+\/secrets\/([^/?]+)\/versions$/

/** After a new version takes SYSCURRENT, SYSPREVIOUS is put back on the version that had it. */
export const sysPreviousNotMoved: MakeHuaweiTarget = ({ now, random }) => {
  const inner = fromCsms(createCsms({ now, random }))
  return {
    request: async (method, path, body) => {
      const name = method === 'POST' ? versionsPath.exec(path)?.[1] : undefined
      const given = (body as { version_stages?: unknown } | undefined)?.version_stages
      if (name === undefined || given !== undefined) return inner.request(method, path, body)
      const stagePath = path.replace(/\/versions$/, '/stages/SYSPREVIOUS')
      const before = await inner.request('GET', stagePath)
      const out = await inner.request(method, path, body)
      if (out.ok && before.ok) {
        const holder = (before.body['stage'] as { version_id: string }).version_id
        await inner.request('PUT', stagePath, { version_id: holder })
      }
      return out
    },
  }
}

interface Created {
  readonly id: string
  readonly create_time: number
  readonly kms_key_id: string
}

/** Versions are never pruned: listing a secret's versions still shows every version it ever had. */
export const versionsNeverPruned: MakeHuaweiTarget = ({ now, random }) => {
  const inner = fromCsms(createCsms({ now, random }))
  const created = new Map<string, Array<Created>>()
  return {
    request: async (method, path, body) => {
      const out = await inner.request(method, path, body)
      if (!out.ok) return out
      const segments = new URL(path, 'http://x').pathname.split('/').slice(3).map(decodeURIComponent)
      const [, name, sub] = segments
      if (method === 'POST' && segments.length === 1) {
        const secret = out.body['secret'] as { name: string; create_time: number; kms_key_id: string }
        created.set(secret.name, [{ id: 'v1', create_time: secret.create_time, kms_key_id: secret.kms_key_id }])
      } else if (method === 'DELETE' && segments.length === 2 && name !== undefined) {
        created.delete(name)
      } else if (method === 'POST' && sub === 'versions' && name !== undefined) {
        const v = out.body['version_metadata'] as Created
        created.get(name)?.push({ id: v.id, create_time: v.create_time, kms_key_id: v.kms_key_id })
      } else if (method === 'GET' && sub === 'versions' && segments.length === 3 && !path.includes('?')) {
        const shown = out.body['version_metadatas'] as ReadonlyArray<Body & { id: string }>
        const pruned = (created.get(name ?? '') ?? [])
          .filter((c) => !shown.some((v) => v.id === c.id))
          .map((c) => ({ ...c, secret_name: name, version_stages: [] }))
        return {
          ...out,
          body: {
            version_metadatas: [...pruned, ...shown],
            page_info: { ...(out.body['page_info'] as Body), current_count: pruned.length + shown.length },
          },
        }
      }
      return out
    },
  }
}

// A century: the engine behind `deletionNeverExpires` sees every scheduled deletion this far away.
const century = 100 * 365 * 86_400_000

// True times lie well under a century since 1970, late ones well over it: each is shifted only once.
const late = (record: SecretRecord): SecretRecord =>
  record.scheduledDeleteTime === undefined || record.scheduledDeleteTime > century
    ? record
    : { ...record, scheduledDeleteTime: record.scheduledDeleteTime + century }

const onTime = (record: SecretRecord): SecretRecord =>
  record.scheduledDeleteTime === undefined || record.scheduledDeleteTime <= century
    ? record
    : { ...record, scheduledDeleteTime: record.scheduledDeleteTime - century }

/**
 * Scheduled deletions never come: the engine reads every scheduled time a century late (its store
 * shifts them on the way in and out), while the answers show the time that was asked for.
 */
export const deletionNeverExpires: MakeHuaweiTarget = ({ now, random }) => {
  const store = MemoryStore.make<SecretRecord>()
  const shifting: SecretStore.SecretStore<SecretRecord> = {
    ...store,
    get: (name) => pipe(store.get(name), TE.map(O.map((s) => ({ ...s, record: late(s.record) })))),
    list: (request) =>
      pipe(
        store.list(request),
        TE.map((page) => ({ ...page, items: page.items.map((s) => ({ ...s, record: late(s.record) })) })),
      ),
    commit: (name, expected, record) =>
      pipe(
        store.commit(name, expected, onTime(record)),
        TE.map((s) => ({ ...s, record: late(s.record) })),
      ),
  }
  const inner = fromCsms(createCsms({ now, random, store: shifting }))
  const fix = (secret: unknown): unknown => {
    const s = secret as { scheduled_delete_time?: unknown }
    // Only the times read back from the store are late; a scheduling answer shows the time it set.
    return typeof s.scheduled_delete_time === 'number' && s.scheduled_delete_time > century
      ? { ...s, scheduled_delete_time: s.scheduled_delete_time - century }
      : secret
  }
  return {
    request: async (method, path, body) => {
      const out = await inner.request(method, path, body)
      if (!out.ok) return out
      if (out.body['secret'] !== undefined) return { ...out, body: { ...out.body, secret: fix(out.body['secret']) } }
      if (Array.isArray(out.body['secrets'])) {
        return { ...out, body: { ...out.body, secrets: (out.body['secrets'] as Array<unknown>).map(fix) } }
      }
      return out
    },
  }
}

/** DeleteSecretStage answers 200 where CSMS answers 204 No Content. */
export const deleteStageAnswers200: MakeHuaweiTarget = ({ now, random }) => {
  const inner: HuaweiTarget = fromCsms(createCsms({ now, random }))
  return {
    request: async (method, path, body) => {
      const out = await inner.request(method, path, body)
      return out.ok && out.status === 204 ? { ...out, status: 200 } : out
    },
  }
}

export const plantedHuaweiBugs: ReadonlyArray<readonly [string, MakeHuaweiTarget]> = [
  ['SYSPREVIOUS not moved by a new version', sysPreviousNotMoved],
  ['versions never pruned', versionsNeverPruned],
  ['a scheduled deletion that never comes', deletionNeverExpires],
  ['DeleteSecretStage answers 200', deleteStageAnswers200],
]
