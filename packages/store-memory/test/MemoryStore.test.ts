import { StoreError } from '@secrets-engine/core'
import { MemoryStore } from '@secrets-engine/store-memory'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { storeContract } from '@secrets-engine/testkit/vitest'

// The shared contract of the store port (@secrets-engine/testkit), which every adapter runs.
storeContract('MemoryStore', () => MemoryStore.make())

/** An index on notes: a note whose text has a length divisible by 3 is due at that length. */
const noteIndex = {
  dueAt: (record: Note): number | undefined => (record.text.length % 3 === 0 ? record.text.length : undefined),
  sortKey: (record: Note): number => Number(record.tags[0] ?? 0),
}

interface Note {
  readonly text: string
  readonly tags: ReadonlyArray<string>
}

const note = (text: string, ...tags: ReadonlyArray<string>): Note => ({ text, tags })

const right = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) expect.fail(`expected a Right, got ${JSON.stringify(result)}`)
  return result.right
}

const unavailable = (operation: MemoryStore.Operation): E.Either<unknown, never> =>
  E.left({ _tag: 'StoreUnavailable', reason: `injected fault: ${operation}` })

describe('MemoryStore records', () => {
  it('hands every reader the same frozen record, and freezes the record deeply', async () => {
    const store = MemoryStore.make<Note>()
    const record = note('v1', 'a')
    const stored = await right(store.commit('db', 'absent', record))
    const first = await right(store.get('db'))
    const second = await right(store.get('db'))
    expect(first).toStrictEqual(O.some(stored))
    expect(O.toUndefined(first)?.record).toBe(record)
    expect(O.toUndefined(second)?.record).toBe(record)
    expect(Object.isFrozen(stored)).toBe(true)
    expect(Object.isFrozen(O.toUndefined(first))).toBe(true)
    expect(Object.isFrozen(record)).toBe(true)
    expect(Object.isFrozen(record.tags)).toBe(true)
    expect(() => (record.tags as Array<string>).push('b')).toThrow(TypeError)
  })

  it('hands a reader what was there when it read, whatever is committed later', async () => {
    const store = MemoryStore.make<Note>()
    await right(store.commit('db', 'absent', note('v1')))
    const before = O.toUndefined(await right(store.get('db')))
    const page = await right(store.list({ limit: 10 }))
    await right(store.commit('db', before?.revision ?? 0, note('v2')))
    expect(before?.record).toStrictEqual(note('v1'))
    expect(page.items.map((s) => s.record)).toStrictEqual([note('v1')])
    expect(O.toUndefined(await right(store.get('db')))?.record).toStrictEqual(note('v2'))
  })

  it('does not freeze the record of a commit that fails', async () => {
    const store = MemoryStore.make<Note>()
    await right(store.commit('db', 'absent', note('v1')))
    const refused = note('v2')
    expect(E.isLeft(await store.commit('db', 'absent', refused)())).toBe(true)
    expect(Object.isFrozen(refused)).toBe(false)
  })
})

