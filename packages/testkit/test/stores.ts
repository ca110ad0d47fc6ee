// A naive reference store (a Map and a sort, O(n) per page) with optional planted bugs, for the
// store contract's self-tests: correct, it passes the whole contract; each bug must fail it. And an
// index over the contract's notes, for a memory store that keeps one, with bugs planted in its
// answers too.
import type { SecretStore, StoreError } from '@secrets-engine/core'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'

type Note = unknown
type Store = SecretStore.SecretStore<Note>

export type Bug =
  | 'none'
  /** commit writes whatever the current revision is. */
  | 'commitIgnoresRevision'
  /** remove deletes whatever the current revision is. */
  | 'removeIgnoresRevision'
  /** revisions count per name and restart at 1 when a name is created again. */
  | 'revisionsPerName'
  /** list orders by name, not by creation. */
  | 'listSortedByName'
  /** the cursor is an offset, which skips records when earlier ones are removed. */
  | 'cursorIsOffset'
  /** list starts its page at the cursor whatever the offset. */
  | 'offsetIgnored'

export const naiveStore = (bug: Bug): Store => {
  const records = new Map<string, { stored: SecretStore.Stored<Note>; seq: number }>()
  let last = 0
  const now =
    <E, A>(f: () => E.Either<E, A>): TE.TaskEither<E, A> =>
    () =>
      Promise.resolve(f())
  const conflict = (name: string, expected: SecretStore.Expected, actual: SecretStore.Expected) =>
    E.left<StoreError.RevisionConflict>({ _tag: 'RevisionConflict', name, expected, actual })
  return {
    get: (name) => now(() => E.right(O.fromNullable(records.get(name)?.stored))),
    commit: (name, expected, record) =>
      now(() => {
        const current = records.get(name)
        const actual = current?.stored.revision ?? 'absent'
        if (actual !== expected && bug !== 'commitIgnoresRevision') return conflict(name, expected, actual)
        const revision = bug === 'revisionsPerName' ? (current?.stored.revision ?? 0) + 1 : ++last
        const stored = { name, revision, record }
        records.set(name, { stored, seq: current?.seq ?? ++last })
        return E.right(stored)
      }),
    remove: (name, expected) =>
      now(() => {
        const actual = records.get(name)?.stored.revision ?? 'absent'
        if (actual !== expected && !(bug === 'removeIgnoresRevision' && actual !== 'absent'))
          return conflict(name, expected, actual)
        records.delete(name)
        return E.right(undefined)
      }),
    list: ({ cursor, limit, offset = 0 }) =>
      now(() => {
        if (!Number.isSafeInteger(limit) || limit < 1) return E.left({ _tag: 'InvalidLimit', limit })
        if (!Number.isSafeInteger(offset) || offset < 0) return E.left({ _tag: 'InvalidLimit', limit: offset })
        const after = cursor === undefined ? 0 : /^n\d+$/.test(cursor) ? Number(cursor.slice(1)) : undefined
        if (after === undefined) return E.left({ _tag: 'InvalidCursor', cursor: cursor ?? '' })
        const all = [...records.values()].sort((a, b) =>
          bug === 'listSortedByName' ? (a.stored.name < b.stored.name ? -1 : 1) : a.seq - b.seq,
        )
        const afterCursor = bug === 'cursorIsOffset' ? all.slice(after) : all.filter((r) => r.seq > after)
        const rest = bug === 'offsetIgnored' ? afterCursor : afterCursor.slice(offset)
        const page = rest.slice(0, limit)
        const lastItem = page[page.length - 1]
        const items = page.map((r) => r.stored)
        if (rest.length <= limit || lastItem === undefined) return E.right({ items, total: all.length })
        const next = bug === 'cursorIsOffset' ? all.length - rest.length + limit : lastItem.seq
        return E.right({ items, next: `n${next}`, total: all.length })
      }),
  }
}

/** A note of the store contract, as the index reads it. */
const isNote = (u: unknown): u is { readonly text: string; readonly tags: ReadonlyArray<string> } =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as { text?: unknown }).text === 'string' &&
  Array.isArray((u as { tags?: unknown }).tags)

/**
 * An index over the contract's notes (see the contract's `Store`): a note tagged `due` is due at the
 * number in its text, and every note sorts by that number. Other records (the engine's) are never
 * due and sort first.
 */
export const noteIndex: SecretStore.Index<unknown> = {
  dueAt: (record) => (isNote(record) && record.tags.includes('due') ? Number(record.text) || 0 : undefined),
  sortKey: (record) => (isNote(record) ? Number(record.text) || 0 : 0),
}

export type IndexBug =
  | 'none'
  /** list answers as if no `dueBy` were given. */
  | 'dueByIgnored'
  /** list always says its records are in sort-key order. */
  | 'alwaysOrdered'

/** A memory store that keeps `noteIndex`, with a bug planted in its answers to `list`. */
export const indexedStore = (bug: IndexBug): Store => {
  const store = MemoryStore.make<Note>({ index: noteIndex })
  switch (bug) {
    case 'none':
      return store
    case 'dueByIgnored':
      return { ...store, list: (request) => store.list({ ...request, dueBy: undefined }) }
    case 'alwaysOrdered':
      return {
        ...store,
        list: (request) => TE.map((page: SecretStore.Page<Note>) => ({ ...page, ordered: true }))(store.list(request)),
      }
  }
}
