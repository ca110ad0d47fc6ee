/**
 * The contract must catch broken stores. A naive reference store (a Map and a sort, O(n) per page)
 * passes the whole contract, which shows the contract does not assume the memory store's design;
 * each planted bug in it must make the named checks fail.
 */
import type { SecretStore, StoreError } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import { check, storeContract, type Note, type Store } from './contract.js'

type Bug =
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

const naiveStore = (bug: Bug): Store => {
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

storeContract('naive reference store', () => naiveStore('none'))

describe('the store contract catches planted bugs', () => {
  const catches: ReadonlyArray<[Bug, ReadonlyArray<string>]> = [
    [
      'commitIgnoresRevision',
      [
        'commit with a stale revision fails with RevisionConflict and changes nothing',
        'commit expecting absent on an existing name, or a revision on a missing one, conflicts',
        'of concurrent commits expecting the same revision, exactly one wins',
        'clients that read, commit and retry on conflict lose no update, in any interleaving',
      ],
    ],
    [
      'removeIgnoresRevision',
      ['remove with the current revision removes; with another revision it conflicts and changes nothing'],
    ],
    ['revisionsPerName', ['a name removed and created again never gets back an old revision, so stale commits fail']],
    [
      'listSortedByName',
      [
        'list orders by creation: an update keeps its place, a name created again goes to the end',
        'paging with any page size yields every record exactly once, in creation order',
      ],
    ],
    [
      'cursorIsOffset',
      [
        'a cursor stays valid when the item it points after is removed',
        'paging stays consistent while records are committed and removed between pages',
      ],
    ],
  ]
  for (const [bug, names] of catches) {
    for (const name of names) {
      it(`${bug}: ${name}`, async () => {
        await expect(check(name).run(() => naiveStore(bug), { endOnFailure: true })).rejects.toThrow()
      })
    }
  }
})