describe('MemoryStore snapshots', () => {
  it('are plain data in creation order', async () => {
    const store = MemoryStore.make<Note>()
    const a = await right(store.commit('a', 'absent', note('a1')))
    const b = await right(store.commit('b', 'absent', note('b1')))
    await right(store.commit('a', a.revision, note('a2')))
    await right(store.remove('b', b.revision))
    await right(store.commit('b', 'absent', note('b2')))
    await right(store.commit('c', 'absent', note('c1', 'x')))
    expect(store.snapshot()).toStrictEqual({
      format: 1,
      lastRevision: 5,
      records: [
        { name: 'a', revision: 3, seq: 1, record: note('a2') },
        { name: 'b', revision: 4, seq: 4, record: note('b2') },
        { name: 'c', revision: 5, seq: 5, record: note('c1', 'x') },
      ],
    })
  })

  it('survive JSON: a restored store answers every read, cursor and revision as the original', async () => {
    const opArb = fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), text: fc.option(fc.string()) })
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), async (ops, limit) => {
        const original = MemoryStore.make<Note>()
        for (const { name, text } of ops) {
          const read = await right(original.get(name))
          if (text === null && O.isSome(read)) await right(original.remove(name, read.value.revision))
          if (text !== null) {
            const expected = O.isSome(read) ? read.value.revision : 'absent'
            await right(original.commit(name, expected, note(text, name)))
          }
        }
        const copy = MemoryStore.make<Note>()
        const json: MemoryStore.Snapshot<Note> = JSON.parse(JSON.stringify(original.snapshot()))
        expect(copy.restore(json)).toStrictEqual(E.right(undefined))
        expect(copy.snapshot()).toStrictEqual(original.snapshot())
        for (const name of ['a', 'b', 'c', 'd', 'e']) {
          expect(await copy.get(name)()).toStrictEqual(await original.get(name)())
        }
        const first = await right(original.list({ limit }))
        expect(await copy.list({ limit })()).toStrictEqual(E.right(first))
        expect(await copy.list({ cursor: first.next, limit })()).toStrictEqual(
          await original.list({ cursor: first.next, limit })(),
        )
        // Both go on handing out the same revisions.
        expect(await copy.commit('new', 'absent', note('n'))()).toStrictEqual(
          await original.commit('new', 'absent', note('n'))(),
        )
      }),
    )
  })

  it('refuse an invalid snapshot and change nothing', async () => {
    const store = MemoryStore.make<Note>()
    await right(store.commit('db', 'absent', note('v1')))
    const before = store.snapshot()
    const rec = (name: string, revision: number, seq: number) => ({ name, revision, seq, record: note(name) })
    const cases: ReadonlyArray<[unknown, string]> = [
      [null, 'not an object'],
      [{ format: 2, lastRevision: 0, records: [] }, 'unknown format 2'],
      [{ format: 1, lastRevision: -1, records: [] }, 'lastRevision is not a revision'],
      [{ format: 1, lastRevision: 1.5, records: [] }, 'lastRevision is not a revision'],
      [{ format: 1, lastRevision: 3, records: {} }, 'records is not an array'],
      [{ format: 1, lastRevision: 3, records: [7] }, 'records[0] is not an object'],
      [{ format: 1, lastRevision: 3, records: [{ ...rec('a', 1, 1), name: 1 }] }, 'records[0].name is not a string'],
      [{ format: 1, lastRevision: 3, records: [rec('a', 1, 1), rec('a', 2, 2)] }, 'records[1].name repeats "a"'],
      [{ format: 1, lastRevision: 3, records: [rec('a', 4, 1)] }, 'records[0].revision is not a revision'],
      [{ format: 1, lastRevision: 3, records: [rec('a', 0, 1)] }, 'records[0].revision is not a revision'],
      [{ format: 1, lastRevision: 3, records: [rec('a', 2, 3)] }, 'records[0].seq is not at most its revision'],
      [{ format: 1, lastRevision: 3, records: [rec('a', 3, 2), rec('b', 3, 1)] }, 'records[1].seq is out of order'],
      [{ format: 1, lastRevision: 3, records: [{ name: 'a', revision: 1, seq: 1 }] }, 'records[0] has no record'],
    ]
    for (const [snapshot, reason] of cases) {
      expect(store.restore(snapshot as MemoryStore.Snapshot<Note>)).toStrictEqual(
        E.left({ _tag: 'InvalidSnapshot', reason }),
      )
    }
    expect(store.snapshot()).toStrictEqual(before)
  })

  it('an older snapshot restored into the store that took it does not rewind its revisions', async () => {
    const store = MemoryStore.make<Note>()
    const first = await right(store.commit('db', 'absent', note('v1')))
    const older = store.snapshot()
    const second = await right(store.commit('db', first.revision, note('v2')))
    expect(store.restore(older)).toStrictEqual(E.right(undefined))
    // A writer that read v2 holds a revision the store handed out: it must not match again.
    expect(await store.commit('db', second.revision, note('stale'))()).toStrictEqual(
      E.left(StoreError.revisionConflict('db', second.revision, first.revision)),
    )
    const third = await right(store.commit('db', first.revision, note('v3')))
    expect(third.revision).toBe(second.revision + 1)
  })

  it('restore replaces the whole state, and an empty snapshot empties the store', async () => {
    const store = MemoryStore.make<Note>()
    await right(store.commit('db', 'absent', note('v1')))
    expect(store.restore({ format: 1, lastRevision: 0, records: [] })).toStrictEqual(E.right(undefined))
    expect(await store.get('db')()).toStrictEqual(E.right(O.none))
    expect(await store.list({ limit: 5 })()).toStrictEqual(E.right({ items: [], total: 0 }))
  })
})

