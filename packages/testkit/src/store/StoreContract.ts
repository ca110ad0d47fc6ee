/**
 * The contract of the secret store port (core's `SecretStore`), as checks that any adapter must
 * pass, in the manner of Vault's `ExerciseBackend` and Effect's key-value contract suite: get,
 * compare-and-set under contention (interleavings chosen by `fc.scheduler`), remove, ordered listing
 * with cursors that survive concurrent writes and with offsets, `dueBy` and `ordered` when the store
 * keeps an index, snapshot and restore when the store offers them, and an engine on the store that
 * never hands it a plaintext. `checkStore` runs them without a test
 * runner; `storeContract` in `@secrets-engine/testkit/vitest` registers them as vitest tests.
 *
 * @since 0.1.0
 */
import { createSecretsManager, type SecretRecord } from '@secrets-engine/alibaba'
import { SecretStore } from '@secrets-engine/core'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import assert from 'node:assert/strict'
import { runChecks, type Check, type CheckOptions, type CheckResult } from '../Check.js'
import { manualClock, seededRandom } from '../Clock.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A store under test. It must hold any record the kit gives it: small JSON objects (the notes of the
 * checks, `{ text, tags }`) and the engine's own records (JSON data too). The store may also offer
 * snapshots. A store with an `index` hands the notes to the index's functions too: the index checks
 * write notes whose `text` is a number from 0 to 9 and whose tags are `["due"]` or none, so that an
 * index written for a test can read a due time and a sort key from them.
 *
 * @category model
 * @since 0.1.0
 */
export type Store = SecretStore.SecretStore<unknown> & Partial<Snapshots>

/**
 * The optional capability to save and load the whole state. `restore` of something that is not a
 * snapshot fails and changes nothing.
 *
 * @category model
 * @since 0.1.0
 */
export interface Snapshots {
  readonly snapshot: () => unknown
  readonly restore: (snapshot: never) => E.Either<unknown, void>
}

/**
 * A fresh, empty store for each run of each check.
 *
 * @category model
 * @since 0.1.0
 */
export type MakeStore = () => Store | Promise<Store>

/** The records of the contract: small JSON data, which any store can hold. */
interface Note {
  readonly text: string
  readonly tags: ReadonlyArray<string>
}

type NoteStore = SecretStore.SecretStore<Note>

// -------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------

const note = (text: string, ...tags: ReadonlyArray<string>): Note => ({ text, tags })

const conflict = (
  name: string,
  expected: SecretStore.Expected,
  actual: SecretStore.Expected,
): E.Either<unknown, never> => E.left({ _tag: 'RevisionConflict', name, expected, actual })

const notes = async (makeStore: MakeStore): Promise<NoteStore> => (await makeStore()) as NoteStore

/** Runs a task that must succeed, and returns its value. */
const ok = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) assert.fail(`expected a Right, got ${JSON.stringify(result)}`)
  return result.right
}

/** Creates or updates `name` from a fresh read, as the engine does. */
const put = (store: NoteStore, name: string, record: Note): Promise<SecretStore.Stored<Note>> =>
  ok(async () => {
    const read = await ok(store.get(name))
    return store.commit(name, SecretStore.expectedAfter(read), record)()
  })

/** Removes `name` if it exists, from a fresh read; true if it did. */
const drop = async (store: NoteStore, name: string): Promise<boolean> => {
  const read = await ok(store.get(name))
  if (O.isNone(read)) return false
  await ok(store.remove(name, read.value.revision))
  return true
}

/** A page without `ordered`, which `listed` checks apart. */
type Listed = Omit<SecretStore.Page<Note>, 'ordered'>

/**
 * `list`, with its page's `ordered` checked and taken out: a boolean exactly when the store keeps an
 * index, absent otherwise. What `ordered` says is the concern of its own check.
 */
const listed = async (store: NoteStore, request: SecretStore.ListRequest): Promise<E.Either<unknown, Listed>> => {
  const result = await store.list(request)()
  if (E.isLeft(result)) return result
  const { ordered, ...page } = result.right
  if (store.index === undefined) assert.ok(!('ordered' in result.right), 'a store without an index answered `ordered`')
  else assert.equal(typeof ordered, 'boolean', 'a store with an index answered without a boolean `ordered`')
  return E.right(page)
}

