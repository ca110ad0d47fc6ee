import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SecretStore } from '@secrets-engine/core'
import { StoreError, Transaction } from '@secrets-engine/core'

// A record of the test dialect: a counter that may expire or be due for rotation at `now`.
interface Rec {
  readonly value: number
  readonly expiresAt?: number
  readonly rotateAt?: number
  readonly rotationFails?: boolean
}

type Err =
  | { readonly _tag: 'StoreFailed'; readonly error: StoreError.StoreError }
  | { readonly _tag: 'Exhausted' }
  | { readonly _tag: 'NotFound' }
  | { readonly _tag: 'Refused' }
  | { readonly _tag: 'RotationFailed' }

type Op = 'get' | 'commit' | 'remove' | 'list'

/** What the fake store waits for before each call: nothing, or a scheduler's leave. */
type Delay = () => Promise<unknown>

/** A store over a map, with a log of its calls and faults to plant: lost compare-and-sets, outages. */
const fakeStore = (initial: ReadonlyArray<readonly [string, Rec]> = [], delay: Delay = () => Promise.resolve()) => {
  let revision = 0
  const records = new Map<string, SecretStore.Stored<Rec>>()
  for (const [name, record] of initial) records.set(name, { name, revision: ++revision, record })
  const calls: Array<Op> = []
  const planted = { conflicts: 0, failing: new Set<Op>() }
  const fails = (op: Op) => {
    calls.push(op)
    return planted.failing.has(op) ? StoreError.storeUnavailable(`planted ${op}`) : undefined
  }
  const conflicts = (name: string, expected: SecretStore.Expected): StoreError.RevisionConflict | undefined => {
    const actual = records.get(name)?.revision ?? 'absent'
    if (planted.conflicts > 0) {
      planted.conflicts--
      return StoreError.revisionConflict(name, expected, actual)
    }
    return actual === expected ? undefined : StoreError.revisionConflict(name, expected, actual)
  }
  const store: SecretStore.SecretStore<Rec> = {
    get: (name) => async () => {
      await delay()
      const failure = fails('get')
      return failure !== undefined ? E.left(failure) : E.right(O.fromNullable(records.get(name)))
    },
    commit: (name, expected, record) => async () => {
      await delay()
      const failure = fails('commit') ?? conflicts(name, expected)
      if (failure !== undefined) return E.left(failure)
      const stored = { name, revision: ++revision, record }
      records.set(name, stored)
      return E.right(stored)
    },
    remove: (name, expected) => async () => {
      await delay()
      const failure = fails('remove') ?? conflicts(name, expected)
      if (failure !== undefined) return E.left(failure)
      records.delete(name)
      return E.right(undefined)
    },
    list:
      ({ cursor, limit }) =>
      async () => {
        await delay()
        const failure = fails('list')
        if (failure !== undefined) return E.left(failure)
        const all = [...records.values()]
        const from = cursor === undefined ? 0 : Number(cursor)
        const to = from + limit
        return E.right({
          items: all.slice(from, to),
          total: all.length,
          ...(to < all.length ? { next: String(to) } : {}),
        })
      },
  }
  const value = (name: string): Rec | undefined => records.get(name)?.record
  return { store, records, calls, planted, value }
}

type Fake = ReturnType<typeof fakeStore>

interface Ctx {
  readonly fake: Fake
  readonly maxAttempts: number
  readonly now: number
  /** What the catch-up bodies announced, in order. */
  readonly announced: Array<string>
}

const context = (fake: Fake, maxAttempts = 3, now = 100): Ctx => ({ fake, maxAttempts, now, announced: [] })

const exhausted = (): Err => ({ _tag: 'Exhausted' })
const notFound = (): Err => ({ _tag: 'NotFound' })
const refused: Err = { _tag: 'Refused' }

