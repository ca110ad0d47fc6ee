/**
 * The contract must catch broken stores. A naive reference store passes the whole contract, which
 * shows the contract does not assume the memory store's design; each planted bug in it must make
 * the named checks fail.
 */
import { checkStore } from '@secrets-engine/testkit'
import { storeContract } from '@secrets-engine/testkit/vitest'
import { describe, expect, it } from 'vitest'
import { indexedStore, naiveStore, type Bug, type IndexBug } from './stores.js'

storeContract('naive reference store', () => naiveStore('none'))
storeContract('memory store with an index', () => indexedStore('none'))

// A planted bug can take many runs to show, so these runs pass a fixed count (fast-check's default,
// which the checks have as their own): an explicit count wins over FC_NUM_RUNS, which may be low.
const plantedRuns = 100

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
    [
      'offsetIgnored',
      [
        'list passes over `offset` records after the cursor, and refuses an offset that is not a non-negative integer',
        'paging from any offset yields the records after it exactly once, in creation order',
      ],
    ],
  ]
  for (const [bug, names] of catches) {
    for (const name of names) {
      it(`${bug}: ${name}`, async () => {
        const result = await checkStore(() => naiveStore(bug), { only: name, endOnFailure: true, numRuns: plantedRuns })
        expect(result.failures.map((f) => f.check)).toContain(name)
      })
    }
  }
})

describe('the store contract catches planted bugs in a store with an index', () => {
  const catches: ReadonlyArray<[IndexBug, string]> = [
    ['dueByIgnored', 'with an index: `dueBy` leaves the records due by then out of the page, the offset and `total`'],
    ['alwaysOrdered', 'with an index: `ordered` is never true while the records that count are out of `sortKey` order'],
  ]
  for (const [bug, name] of catches) {
    it(`${bug}: ${name}`, async () => {
      const result = await checkStore(() => indexedStore(bug), { only: name, endOnFailure: true, numRuns: plantedRuns })
      expect(result.failures.map((f) => f.check)).toContain(name)
    })
  }
})