/**
 * Every page from `first` on, following each `next` with the same `limit` and `dueBy` (an offset
 * applies to the first page only).
 */
const pageFrom = async (store: NoteStore, first: SecretStore.ListRequest): Promise<ReadonlyArray<Listed>> => {
  const pages: Array<Listed> = []
  let request = first
  for (;;) {
    const page = await ok(() => listed(store, request))
    pages.push(page)
    if (page.next === undefined) return pages
    // A store whose cursors go back would page forever: more pages than records is already wrong.
    if (pages.length > page.total + 1) assert.fail(`paging did not end after ${pages.length} pages`)
    request = { cursor: page.next, limit: first.limit, dueBy: first.dueBy }
  }
}

/** Every page from the start, with the page size `limit`. */
const pageThrough = (store: NoteStore, limit: number): Promise<ReadonlyArray<Listed>> => pageFrom(store, { limit })

/** Everything the store holds, in order, as `[name, revision, record]`. */
const contents = async (store: NoteStore): Promise<ReadonlyArray<unknown>> =>
  (await pageThrough(store, 7)).flatMap((page) => page.items.map((s) => [s.name, s.revision, s.record]))

/** Starts `task` when the scheduler says so, and hands its result back when the scheduler says so. */
const scheduled = <A>(s: fc.Scheduler, label: string, task: () => Promise<A>): Promise<A> =>
  s
    .schedule(Promise.resolve(), `start ${label}`)
    .then(task)
    .then((result) => s.schedule(Promise.resolve(result), `end ${label}`))

// A small pool of names, so that random operations collide; with one name that is not plain ASCII.
const nameArb: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'prod/db', 'ü')

type Op =
  | { readonly kind: 'put'; readonly name: string; readonly text: string; readonly tags?: ReadonlyArray<string> }
  | { readonly kind: 'remove'; readonly name: string }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('put' as const), name: nameArb, text: fc.string({ maxLength: 4 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), name: nameArb }) },
)

/** Operations for the index checks: notes with a number as text, some tagged `due` (see `Store`). */
const indexedOpArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      name: nameArb,
      text: fc.nat({ max: 9 }).map(String),
      tags: fc.constantFrom([], ['due']),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), name: nameArb }) },
)

/**
 * What the store should hold: live names in creation order, with the creation number of each (a
 * name created again gets a new number, at the end), the record it was created with (an index reads
 * its `sortKey` then) and the record it holds now.
 */
interface Model {
  readonly live: Map<string, { readonly created: number; readonly first: Note; readonly record: Note }>
  created: number
}

const emptyModel = (): Model => ({ live: new Map(), created: 0 })

const apply = async (store: NoteStore, model: Model, op: Op): Promise<void> => {
  if (op.kind === 'put') {
    const record = note(op.text, ...(op.tags ?? []))
    await put(store, op.name, record)
    const current = model.live.get(op.name)
    // Map order is insertion order, and an update keeps the key where it was: the creation order.
    model.live.set(op.name, {
      created: current?.created ?? ++model.created,
      first: current?.first ?? record,
      record,
    })
  } else {
    await drop(store, op.name)
    model.live.delete(op.name)
  }
}

const example = (name: string, run: (makeStore: MakeStore) => Promise<void>): Check<MakeStore> => ({
  name,
  numRuns: 1,
  property: (makeStore) => fc.asyncProperty(fc.constant(null), () => run(makeStore)),
})

/** The live names and records of the model, in creation order, that are not due by `dueBy`. */
const counting = (
  model: Model,
  index: SecretStore.Index<Note> | undefined,
  dueBy: number | undefined,
): ReadonlyArray<readonly [string, Note]> =>
  [...model.live]
    .filter(([, { record }]) => {
      if (index === undefined || dueBy === undefined) return true
      const dueAt = index.dueAt(record)
      return dueAt === undefined || dueAt > dueBy
    })
    .map(([name, { record }]) => [name, record])

/**
 * Paging from `request` yields `expected` from `request.offset` on, each record once and in order:
 * the first page holds the `limit` records after the offset and says whether more follow, and every
 * page's `total` counts all of `expected`.
 */