describe('MemoryStore faults', () => {
  const operations = (
    store: MemoryStore.MemoryStore<Note>,
    revision: number,
  ): Record<MemoryStore.Operation, () => Promise<E.Either<unknown, unknown>>> => ({
    get: () => store.get('db')(),
    commit: () => store.commit('db', revision, note('changed'))(),
    remove: () => store.remove('db', revision)(),
    list: () => store.list({ limit: 10 })(),
  })

  for (const operation of ['get', 'commit', 'remove', 'list'] as const) {
    it(`the next n calls of ${operation} fail with StoreUnavailable and change nothing, then calls succeed`, async () => {
      const store = MemoryStore.make<Note>()
      const { revision } = await right(store.commit('db', 'absent', note('v1')))
      const before = store.snapshot()
      store.faults.failNext(operation, 3)
      const call = operations(store, revision)[operation]
      for (let i = 0; i < 3; i++) expect(await call()).toStrictEqual(unavailable(operation))
      expect(store.snapshot()).toStrictEqual(before)
      expect(E.isRight(await call())).toBe(true)
    })
  }

  it('counts only the operation named, and failNext defaults to one call', async () => {
    const store = MemoryStore.make<Note>()
    store.faults.failNext('commit')
    expect(await store.get('db')()).toStrictEqual(E.right(O.none))
    expect(await store.list({ limit: 1 })()).toStrictEqual(E.right({ items: [], total: 0 }))
    expect(await store.commit('db', 'absent', note('v1'))()).toStrictEqual(unavailable('commit'))
    expect(E.isRight(await store.commit('db', 'absent', note('v1'))())).toBe(true)
  })

  it('counts calls in the order their tasks start, and clear cancels pending failures', async () => {
    const store = MemoryStore.make<Note>()
    store.faults.failNext('commit', 1)
    const createA = store.commit('a', 'absent', note('a'))
    const createB = store.commit('b', 'absent', note('b'))
    const b = createB()
    const a = createA()
    expect(await b).toStrictEqual(unavailable('commit'))
    const stored = await right(() => a)
    store.faults.failNext('get', 5)
    store.faults.setLatency(1_000_000)
    store.faults.clear()
    expect(await store.get('a')()).toStrictEqual(E.right(O.some(stored)))
  })

  describe('latency', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('delays every call by the latency set, until cleared', async () => {
      vi.useFakeTimers()
      const store = MemoryStore.make<Note>()
      store.faults.setLatency(50)
      let settled: E.Either<unknown, unknown> | undefined
      void store
        .commit('db', 'absent', note('v1'))()
        .then((result) => (settled = result))
      await vi.advanceTimersByTimeAsync(49)
      expect(settled).toBeUndefined()
      expect(store.snapshot().records).toStrictEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(E.isRight(settled!)).toBe(true)
      store.faults.clear()
      expect(E.isRight(await store.get('db')())).toBe(true)
    })

    it('does not split the check from the write: of concurrent commits under latency, one wins', async () => {
      vi.useFakeTimers()
      const store = MemoryStore.make<Note>()
      const { revision } = await right(store.commit('db', 'absent', note('v0')))
      store.faults.setLatency(10)
      const all = Promise.all(Array.from({ length: 5 }, (_, i) => store.commit('db', revision, note(`c${i}`))()))
      await vi.advanceTimersByTimeAsync(10)
      const results = await all
      expect(results.filter(E.isRight).length).toBe(1)
    })

    it('applies to injected failures too', async () => {
      vi.useFakeTimers()
      const store = MemoryStore.make<Note>()
      store.faults.setLatency(20)
      store.faults.failNext('get')
      let settled: E.Either<unknown, unknown> | undefined
      void store
        .get('db')()
        .then((result) => (settled = result))
      await vi.advanceTimersByTimeAsync(19)
      expect(settled).toBeUndefined()
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toStrictEqual(unavailable('get'))
    })
  })
})

describe('MemoryStore at scale', () => {
  it('pages correctly through thousands of records after most are removed (the order compacts)', async () => {
    const store = MemoryStore.make<Note>()
    const live = new Map<string, number>()
    for (let i = 0; i < 3000; i++) {
      const { revision } = await right(store.commit(`s${i}`, 'absent', note(String(i))))
      live.set(`s${i}`, revision)
    }
    // Remove runs and scattered names, re-create some: holes everywhere, several compactions.
    for (let i = 0; i < 3000; i++) {
      if (i % 7 !== 0 && !(i > 1000 && i < 1100)) {
        await right(store.remove(`s${i}`, live.get(`s${i}`) ?? 0))
        live.delete(`s${i}`)
      }
    }
    for (let i = 0; i < 3000; i += 97) {
      if (!live.has(`s${i}`)) {
        const { revision } = await right(store.commit(`s${i}`, 'absent', note('again')))
        live.set(`s${i}`, revision)
      }
    }
    for (const limit of [1, 7, 100, 5000]) {
      const names: Array<string> = []
      let cursor: string | undefined
      for (;;) {
        const page = await right(store.list({ cursor, limit }))
        expect(page.total).toBe(live.size)
        names.push(...page.items.map((item) => item.name))
        if (page.next === undefined) break
        cursor = page.next
      }
      expect(names).toStrictEqual([...live.keys()])
    }
  })
})

