// A naive reference store (a Map and a sort, O(n) per page) with optional planted bugs, for the
// store contract's self-tests: correct, it passes the whole contract; each bug must fail it.
import type { SecretStore, StoreError } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'

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
    list: ({ cursor, limit }) =>
      now(() => {
        if (!Number.isSafeInteger(limit) || limit < 1) return E.left({ _tag: 'InvalidLimit', limit })
        const after = cursor === undefined ? 0 : /^n\d+$/.test(cursor) ? Number(cursor.slice(1)) : undefined
        if (after === undefined) return E.left({ _tag: 'InvalidCursor', cursor: cursor ?? '' })
        const all = [...records.values()].sort((a, b) =>
          bug === 'listSortedByName' ? (a.stored.name < b.stored.name ? -1 : 1) : a.seq - b.seq,
        )
        const rest = bug === 'cursorIsOffset' ? all.slice(after) : all.filter((r) => r.seq > after)
        const page = rest.slice(0, limit)
        const lastItem = page[page.length - 1]
        const items = page.map((r) => r.stored)
        if (rest.length <= limit || lastItem === undefined) return E.right({ items, total: all.length })
        const next = bug === 'cursorIsOffset' ? all.length - rest.length + limit : lastItem.seq
        return E.right({ items, next: `n${next}`, total: all.length })
      }),
  }
}
