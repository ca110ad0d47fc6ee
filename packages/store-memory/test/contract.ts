/**
 * The contract of the secret store port, as checks that any adapter must pass: the memory store
 * runs it here, and a database adapter will run the same checks (this file moves to
 * @secrets-engine/testkit). Each check is a plain async function that throws on failure, so a test
 * can also run one against a deliberately broken store and expect it to fail.
 */
import { SecretStore } from '@secrets-engine/core'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The records of the contract: small JSON data, which any store can hold. */
export interface Note {
  readonly text: string
  readonly tags: ReadonlyArray<string>
}

export type Store = SecretStore.SecretStore<Note>

export type MakeStore = () => Store | Promise<Store>

/** fast-check settings for the properties of a check (the global ones apply otherwise). */
export interface CheckOptions {
  readonly numRuns?: number
  /** Stop at the first counterexample, without shrinking it: for checks expected to fail. */
  readonly endOnFailure?: boolean
}

export interface Check {
  readonly name: string
  readonly run: (makeStore: MakeStore, options?: CheckOptions) => Promise<void>
}

// -------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------

const note = (text: string, ...tags: ReadonlyArray<string>): Note => ({ text, tags })

const conflict = (
  name: string,
  expected: SecretStore.Expected,
  actual: SecretStore.Expected,
): E.Either<unknown, never> => E.left({ _tag: 'RevisionConflict', name, expected, actual })

/** Runs a task that must succeed, and returns its value. */
const ok = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) expect.fail(`expected a Right, got ${JSON.stringify(result)}`)
  return result.right
}

/** Creates or updates `name` from a fresh read, as the engine does. */
const put = (store: Store, name: string, record: Note): Promise<SecretStore.Stored<Note>> =>
  ok(async () => {
    const read = await ok(store.get(name))
    return store.commit(name, SecretStore.expectedAfter(read), record)()
  })

/** Removes `name` if it exists, from a fresh read; true if it did. */
const drop = async (store: Store, name: string): Promise<boolean> => {
  const read = await ok(store.get(name))
  if (O.isNone(read)) return false
  await ok(store.remove(name, read.value.revision))
  return true
}

/** Every page from the start, with the page size `limit`. */
const pageThrough = async (
  store: Store,
  limit: number,
  between: () => Promise<void> = async () => {},
): Promise<ReadonlyArray<SecretStore.Page<Note>>> => {
  const pages: Array<SecretStore.Page<Note>> = []
  let cursor: string | undefined
  for (;;) {
    const page = await ok(store.list({ cursor, limit }))
    pages.push(page)
    if (page.next === undefined) return pages
    cursor = page.next
    await between()
  }
}

/** Starts `task` when the scheduler says so, and hands its result back when the scheduler says so. */
const scheduled = <A>(s: fc.Scheduler, label: string, task: () => Promise<A>): Promise<A> =>
  s
    .schedule(Promise.resolve(), `start ${label}`)
    .then(task)
    .then((result) => s.schedule(Promise.resolve(result), `end ${label}`))

const parameters = (options: CheckOptions | undefined): fc.Parameters<unknown> => ({
  ...(options?.numRuns !== undefined ? { numRuns: options.numRuns } : {}),
  ...(options?.endOnFailure === true ? { endOnFailure: true } : {}),
})

// A small pool of names, so that random operations collide; with one name that is not plain ASCII.
const nameArb: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'prod/db', 'ü')

type Op =
  | { readonly kind: 'put'; readonly name: string; readonly text: string }
  | { readonly kind: 'remove'; readonly name: string }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('put' as const), name: nameArb, text: fc.string({ maxLength: 4 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), name: nameArb }) },
)

/**
 * What the store should hold: live names in creation order, with the creation number of each (a
 * name created again gets a new number, at the end).
 */
interface Model {
  readonly live: Map<string, { readonly created: number; readonly record: Note }>
  created: number
}

const emptyModel = (): Model => ({ live: new Map(), created: 0 })

const apply = async (store: Store, model: Model, op: Op): Promise<void> => {
  if (op.kind === 'put') {
    const record = note(op.text)
    await put(store, op.name, record)
    const current = model.live.get(op.name)
    // Map order is insertion order, and an update keeps the key where it was: the creation order.
    model.live.set(op.name, { created: current?.created ?? ++model.created, record })
  } else {
    await drop(store, op.name)
    model.live.delete(op.name)
  }
}

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