const assertPages = async (
  store: NoteStore,
  request: SecretStore.ListRequest & { readonly offset: number },
  expected: ReadonlyArray<readonly [string, Note]>,
): Promise<void> => {
  const { offset, limit } = request
  const pages = await pageFrom(store, request)
  const first = pages[0]
  assert.deepStrictEqual(
    first?.items.map((s) => [s.name, s.record]),
    expected.slice(offset, offset + limit),
  )
  assert.equal(first?.next !== undefined, offset + limit < expected.length)
  assert.deepStrictEqual(
    pages.flatMap((page) => page.items.map((s) => [s.name, s.record])),
    expected.slice(offset),
  )
  for (const page of pages) assert.equal(page.total, expected.length)
}

const snapshotsOf = (store: Store): Snapshots | undefined =>
  typeof store.snapshot === 'function' && typeof store.restore === 'function'
    ? { snapshot: store.snapshot, restore: store.restore }
    : undefined

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

/**
 * Every check of the contract, in order. The names are stable: `only` and replays use them.
 *
 * @category constants
 * @since 0.1.0
 */
export const storeChecks: ReadonlyArray<Check<MakeStore>> = [
  example('get of an unknown name is none', async (makeStore) => {
    const store = await notes(makeStore)
    assert.deepStrictEqual(await store.get('missing')(), E.right(O.none))
  }),
  example('commit expecting absent creates the record, and get returns it', async (makeStore) => {
    const store = await notes(makeStore)
    const record = note('v1', 'x', 'y')
    const created = await ok(store.commit('db', 'absent', record))
    assert.deepStrictEqual(created, { name: 'db', revision: created.revision, record })
    assert.ok(Number.isSafeInteger(created.revision) && created.revision > 0, 'a revision is a positive integer')
    assert.deepStrictEqual(await store.get('db')(), E.right(O.some(created)))
  }),
  example('commit with the current revision replaces the record under a new revision', async (makeStore) => {
    const store = await notes(makeStore)
    const first = await ok(store.commit('db', 'absent', note('v1')))
    const second = await ok(store.commit('db', first.revision, note('v2')))
    assert.deepStrictEqual(second, { name: 'db', revision: second.revision, record: note('v2') })
    assert.notEqual(second.revision, first.revision)
    assert.deepStrictEqual(await store.get('db')(), E.right(O.some(second)))
  }),
  example('commit with a stale revision fails with RevisionConflict and changes nothing', async (makeStore) => {
    const store = await notes(makeStore)
    const first = await ok(store.commit('db', 'absent', note('v1')))
    const second = await ok(store.commit('db', first.revision, note('v2')))
    assert.deepStrictEqual(
      await store.commit('db', first.revision, note('v3'))(),
      conflict('db', first.revision, second.revision),
    )
    assert.deepStrictEqual(await store.get('db')(), E.right(O.some(second)))
  }),
  example(
    'commit expecting absent on an existing name, or a revision on a missing one, conflicts',
    async (makeStore) => {
      const store = await notes(makeStore)
      const first = await ok(store.commit('db', 'absent', note('v1')))
      assert.deepStrictEqual(await store.commit('db', 'absent', note('v2'))(), conflict('db', 'absent', first.revision))
      assert.deepStrictEqual(
        await store.commit('other', first.revision, note('v2'))(),
        conflict('other', first.revision, 'absent'),
      )
      assert.deepStrictEqual(await store.get('db')(), E.right(O.some(first)))
      assert.deepStrictEqual(await store.get('other')(), E.right(O.none))
    },
  ),
  example(
    'remove with the current revision removes; with another revision it conflicts and changes nothing',
    async (makeStore) => {
      const store = await notes(makeStore)
      const first = await ok(store.commit('db', 'absent', note('v1')))
      const second = await ok(store.commit('db', first.revision, note('v2')))
      assert.deepStrictEqual(
        await store.remove('db', first.revision)(),
        conflict('db', first.revision, second.revision),
      )
      assert.deepStrictEqual(await store.get('db')(), E.right(O.some(second)))
      assert.deepStrictEqual(await store.remove('db', second.revision)(), E.right(undefined))
      assert.deepStrictEqual(await store.get('db')(), E.right(O.none))
      assert.deepStrictEqual(await store.remove('db', second.revision)(), conflict('db', second.revision, 'absent'))
    },
  ),
  example(
    'a name removed and created again never gets back an old revision, so stale commits fail',
    async (makeStore) => {
      const store = await notes(makeStore)
      const seen: Array<number> = []
      let expected: SecretStore.Expected = 'absent'
      for (let round = 0; round < 5; round++) {
        const created = await ok(store.commit('db', 'absent', note(`v${round}`)))
        const updated = await ok(store.commit('db', created.revision, note(`w${round}`)))
        assert.ok(!seen.includes(created.revision), `revision ${created.revision} came back`)
        assert.ok(!seen.includes(updated.revision), `revision ${updated.revision} came back`)
        if (expected !== 'absent') {
          assert.deepStrictEqual(
            await store.commit('db', expected, note('stale'))(),
            conflict('db', expected, updated.revision),
          )
        }
        seen.push(created.revision, updated.revision)
        expected = created.revision
        await ok(store.remove('db', updated.revision))
      }
    },
  ),
  {
    name: 'names are opaque strings, and records come back as committed',
    property: (makeStore) =>
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), { maxLength: 5 }),
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
        async (names, text, tags) => {
          const store = await notes(makeStore)
          for (const name of names) {
            const stored = await ok(store.commit(name, 'absent', note(text, ...tags)))
            assert.deepStrictEqual(stored, { name, revision: stored.revision, record: note(text, ...tags) })
          }
          for (const name of names) {
            const read = await ok(store.get(name))
            assert.deepStrictEqual(
              O.map((s: SecretStore.Stored<Note>) => [s.name, s.record])(read),
              O.some([name, note(text, ...tags)]),
            )
          }
        },
      ),
  },
  example('list of an empty store is one empty page', async (makeStore) => {
    const store = await notes(makeStore)
    assert.deepStrictEqual(await listed(store, { limit: 10 }), E.right({ items: [], total: 0 }))
  }),
  example(
    'list refuses a limit that is not a positive integer, and a cursor it did not hand out',
    async (makeStore) => {
      const store = await notes(makeStore)
      await ok(store.commit('db', 'absent', note('v1')))
      for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.deepStrictEqual(await store.list({ limit })(), E.left({ _tag: 'InvalidLimit', limit }))
      }
      for (const cursor of ['', 'not a cursor', '{}', '\u0000']) {
        assert.deepStrictEqual(await store.list({ cursor, limit: 1 })(), E.left({ _tag: 'InvalidCursor', cursor }))
      }
    },
  ),
  example(
    'list orders by creation: an update keeps its place, a name created again goes to the end',
    async (makeStore) => {
      const store = await notes(makeStore)
      const a = await ok(store.commit('a', 'absent', note('a1')))
      const b = await ok(store.commit('b', 'absent', note('b1')))
      const c = await ok(store.commit('c', 'absent', note('c1')))
      const a2 = await ok(store.commit('a', a.revision, note('a2')))
      await ok(store.remove('b', b.revision))
      const b2 = await ok(store.commit('b', 'absent', note('b2')))
      assert.deepStrictEqual(await listed(store, { limit: 10 }), E.right({ items: [a2, c, b2], total: 3 }))
      const first = await ok(() => listed(store, { limit: 2 }))
      assert.equal(typeof first.next, 'string')
      assert.deepStrictEqual(first, { items: [a2, c], next: first.next, total: 3 })
      assert.deepStrictEqual(await listed(store, { cursor: first.next, limit: 2 }), E.right({ items: [b2], total: 3 }))
    },
  ),
  example('a cursor stays valid when the item it points after is removed', async (makeStore) => {
    const store = await notes(makeStore)
    await ok(store.commit('a', 'absent', note('a')))
    const b = await ok(store.commit('b', 'absent', note('b')))
    const c = await ok(store.commit('c', 'absent', note('c')))
    const d = await ok(store.commit('d', 'absent', note('d')))
    const first = await ok(() => listed(store, { limit: 2 }))
    await ok(store.remove('b', b.revision))
    await ok(store.remove('c', c.revision))
    assert.deepStrictEqual(await listed(store, { cursor: first.next, limit: 2 }), E.right({ items: [d], total: 2 }))
  }),
  example(
    'list passes over `offset` records after the cursor, and refuses an offset that is not a non-negative integer',
    async (makeStore) => {
      const store = await notes(makeStore)
      const [a, b, c, d, e] = [
        await ok(store.commit('a', 'absent', note('a'))),
        await ok(store.commit('b', 'absent', note('b'))),
        await ok(store.commit('c', 'absent', note('c'))),
        await ok(store.commit('d', 'absent', note('d'))),
        await ok(store.commit('e', 'absent', note('e'))),
      ]
      const first = await ok(() => listed(store, { offset: 0, limit: 1 }))
      assert.deepStrictEqual(first, { items: [a], next: first.next, total: 5 })
      const second = await ok(() => listed(store, { offset: 1, limit: 2 }))
      assert.equal(typeof second.next, 'string')
      assert.deepStrictEqual(second, { items: [b, c], next: second.next, total: 5 })
      // The cursor goes on after the page's last record; the offset counts from there.
      assert.deepStrictEqual(
        await listed(store, { cursor: second.next, limit: 5 }),
        E.right({ items: [d, e], total: 5 }),
      )
      assert.deepStrictEqual(
        await listed(store, { cursor: second.next, offset: 1, limit: 5 }),
        E.right({ items: [e], total: 5 }),
      )
      assert.deepStrictEqual(await listed(store, { offset: 3, limit: 2 }), E.right({ items: [d, e], total: 5 }))
      assert.deepStrictEqual(await listed(store, { offset: 5, limit: 2 }), E.right({ items: [], total: 5 }))
      assert.deepStrictEqual(await listed(store, { offset: 9, limit: 2 }), E.right({ items: [], total: 5 }))
      for (const offset of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        const result = await store.list({ offset, limit: 1 })()
        assert.deepStrictEqual(
          E.mapLeft((error: { readonly _tag: string }) => error._tag)(result),
          E.left('InvalidLimit'),
          `offset ${offset}`,
        )
      }
    },
  ),
  {
    name: 'paging from any offset yields the records after it exactly once, in creation order',
    property: (makeStore) =>
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 30 }),
        fc.nat({ max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        async (ops, offset, limit) => {
          const store = await notes(makeStore)
          const model = emptyModel()
          for (const op of ops) await apply(store, model, op)
          await assertPages(store, { offset, limit }, counting(model, undefined, undefined))
        },
      ),
  },
  example('a store without an index ignores `dueBy`', async (makeStore) => {
    const store = await notes(makeStore)
    if (store.index !== undefined) return
    await ok(store.commit('a', 'absent', note('1', 'due')))
    await ok(store.commit('b', 'absent', note('2')))
    for (const dueBy of [0, 5, Number.MAX_SAFE_INTEGER]) {
      assert.deepStrictEqual(await listed(store, { limit: 10, dueBy }), await listed(store, { limit: 10 }))
    }
  }),
  {
    name: 'with an index: `dueBy` leaves the records due by then out of the page, the offset and `total`',
    property: (makeStore) =>
      fc.asyncProperty(
        fc.array(indexedOpArb, { maxLength: 30 }),
        fc.integer({ min: -1, max: 10 }),
        fc.nat({ max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        async (ops, dueBy, offset, limit) => {
          const store = await notes(makeStore)
          if (store.index === undefined) return
          const model = emptyModel()
          for (const op of ops) await apply(store, model, op)
          await assertPages(store, { offset, limit, dueBy }, counting(model, store.index, dueBy))
        },
      ),
  },
  {
    name: 'with an index: `ordered` is never true while the records that count are out of `sortKey` order',
    property: (makeStore) =>
      fc.asyncProperty(
        fc.array(indexedOpArb, { maxLength: 20 }),
        fc.option(fc.integer({ min: -1, max: 10 }), { nil: undefined }),
        async (ops, dueBy) => {
          const store = await notes(makeStore)
          const index = store.index
          if (index === undefined) return
          const model = emptyModel()
          for (const op of ops) await apply(store, model, op)
          const live = new Set(counting(model, index, dueBy).map(([name]) => name))
          // The sort key of each name as it was created: the index reads it then.
          const keys = [...model.live].filter(([name]) => live.has(name)).map(([, { first }]) => index.sortKey(first))
          const inOrder = keys.every((key, i) => i === 0 || key >= (keys[i - 1] ?? key))
          const page = await ok(store.list({ limit: 1, dueBy }))
          assert.equal(typeof page.ordered, 'boolean')
          if (!inOrder) assert.equal(page.ordered, false, `ordered with sort keys ${JSON.stringify(keys)}`)
        },
      ),
  },
  {
    name: 'paging with any page size yields every record exactly once, in creation order',
    property: (makeStore) =>
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), async (ops, limit) => {
        const store = await notes(makeStore)
        const model = emptyModel()
        for (const op of ops) await apply(store, model, op)
        const pages = await pageThrough(store, limit)
        const expected = [...model.live].map(([name, { record }]) => [name, record])
        assert.deepStrictEqual(
          pages.flatMap((page) => page.items.map((s) => [s.name, s.record])),
          expected,
        )
        assert.equal(pages.length, Math.max(1, Math.ceil(expected.length / limit)))
        for (const page of pages) {
          assert.equal(page.total, expected.length)
          if (page.next !== undefined) assert.equal(page.items.length, limit)
        }
      }),
  },
  {
    name: 'paging stays consistent while records are committed and removed between pages',
    property: (makeStore) =>
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(fc.array(opArb, { maxLength: 4 })),
        async (ops, limit, batches) => {
          const store = await notes(makeStore)
          const model = emptyModel()
          for (const op of ops) await apply(store, model, op)
          const yielded: Array<number> = []
          const batch = batches[Symbol.iterator]()
          let cursor: string | undefined
          let pages = 0
          for (;;) {
            const page = await ok(() => listed(store, { cursor, limit }))
            assert.equal(page.total, model.live.size)
            for (const item of page.items) {
              const live = model.live.get(item.name)
              assert.deepStrictEqual(item.record, live?.record)
              yielded.push(live?.created ?? -1)
            }
            if (page.next === undefined) break
            assert.ok(++pages <= 200, 'paging did not end after 200 pages')
            cursor = page.next
            for (const op of batch.next().value ?? []) await apply(store, model, op)
          }
          // Never twice, never backwards: the creation numbers of what was yielded only grow.
          for (let i = 1; i < yielded.length; i++) {
            assert.ok((yielded[i] ?? -1) > (yielded[i - 1] ?? -1), `paging went back or repeated: ${yielded}`)
          }
          // Never missed: every record that exists at the end was yielded.
          for (const { created } of model.live.values()) assert.ok(yielded.includes(created), 'paging missed a record')
        },
      ),
  },
  {
    name: 'of concurrent commits expecting the same revision, exactly one wins',
    property: (makeStore) =>
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 8 }), fc.boolean(), async (s, clients, exists) => {
        const store = await notes(makeStore)
        const expected = exists ? (await ok(store.commit('db', 'absent', note('v0')))).revision : 'absent'
        const attempts = Array.from({ length: clients }, (_, i) =>
          scheduled(s, `commit ${i}`, () => store.commit('db', expected, note(`client ${i}`))()),
        )
        const results = await s.waitFor(Promise.all(attempts))
        const winners = results.filter(E.isRight).map((r) => r.right)
        assert.equal(winners.length, 1, `${winners.length} commits won`)
        const winner = winners[0] as SecretStore.Stored<Note>
        for (const result of results) {
          if (E.isLeft(result)) assert.deepStrictEqual(result, conflict('db', expected, winner.revision))
        }
        assert.deepStrictEqual(await store.get('db')(), E.right(O.some(winner)))
      }),
  },
  {
    name: 'of concurrent removes expecting the same revision, exactly one wins',
    property: (makeStore) =>
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 8 }), async (s, clients) => {
        const store = await notes(makeStore)
        const { revision } = await ok(store.commit('db', 'absent', note('v0')))
        const attempts = Array.from({ length: clients }, (_, i) =>
          scheduled(s, `remove ${i}`, () => store.remove('db', revision)()),
        )
        const results = await s.waitFor(Promise.all(attempts))
        assert.deepStrictEqual(results.filter(E.isRight), [E.right(undefined)])
        for (const result of results) {
          if (E.isLeft(result)) assert.deepStrictEqual(result, conflict('db', revision, 'absent'))
        }
        assert.deepStrictEqual(await store.get('db')(), E.right(O.none))
      }),
  },
  {
    name: 'clients that read, commit and retry on conflict lose no update, in any interleaving',
    property: (makeStore) =>
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 6 }), async (s, clients) => {
        const store = await notes(makeStore)
        const increment = async (client: number): Promise<number> => {
          for (let attempt = 1; ; attempt++) {
            const read = await scheduled(s, `get ${client}`, () => ok(store.get('counter')))
            const count = O.isSome(read) ? Number(read.value.record.text) : 0
            const result = await scheduled(s, `commit ${client}`, () =>
              store.commit('counter', SecretStore.expectedAfter(read), note(String(count + 1)))(),
            )
            if (E.isRight(result)) return attempt
            assert.equal(E.isLeft(result) && (result.left as { _tag: string })._tag, 'RevisionConflict')
            // A client that keeps losing is a store that never lets a fresh read win.
            assert.ok(attempt < 100, 'a client lost 100 times in a row')
          }
        }
        await s.waitFor(Promise.all(Array.from({ length: clients }, (_, i) => increment(i))))
        const final = await ok(store.get('counter'))
        assert.deepStrictEqual(
          O.map((stored: SecretStore.Stored<Note>) => stored.record.text)(final),
          O.some(String(clients)),
        )
      }),
  },
  {
    name: 'an engine on the store reads back every value it wrote, and the store never holds a plaintext',
    numRuns: 10,
    property: (makeStore) =>
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 16 }), { minLength: 1, maxLength: 4 }),
        async (values) => {
          const store = (await makeStore()) as SecretStore.SecretStore<SecretRecord>
          const clock = manualClock()
          const engine = createSecretsManager({ store, now: clock.now, random: seededRandom(1) })
          // Distinctive plaintexts: base64 ciphertext cannot contain one by chance.
          const plaintexts = values.map((v, i) => `plaintext-${i}-${v}-end`)
          for (const [i, value] of plaintexts.entries()) {
            const name = `app/secret-${i % 2}`
            const created = await engine.request('CreateSecret', {
              SecretName: name,
              VersionId: 'v0',
              SecretData: value,
            })()
            if (E.isLeft(created)) {
              await ok(engine.request('PutSecretValue', { SecretName: name, VersionId: `v${i}`, SecretData: value }))
            }
            const read = await ok(engine.request('GetSecretValue', { SecretName: name }))
            assert.equal(read['SecretData'], value)
          }
          const held = JSON.stringify(
            (await pageThrough(store as unknown as NoteStore, 5)).flatMap((page) => page.items),
          )
          for (const p of plaintexts)
            assert.ok(!held.includes(JSON.stringify(p).slice(1, -1)), 'a plaintext reached the store')
        },
      ),
  },
  example('snapshots (if offered): restore brings back exactly the state at the snapshot', async (makeStore) => {
    const raw = await makeStore()
    const snapshots = snapshotsOf(raw)
    if (snapshots === undefined) return
    const store = raw as unknown as NoteStore
    const a = await ok(store.commit('a', 'absent', note('a1')))
    await ok(store.commit('b', 'absent', note('b1')))
    const page = await ok(() => listed(store, { limit: 1 }))
    const before = await contents(store)
    const saved = snapshots.snapshot()
    await ok(store.commit('a', a.revision, note('a2')))
    await drop(store, 'b')
    await ok(store.commit('c', 'absent', note('c1')))
    assert.deepStrictEqual(snapshots.restore(saved as never), E.right(undefined))
    assert.deepStrictEqual(await contents(store), before)
    // Revisions and cursors handed out before the snapshot still work on the restored state.
    const b = O.toUndefined(await ok(store.get('b')))
    assert.deepStrictEqual(await listed(store, { cursor: page.next, limit: 5 }), E.right({ items: [b], total: 2 }))
    const a2 = await ok(store.commit('a', a.revision, note('a3')))
    assert.notEqual(a2.revision, a.revision)
  }),
  example(
    'snapshots (if offered): restoring something that is not a snapshot fails and changes nothing',
    async (makeStore) => {
      const raw = await makeStore()
      const snapshots = snapshotsOf(raw)
      if (snapshots === undefined) return
      const store = raw as unknown as NoteStore
      await ok(store.commit('a', 'absent', note('a1')))
      const before = await contents(store)
      for (const bogus of [null, 42, 'snapshot', { records: 'none' }]) {
        assert.ok(E.isLeft(snapshots.restore(bogus as never)), `restore(${JSON.stringify(bogus)}) succeeded`)
        assert.deepStrictEqual(await contents(store), before)
      }
    },
  ),
]

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Runs the whole contract against stores made by `makeStore`, without a test runner.
 *
 * @category destructors
 * @since 0.1.0
 */
export const checkStore = (makeStore: MakeStore, options?: CheckOptions): Promise<CheckResult> =>
  runChecks(storeChecks, makeStore, options)