const transactor: Transaction.Transactor<Ctx, Rec, Err> = {
  store: (ctx) => ctx.fake.store,
  maxAttempts: (ctx) => ctx.maxAttempts,
  storeFailure: (error) => ({ _tag: 'StoreFailed', error }),
  exhausted,
  catchUp: (ctx, { record }) => {
    if (record.expiresAt !== undefined && record.expiresAt <= ctx.now) {
      return Transaction.remove(async () => {
        ctx.announced.push(`removed ${record.value}`)
      })
    }
    if (record.rotateAt !== undefined && record.rotateAt <= ctx.now) {
      if (record.rotationFails === true) return Promise.resolve(E.left<Err>({ _tag: 'RotationFailed' }))
      const rotated: Rec = { value: record.value + 100 }
      return Promise.resolve(
        E.right(
          Transaction.commit(rotated, async () => {
            ctx.announced.push(`rotated to ${rotated.value}`)
          }),
        ),
      )
    }
    return Transaction.upToDate
  },
}

/** A `decide` that counts its calls and records what it saw. */
const deciding = <B>(
  decide: (current: O.Option<SecretStore.Stored<Rec>>) => E.Either<Err, Transaction.Decision<Rec, B>>,
) => {
  const seen: Array<O.Option<Rec>> = []
  const run = (current: O.Option<SecretStore.Stored<Rec>>): TE.TaskEither<Err, Transaction.Decision<Rec, B>> => {
    seen.push(O.map((s: SecretStore.Stored<Rec>) => s.record)(current))
    return () => Promise.resolve(decide(current))
  }
  return { run, seen }
}

/** Adds one to the counter (starting it at 1), answering the new value. */
const bump = (current: O.Option<SecretStore.Stored<Rec>>): E.Either<Err, Transaction.Decision<Rec, number>> => {
  const value = O.isSome(current) ? current.value.record.value + 1 : 1
  return E.right(Transaction.commit({ value }, value))
}

const increment =
  (current: O.Option<SecretStore.Stored<Rec>>): TE.TaskEither<Err, Transaction.Decision<Rec, number>> =>
  () =>
    Promise.resolve(bump(current))

describe('Transaction.transact', () => {
  it('retries a lost compare-and-set until maxAttempts reads, then returns exhausted() and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }), async (maxAttempts, lost) => {
        const fake = fakeStore([['a', { value: 0 }]])
        fake.planted.conflicts = lost
        const { run, seen } = deciding(bump)
        const result = await Transaction.transact(transactor, context(fake, maxAttempts), 'a', run)()
        if (lost < maxAttempts) {
          expect(result).toStrictEqual(E.right(1))
          expect(seen).toHaveLength(lost + 1)
          expect(fake.value('a')).toStrictEqual({ value: 1 })
        } else {
          expect(result).toStrictEqual(E.left(exhausted()))
          expect(seen).toHaveLength(maxAttempts)
          expect(fake.value('a')).toStrictEqual({ value: 0 })
        }
        expect(fake.calls.filter((op) => op === 'get')).toHaveLength(seen.length)
        expect(fake.calls.filter((op) => op === 'commit')).toHaveLength(seen.length)
      }),
    )
  })

  it('with no attempts at all, returns exhausted() without a call to the store', async () => {
    const fake = fakeStore([['a', { value: 0 }]])
    expect(await Transaction.transact(transactor, context(fake, 0), 'a', increment)()).toStrictEqual(
      E.left(exhausted()),
    )
    expect(fake.calls).toStrictEqual([])
  })

  it('a failing decide returns its error and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer(), { nil: undefined }),
        fc.integer({ min: 1, max: 5 }),
        async (value, maxAttempts) => {
          const fake = fakeStore(value === undefined ? [] : [['a', { value }]])
          const before = [...fake.records.entries()]
          const { run, seen } = deciding(() => E.left(refused))
          const result = await Transaction.transact(transactor, context(fake, maxAttempts), 'a', run)()
          expect(result).toStrictEqual(E.left(refused))
          expect(seen).toHaveLength(1)
          expect([...fake.records.entries()]).toStrictEqual(before)
          expect(fake.calls).toStrictEqual(['get'])
        },
      ),
    )
  })

  it('loses no update among concurrent transactions, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 5 }), async (s, n) => {
        const fake = fakeStore([], () => s.schedule(Promise.resolve()))
        const ctx = context(fake, n)
        const running = Array.from({ length: n }, () => Transaction.transact(transactor, ctx, 'a', increment)())
        await s.waitFor(Promise.all(running))
        const results = await Promise.all(running)
        expect(results.map((r) => (E.isRight(r) ? r.right : 0)).sort()).toStrictEqual(
          Array.from({ length: n }, (_, i) => i + 1),
        )
        expect(fake.value('a')).toStrictEqual({ value: n })
      }),
    )
  })

  it('applies each decision: Keep writes nothing, Remove removes, Remove of nothing writes nothing', async () => {
    const fake = fakeStore([['a', { value: 1 }]])
    const ctx = context(fake)
    expect(
      await Transaction.transact(transactor, ctx, 'a', () => async () => E.right(Transaction.keep('k')))(),
    ).toStrictEqual(E.right('k'))
    expect(fake.calls).toStrictEqual(['get'])
    expect(
      await Transaction.transact(transactor, ctx, 'a', () => async () => E.right(Transaction.remove('r')))(),
    ).toStrictEqual(E.right('r'))
    expect(fake.value('a')).toBe(undefined)
    fake.calls.length = 0
    expect(
      await Transaction.transact(transactor, ctx, 'a', () => async () => E.right(Transaction.remove('r')))(),
    ).toStrictEqual(E.right('r'))
    expect(fake.calls).toStrictEqual(['get'])
  })

  it('creates a record that does not exist, expecting it absent', async () => {
    const fake = fakeStore()
    const { run, seen } = deciding(bump)
    expect(await Transaction.transact(transactor, context(fake), 'a', run)()).toStrictEqual(E.right(1))
    expect(seen).toStrictEqual([O.none])
    expect(fake.value('a')).toStrictEqual({ value: 1 })
  })

  it('reports a store failure through storeFailure, without retrying', async () => {
    for (const op of ['get', 'commit'] as const) {
      const fake = fakeStore([['a', { value: 0 }]])
      fake.planted.failing.add(op)
      const result = await Transaction.transact(transactor, context(fake), 'a', increment)()
      expect(result).toStrictEqual(E.left({ _tag: 'StoreFailed', error: StoreError.storeUnavailable(`planted ${op}`) }))
      expect(fake.calls).toStrictEqual(op === 'get' ? ['get'] : ['get', 'commit'])
      expect(fake.value('a')).toStrictEqual({ value: 0 })
    }
  })
})