describe('MemoryStore index', () => {
  it('leaves out what is due by dueBy from pages, offsets and totals, and finds it again after an update', async () => {
    const store = MemoryStore.make<Note>({ index: noteIndex })
    const a = await right(store.commit('a', 'absent', note('a')))
    const b = await right(store.commit('b', 'absent', note('bbb')))
    const c = await right(store.commit('c', 'absent', note('cc')))
    const d = await right(store.commit('d', 'absent', note('dddddd')))
    expect(await store.list({ limit: 10, dueBy: 2 })()).toStrictEqual(
      E.right({ items: [a, b, c, d], total: 4, ordered: true }),
    )
    expect(await store.list({ limit: 10, dueBy: 3 })()).toStrictEqual(
      E.right({ items: [a, c, d], total: 3, ordered: true }),
    )
    expect(await store.list({ limit: 1, offset: 1, dueBy: 3 })()).toMatchObject(E.right({ items: [c], total: 3 }))
    expect(await store.list({ limit: 10, dueBy: 6 })()).toStrictEqual(
      E.right({ items: [a, c], total: 2, ordered: true }),
    )
    const b2 = await right(store.commit('b', b.revision, note('b')))
    expect(await store.list({ limit: 10, dueBy: 6 })()).toStrictEqual(
      E.right({ items: [a, b2, c], total: 3, ordered: true }),
    )
    await right(store.remove('d', d.revision))
    expect(await store.list({ limit: 10, offset: 2, dueBy: 6 })()).toStrictEqual(
      E.right({ items: [c], total: 3, ordered: true }),
    )
    expect(await store.list({ limit: 1, offset: -1 })()).toStrictEqual(E.left({ _tag: 'InvalidLimit', limit: -1 }))
  })

  it('says a store is out of order while a name created with a smaller sortKey than an earlier one lives', async () => {
    const store = MemoryStore.make<Note>({ index: noteIndex })
    await right(store.commit('a', 'absent', note('a', '5')))
    await right(store.commit('b', 'absent', note('b', '5')))
    expect(await right(store.list({ limit: 1 }))).toMatchObject({ ordered: true })
    const late = await right(store.commit('c', 'absent', note('c', '4')))
    expect(await right(store.list({ limit: 1 }))).toMatchObject({ ordered: false })
    const snapshot = store.snapshot()
    await right(store.remove('c', late.revision))
    expect(await right(store.list({ limit: 1 }))).toMatchObject({ ordered: true })
    expect(store.restore(snapshot)).toStrictEqual(E.right(undefined))
    expect(await right(store.list({ limit: 1 }))).toMatchObject({ ordered: false })
    expect(MemoryStore.make<Note>().index).toBeUndefined()
    expect(await right(MemoryStore.make<Note>().list({ limit: 1 }))).not.toHaveProperty('ordered')
  })

  it('pages at any offset like a slice of all pages, through removals and compactions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.nat(300), fc.constant(-1)), { minLength: 50, maxLength: 400 }),
        fc.nat(300),
        fc.integer({ min: 1, max: 30 }),
        async (ops, offset, limit) => {
          const store = MemoryStore.make<Note>({ index: noteIndex })
          const live: Array<string> = []
          let n = 0
          for (const op of ops) {
            if (op < 0 || live.length === 0) {
              const name = `n${n++}`
              await right(store.commit(name, 'absent', note('x')))
              live.push(name)
            } else {
              const [name] = live.splice(op % live.length, 1)
              const found = await right(store.get(name ?? ''))
              if (O.isSome(found)) await right(store.remove(found.value.name, found.value.revision))
            }
          }
          const page = await right(store.list({ limit, offset }))
          expect(page.items.map((s) => s.name)).toStrictEqual(live.slice(offset, offset + limit))
          expect(page.next !== undefined).toBe(live.length > offset + limit)
        },
      ),
    )
  })
})