export const checks: ReadonlyArray<Check> = [
  {
    name: 'get of an unknown name is none',
    run: async (makeStore) => {
      const store = await makeStore()
      expect(await store.get('missing')()).toStrictEqual(E.right(O.none))
    },
  },
  {
    name: 'commit expecting absent creates the record, and get returns it',
    run: async (makeStore) => {
      const store = await makeStore()
      const record = note('v1', 'x', 'y')
      const created = await ok(store.commit('db', 'absent', record))
      expect(created).toStrictEqual({ name: 'db', revision: created.revision, record })
      expect(Number.isSafeInteger(created.revision) && created.revision > 0).toBe(true)
      expect(await store.get('db')()).toStrictEqual(E.right(O.some(created)))
    },
  },
  {
    name: 'commit with the current revision replaces the record under a new revision',
    run: async (makeStore) => {
      const store = await makeStore()
      const first = await ok(store.commit('db', 'absent', note('v1')))
      const second = await ok(store.commit('db', first.revision, note('v2')))
      expect(second).toStrictEqual({ name: 'db', revision: second.revision, record: note('v2') })
      expect(second.revision).not.toBe(first.revision)
      expect(await store.get('db')()).toStrictEqual(E.right(O.some(second)))
    },
  },
  {
    name: 'commit with a stale revision fails with RevisionConflict and changes nothing',
    run: async (makeStore) => {
      const store = await makeStore()
      const first = await ok(store.commit('db', 'absent', note('v1')))
      const second = await ok(store.commit('db', first.revision, note('v2')))
      expect(await store.commit('db', first.revision, note('v3'))()).toStrictEqual(
        conflict('db', first.revision, second.revision),
      )
      expect(await store.get('db')()).toStrictEqual(E.right(O.some(second)))
    },
  },
  {
    name: 'commit expecting absent on an existing name, or a revision on a missing one, conflicts',
    run: async (makeStore) => {
      const store = await makeStore()
      const first = await ok(store.commit('db', 'absent', note('v1')))
      expect(await store.commit('db', 'absent', note('v2'))()).toStrictEqual(conflict('db', 'absent', first.revision))
      expect(await store.commit('other', first.revision, note('v2'))()).toStrictEqual(
        conflict('other', first.revision, 'absent'),
      )
      expect(await store.get('db')()).toStrictEqual(E.right(O.some(first)))
      expect(await store.get('other')()).toStrictEqual(E.right(O.none))
    },
  },
  {
    name: 'remove with the current revision removes; with another revision it conflicts and changes nothing',
    run: async (makeStore) => {
      const store = await makeStore()
      const first = await ok(store.commit('db', 'absent', note('v1')))
      const second = await ok(store.commit('db', first.revision, note('v2')))
      expect(await store.remove('db', first.revision)()).toStrictEqual(conflict('db', first.revision, second.revision))
      expect(await store.get('db')()).toStrictEqual(E.right(O.some(second)))
      expect(await store.remove('db', second.revision)()).toStrictEqual(E.right(undefined))
      expect(await store.get('db')()).toStrictEqual(E.right(O.none))
      expect(await store.remove('db', second.revision)()).toStrictEqual(conflict('db', second.revision, 'absent'))
    },
  },
  {
    name: 'a name removed and created again never gets back an old revision, so stale commits fail',
    run: async (makeStore) => {
      const store = await makeStore()
      const seen: Array<number> = []
      let expected: SecretStore.Expected = 'absent'
      for (let round = 0; round < 5; round++) {
        const created = await ok(store.commit('db', 'absent', note(`v${round}`)))
        const updated = await ok(store.commit('db', created.revision, note(`w${round}`)))
        expect(seen).not.toContain(created.revision)
        expect(seen).not.toContain(updated.revision)
        if (expected !== 'absent') {
          expect(await store.commit('db', expected, note('stale'))()).toStrictEqual(
            conflict('db', expected, updated.revision),
          )
        }
        seen.push(created.revision, updated.revision)
        expected = created.revision
        await ok(store.remove('db', updated.revision))
      }
    },
  },
  {
    name: 'names are opaque strings, and records come back as committed',
    run: async (makeStore, options) => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), { maxLength: 5 }),
          fc.string({ maxLength: 40 }),
          fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
          async (names, text, tags) => {
            const store = await makeStore()
            for (const name of names) {
              const stored = await ok(store.commit(name, 'absent', note(text, ...tags)))
              expect(stored).toStrictEqual({ name, revision: stored.revision, record: note(text, ...tags) })
            }
            for (const name of names) {
              const read = await ok(store.get(name))
              expect(O.map((s: SecretStore.Stored<Note>) => [s.name, s.record])(read)).toStrictEqual(
                O.some([name, note(text, ...tags)]),
              )
            }
          },
        ),
        parameters(options),
      )
    },
  },
  {
    name: 'list of an empty store is one empty page',
    run: async (makeStore) => {
      const store = await makeStore()
      expect(await store.list({ limit: 10 })()).toStrictEqual(E.right({ items: [], total: 0 }))
    },
  },
  {
    name: 'list refuses a limit that is not a positive integer, and a cursor it did not hand out',
    run: async (makeStore) => {
      const store = await makeStore()
      await ok(store.commit('db', 'absent', note('v1')))
      for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(await store.list({ limit })()).toStrictEqual(E.left({ _tag: 'InvalidLimit', limit }))
      }
      for (const cursor of ['', 'not a cursor', '{}', '\u0000']) {
        expect(await store.list({ cursor, limit: 1 })()).toStrictEqual(E.left({ _tag: 'InvalidCursor', cursor }))
      }
    },
  },
  {
    name: 'list orders by creation: an update keeps its place, a name created again goes to the end',
    run: async (makeStore) => {
      const store = await makeStore()
      const a = await ok(store.commit('a', 'absent', note('a1')))
      const b = await ok(store.commit('b', 'absent', note('b1')))
      const c = await ok(store.commit('c', 'absent', note('c1')))
      const a2 = await ok(store.commit('a', a.revision, note('a2')))
      await ok(store.remove('b', b.revision))
      const b2 = await ok(store.commit('b', 'absent', note('b2')))
      expect(await store.list({ limit: 10 })()).toStrictEqual(E.right({ items: [a2, c, b2], total: 3 }))
      const first = await ok(store.list({ limit: 2 }))
      expect(first).toStrictEqual({ items: [a2, c], next: first.next, total: 3 })
      expect(typeof first.next).toBe('string')
      expect(await store.list({ cursor: first.next, limit: 2 })()).toStrictEqual(E.right({ items: [b2], total: 3 }))
    },
  },
  {
    name: 'a cursor stays valid when the item it points after is removed',
    run: async (makeStore) => {
      const store = await makeStore()
      const [, b, c, d] = [
        await ok(store.commit('a', 'absent', note('a'))),
        await ok(store.commit('b', 'absent', note('b'))),
        await ok(store.commit('c', 'absent', note('c'))),
        await ok(store.commit('d', 'absent', note('d'))),
      ]
      const first = await ok(store.list({ limit: 2 }))
      await ok(store.remove('b', b.revision))
      await ok(store.remove('c', c.revision))
      expect(await store.list({ cursor: first.next, limit: 2 })()).toStrictEqual(E.right({ items: [d], total: 2 }))
    },
  },
  {
    name: 'paging with any page size yields every record exactly once, in creation order',
    run: async (makeStore, options) => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), async (ops, limit) => {
          const store = await makeStore()
          const model = emptyModel()
          for (const op of ops) await apply(store, model, op)
          const pages = await pageThrough(store, limit)
          const expected = [...model.live].map(([name, { record }]) => [name, record])
          expect(pages.flatMap((page) => page.items.map((s) => [s.name, s.record]))).toStrictEqual(expected)
          expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / limit)))
          for (const page of pages) {
            expect(page.total).toBe(expected.length)
            expect(page.items.length).toBe(page.next === undefined ? page.items.length : limit)
          }
        }),
        parameters(options),
      )
    },
  },
  {
    name: 'paging stays consistent while records are committed and removed between pages',
    run: async (makeStore, options) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(opArb, { maxLength: 30 }),
          fc.integer({ min: 1, max: 5 }),
          fc.infiniteStream(fc.array(opArb, { maxLength: 4 })),
          async (ops, limit, batches) => {
            const store = await makeStore()
            const model = emptyModel()
            for (const op of ops) await apply(store, model, op)
            const yielded: Array<number> = []
            const batch = batches[Symbol.iterator]()
            let cursor: string | undefined
            for (;;) {
              const page = await ok(store.list({ cursor, limit }))
              expect(page.total).toBe(model.live.size)
              for (const item of page.items) {
                const live = model.live.get(item.name)
                expect(live?.record).toStrictEqual(item.record)
                yielded.push(live?.created ?? -1)
              }
              if (page.next === undefined) break
              cursor = page.next
              for (const op of batch.next().value ?? []) await apply(store, model, op)
            }
            // Never twice, never backwards: the creation numbers of what was yielded only grow.
            for (let i = 1; i < yielded.length; i++) expect(yielded[i]).toBeGreaterThan(yielded[i - 1] ?? -1)
            // Never missed: every record that exists at the end was yielded.
            for (const { created } of model.live.values()) expect(yielded).toContain(created)
          },
        ),
        parameters(options),
      )
    },
  },
  {
    name: 'of concurrent commits expecting the same revision, exactly one wins',
    run: async (makeStore, options) => {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 8 }), fc.boolean(), async (s, clients, exists) => {
          const store = await makeStore()
          const expected = exists ? (await ok(store.commit('db', 'absent', note('v0')))).revision : 'absent'
          const attempts = Array.from({ length: clients }, (_, i) =>
            scheduled(s, `commit ${i}`, () => store.commit('db', expected, note(`client ${i}`))()),
          )
          const results = await s.waitFor(Promise.all(attempts))
          const winners = results.filter(E.isRight).map((r) => r.right)
          expect(winners.length).toBe(1)
          const winner = winners[0] as SecretStore.Stored<Note>
          for (const result of results) {
            if (E.isLeft(result)) expect(result).toStrictEqual(conflict('db', expected, winner.revision))
          }
          expect(await store.get('db')()).toStrictEqual(E.right(O.some(winner)))
        }),
        parameters(options),
      )
    },
  },
  {
    name: 'of concurrent removes expecting the same revision, exactly one wins',
    run: async (makeStore, options) => {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 8 }), async (s, clients) => {
          const store = await makeStore()
          const { revision } = await ok(store.commit('db', 'absent', note('v0')))
          const attempts = Array.from({ length: clients }, (_, i) =>
            scheduled(s, `remove ${i}`, () => store.remove('db', revision)()),
          )
          const results = await s.waitFor(Promise.all(attempts))
          expect(results.filter(E.isRight)).toStrictEqual([E.right(undefined)])
          for (const result of results) {
            if (E.isLeft(result)) expect(result).toStrictEqual(conflict('db', revision, 'absent'))
          }
          expect(await store.get('db')()).toStrictEqual(E.right(O.none))
        }),
        parameters(options),
      )
    },
  },
  {
    name: 'clients that read, commit and retry on conflict lose no update, in any interleaving',
    run: async (makeStore, options) => {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 6 }), async (s, clients) => {
          const store = await makeStore()
          const increment = async (client: number): Promise<number> => {
            for (let attempt = 1; ; attempt++) {
              const read = await scheduled(s, `get ${client}`, () => ok(store.get('counter')))
              const count = O.isSome(read) ? Number(read.value.record.text) : 0
              const result = await scheduled(s, `commit ${client}`, () =>
                store.commit('counter', SecretStore.expectedAfter(read), note(String(count + 1)))(),
              )
              if (E.isRight(result)) return attempt
              expect(result).toStrictEqual(conflict('counter', SecretStore.expectedAfter(read), expect.anything()))
            }
          }
          await s.waitFor(Promise.all(Array.from({ length: clients }, (_, i) => increment(i))))
          const final = await ok(store.get('counter'))
          expect(O.map((stored: SecretStore.Stored<Note>) => stored.record.text)(final)).toStrictEqual(
            O.some(String(clients)),
          )
        }),
        parameters(options),
      )
    },
  },
]

// -------------------------------------------------------------------------------------
// suite
// -------------------------------------------------------------------------------------

/** Registers every check as a test of `makeStore`'s stores, under `name`. */
export const storeContract = (name: string, makeStore: MakeStore): void => {
  describe(`store contract: ${name}`, () => {
    for (const check of checks) it(check.name, () => check.run(makeStore))
  })
}

/** The check named `name`, for tests that run one alone. */
export const check = (name: string): Check => {
  const found = checks.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no contract check named ${JSON.stringify(name)}`)
  return found
}