describe('bringing a record up to now', () => {
  it('removes an expired record before decide sees it, then announces it', async () => {
    const fake = fakeStore([['a', { value: 7, expiresAt: 100 }]])
    const ctx = context(fake)
    const { run, seen } = deciding(bump)
    expect(await Transaction.transact(transactor, ctx, 'a', run)()).toStrictEqual(E.right(1))
    expect(seen).toStrictEqual([O.none])
    expect(ctx.announced).toStrictEqual(['removed 7'])
    expect(fake.calls).toStrictEqual(['get', 'remove', 'get', 'commit'])
  })

  it('leaves a record that expires later as it is', async () => {
    const fake = fakeStore([['a', { value: 7, expiresAt: 101 }]])
    const { run, seen } = deciding(bump)
    expect(await Transaction.transact(transactor, context(fake), 'a', run)()).toStrictEqual(E.right(8))
    expect(seen).toStrictEqual([O.some({ value: 7, expiresAt: 101 })])
  })

  it('commits a due rotation before decide sees the record', async () => {
    const fake = fakeStore([['a', { value: 1, rotateAt: 50 }]])
    const ctx = context(fake)
    const { run, seen } = deciding(bump)
    expect(await Transaction.transact(transactor, ctx, 'a', run)()).toStrictEqual(E.right(102))
    expect(seen).toStrictEqual([O.some({ value: 101 })])
    expect(ctx.announced).toStrictEqual(['rotated to 101'])
  })

  it('fails the read with the error of a catch-up that fails, writing nothing', async () => {
    const fake = fakeStore([['a', { value: 1, rotateAt: 50, rotationFails: true }]])
    const { run, seen } = deciding(bump)
    expect(await Transaction.transact(transactor, context(fake), 'a', run)()).toStrictEqual(
      E.left({ _tag: 'RotationFailed' }),
    )
    expect(seen).toStrictEqual([])
    expect(fake.calls).toStrictEqual(['get'])
  })

  it('reads again after a catch-up write and after a lost compare-and-set, each read using one attempt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 }), async (maxAttempts, lost) => {
        const fake = fakeStore([['a', { value: 7, expiresAt: 0 }]])
        fake.planted.conflicts = lost
        const ctx = context(fake, maxAttempts)
        const result = await Transaction.read(transactor, ctx, 'a')()
        // The removal holds at read lost + 1; the read after it, which finds nothing, is one more.
        const removed = lost + 1 <= maxAttempts
        expect(result).toStrictEqual(lost + 2 <= maxAttempts ? E.right(O.none) : E.left(exhausted()))
        expect(fake.calls.filter((op) => op === 'get')).toHaveLength(Math.min(lost + 2, maxAttempts))
        expect(fake.calls.filter((op) => op === 'remove')).toHaveLength(Math.min(lost + 1, maxAttempts))
        expect(ctx.announced).toStrictEqual(removed ? ['removed 7'] : [])
        expect(fake.value('a')).toStrictEqual(removed ? undefined : { value: 7, expiresAt: 0 })
      }),
    )
  })

  it('reports a store failure of a catch-up write through storeFailure', async () => {
    const fake = fakeStore([['a', { value: 7, expiresAt: 0 }]])
    fake.planted.failing.add('remove')
    expect(await Transaction.read(transactor, context(fake), 'a')()).toStrictEqual(
      E.left({ _tag: 'StoreFailed', error: StoreError.storeUnavailable('planted remove') }),
    )
  })
})

describe('records that must exist', () => {
  it('readExisting gives the record, or notFound()', async () => {
    const fake = fakeStore([
      ['a', { value: 1 }],
      ['gone', { value: 2, expiresAt: 0 }],
    ])
    const ctx = context(fake)
    expect(await Transaction.readExisting(transactor, ctx, 'a', notFound)()).toStrictEqual(
      E.right({ name: 'a', revision: 1, record: { value: 1 } }),
    )
    expect(await Transaction.readExisting(transactor, ctx, 'gone', notFound)()).toStrictEqual(E.left(notFound()))
    expect(await Transaction.readExisting(transactor, ctx, 'none', notFound)()).toStrictEqual(E.left(notFound()))
  })

  it('transactExisting decides on the record, or answers notFound() and writes nothing', async () => {
    const fake = fakeStore([['a', { value: 1 }]])
    const ctx = context(fake)
    const decide = (current: SecretStore.Stored<Rec>) => async () => bump(O.some(current))
    expect(await Transaction.transactExisting(transactor, ctx, 'a', decide, notFound)()).toStrictEqual(E.right(2))
    fake.calls.length = 0
    expect(await Transaction.transactExisting(transactor, ctx, 'b', decide, notFound)()).toStrictEqual(
      E.left(notFound()),
    )
    expect(fake.calls).toStrictEqual(['get'])
  })
})

describe('Transaction.forEachStored', () => {
  it('visits every record once, in the store order, across pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2_500 }), async (n) => {
        const fake = fakeStore(Array.from({ length: n }, (_, i) => [`s${i}`, { value: i }] as const))
        const visited: Array<number> = []
        const walked = await Transaction.forEachStored(fake.store, transactor.storeFailure, ({ record }) => {
          visited.push(record.value)
        })()
        expect(walked).toStrictEqual(E.right(undefined))
        expect(visited).toStrictEqual(Array.from({ length: n }, (_, i) => i))
        expect(fake.calls).toHaveLength(Math.max(1, Math.ceil(n / 1_000)))
      }),
      { numRuns: 20 },
    )
  })

  it('reports a failing page through storeFailure', async () => {
    const fake = fakeStore([['a', { value: 1 }]])
    fake.planted.failing.add('list')
    expect(await Transaction.forEachStored(fake.store, transactor.storeFailure, () => undefined)()).toStrictEqual(
      E.left({ _tag: 'StoreFailed', error: StoreError.storeUnavailable('planted list') }),
    )
  })
})

describe('Transaction.hasRoom', () => {
  const isExpired = (record: Rec) => record.expiresAt !== undefined && record.expiresAt <= 100
  // Records that expire before, at or after `now` (100), or never.
  const records = fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }), {
    maxLength: 1_200,
    size: 'max',
  })
  const storeOf = (expiries: ReadonlyArray<number | undefined>) =>
    fakeStore(
      expiries.map(
        (expiresAt, i) => [`s${i}`, expiresAt === undefined ? { value: i } : { value: i, expiresAt }] as const,
      ),
    )

  it('counts only the live records, and walks a store without an index only when its total reaches max', async () => {
    await fc.assert(
      // `max` near the store's size, so that about half the runs walk it (past one page of 1,000 at times).
      fc.asyncProperty(records, fc.integer({ min: -50, max: 50 }), async (expiries, offset) => {
        const max = Math.max(0, expiries.length + offset)
        const fake = storeOf(expiries)
        const live = expiries.filter((at) => at === undefined || at > 100).length
        expect(await Transaction.hasRoom(transactor, context(fake), max, 100, isExpired)).toStrictEqual(
          E.right(live < max),
        )
        expect(fake.calls).toStrictEqual(
          expiries.length < max
            ? ['list']
            : ['list', ...Array(Math.max(1, Math.ceil(expiries.length / 1_000))).fill('list')],
        )
      }),
      { numRuns: 50 },
    )
  })

  it('trusts the total of a store with an index, which leaves the due records out itself', async () => {
    const fake = storeOf([50, undefined, 150, 100])
    const indexed: SecretStore.SecretStore<Rec> = {
      ...fake.store,
      list: (request) => async () => {
        const page = await fake.store.list(request)()
        // Two records are due by 100: an indexed store's total leaves them out.
        return E.map((p: SecretStore.Page<Rec>) => ({ ...p, total: 2, ordered: true }))(page)
      },
    }
    const withIndex = { ...transactor, store: () => indexed }
    expect(await Transaction.hasRoom(withIndex, context(fake), 3, 100, isExpired)).toStrictEqual(E.right(true))
    expect(await Transaction.hasRoom(withIndex, context(fake), 2, 100, isExpired)).toStrictEqual(E.right(false))
    expect(fake.calls).toStrictEqual(['list', 'list'])
  })

  it('reports a failing store through storeFailure', async () => {
    const fake = storeOf([undefined])
    fake.planted.failing.add('list')
    expect(await Transaction.hasRoom(transactor, context(fake), 1, 100, isExpired)).toStrictEqual(
      E.left({ _tag: 'StoreFailed', error: StoreError.storeUnavailable('planted list') }),
    )
  })
})

describe('Transaction.serial', () => {
  it('runs tasks one at a time, in the order handed in, each once the one before has settled, failed or not', async () => {
    await fc.assert(
      // Each task succeeds or fails, after a few promise hops of its own.
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.nat(3)), { maxLength: 12 }), async (tasks) => {
        const queue = Transaction.serial()
        const log: Array<string> = []
        let running = 0
        const results = tasks.map(([fails, hops], i) =>
          queue(async () => {
            running++
            log.push(`start ${i} with ${running} running`)
            for (let hop = 0; hop < hops; hop++) await Promise.resolve()
            running--
            log.push(`end ${i}`)
            if (fails) throw new Error(`task ${i}`)
            return i
          }).then(
            (value) => E.right(value),
            (error: unknown) => E.left(error instanceof Error ? error.message : 'not an Error'),
          ),
        )
        expect(await Promise.all(results)).toStrictEqual(
          tasks.map(([fails], i) => (fails ? E.left(`task ${i}`) : E.right(i))),
        )
        expect(log).toStrictEqual(tasks.flatMap((_, i) => [`start ${i} with 1 running`, `end ${i}`]))
      }),
    )
  })

  it('starts a task at once when no other task is queued, including after the queue has drained', async () => {
    const queue = Transaction.serial()
    const started: Array<number> = []
    const first = queue(() => {
      started.push(1)
      return Promise.resolve(1)
    })
    // Handed in while the first has not settled: it waits.
    const second = queue(() => {
      started.push(2)
      return Promise.resolve(2)
    })
    expect(started).toStrictEqual([1])
    expect(await Promise.all([first, second])).toStrictEqual([1, 2])
    // Let the queue see that both have settled.
    await new Promise((resolve) => setTimeout(resolve, 0))
    void queue(() => {
      started.push(3)
      return Promise.resolve(3)
    })
    expect(started).toStrictEqual([1, 2, 3])
  })
})
