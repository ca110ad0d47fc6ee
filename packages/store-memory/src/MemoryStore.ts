/**
 * The memory store: the default adapter of the secret store port, for embedding, tests and demos.
 * It keeps every record in the process, hands out the same frozen records to every reader (reads
 * copy no record: each gets a small frozen `Stored` around it), commits atomically, saves and loads
 * its whole state as plain data (`snapshot`, `restore`), and can be told to fail or slow down
 * (`faults`) so that callers can test their retry paths.
 *
 * Complexity, for n records: `get` O(1); `commit` O(log n) amortised plus the cost of freezing the
 * new parts of the record; `remove` O(log n) amortised; `list` O(log² n + page size · log n) at any
 * depth and any `offset` (plus O(d log n) for d records left out by `dueBy`); `total` O(1);
 * `snapshot` and `restore` O(n log n). Memory per record: one Map entry, one small entry object,
 * one array slot and a 32-bit counter or two (see `internal/InsertionOrder.ts`).
 *
 * With an `index` (see the port's `Index`), the store also keeps the records that have a `dueAt`
 * in a sorted array (O(p) to insert or remove among p such records: deletions pending are few),
 * and the set of names created out of `sortKey` order.
 *
 * Atomicity: JavaScript runs one callback at a time, and each operation does its check and its write
 * in one synchronous step, after any injected latency; so no other call can come between them.
 *
 * @since 0.1.0
 */
import { StoreError, type SecretStore } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as InsertionOrder from './internal/InsertionOrder.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The operations of the port, as named by `faults.failNext`.
 *
 * @category model
 * @since 0.1.0
 */
export type Operation = 'get' | 'commit' | 'remove' | 'list'

/**
 * Fault injection, for tests of the code that uses the store.
 *
 * @category model
 * @since 0.1.0
 */
export interface Faults {
  /**
   * The next `times` calls of `operation` (1 when omitted; 0 cancels) fail with `StoreUnavailable`
   * and change nothing. Calls are counted when their task starts, in the order they start.
   */
  readonly failNext: (operation: Operation, times?: number) => void
  /** Every call waits `ms` milliseconds (on a timer) before it runs; 0 removes the latency. */
  readonly setLatency: (ms: number) => void
  /** No more failures or latency. */
  readonly clear: () => void
}

/**
 * One record of a snapshot. `seq` places it in the creation order.
 *
 * @category model
 * @since 0.1.0
 */
export interface SnapshotRecord<R> {
  readonly name: string
  readonly revision: number
  readonly seq: number
  readonly record: R
}

/**
 * The whole state of a store as plain data: when `R` is JSON data, a snapshot survives
 * `JSON.stringify` and `JSON.parse`. Records are in creation order. The engine gives the store only
 * sealed envelopes, so secret values stay encrypted in a snapshot.
 *
 * @category model
 * @since 0.1.0
 */
export interface Snapshot<R> {
  readonly format: 1
  /** The last revision handed out; the store goes on from there, so cursors and revisions stay valid. */
  readonly lastRevision: number
  readonly records: ReadonlyArray<SnapshotRecord<R>>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface InvalidSnapshot {
  readonly _tag: 'InvalidSnapshot'
  readonly reason: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface MemoryStore<R> extends SecretStore.SecretStore<R> {
  /** The current state, as plain data. The records are shared with the store, and frozen. */
  readonly snapshot: () => Snapshot<R>
  /** Replaces the whole state with `snapshot`'s, or changes nothing if the snapshot is invalid. */
  readonly restore: (snapshot: Snapshot<R>) => E.Either<InvalidSnapshot, void>
  readonly faults: Faults
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Options<R> {
  /** The index to keep (see the port's `Index`); none by default. */
  readonly index?: SecretStore.Index<R>
}

/**
 * An empty store. Committed records are deep-frozen (objects and arrays; typed arrays cannot be),
 * so a record must be plain data that nobody mutates afterwards.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = <R>(options: Options<R> = {}): MemoryStore<R> => {
  const { index } = options
  let state = emptyState<R>()
  const failures: Record<Operation, number> = { get: 0, commit: 0, remove: 0, list: 0 }
  let latency = 0

  const operation =
    <E, A>(name: Operation, step: () => E.Either<E, A>): TE.TaskEither<E | StoreError.StoreUnavailable, A> =>
    () => {
      // The usual case, no fault and no latency, without the closure below: every request reads here.
      if (latency === 0 && failures[name] === 0) return Promise.resolve(step())
      const failing = failures[name] > 0
      if (failing) failures[name]--
      const settle = (): E.Either<E | StoreError.StoreUnavailable, A> =>
        failing ? E.left(StoreError.storeUnavailable(`injected fault: ${name}`)) : step()
      const ms = latency
      return ms > 0 ? new Promise((resolve) => setTimeout(() => resolve(settle()), ms)) : Promise.resolve(settle())
    }

  const get = (name: string): TE.TaskEither<StoreError.StoreUnavailable, O.Option<SecretStore.Stored<R>>> =>
    operation('get', () => {
      const entry = state.byName.get(name)
      return E.right(entry === undefined ? O.none : O.some(storedOf(entry)))
    })

  const commit = (
    name: string,
    expected: SecretStore.Expected,
    record: R,
  ): TE.TaskEither<StoreError.RevisionConflict | StoreError.StoreUnavailable, SecretStore.Stored<R>> =>
    operation('commit', () => {
      const entry = state.byName.get(name)
      const actual = entry === undefined ? 'absent' : entry.revision
      if (actual !== expected) return E.left(StoreError.revisionConflict(name, expected, actual))
      deepFreeze(record)
      const revision = ++state.lastRevision
      if (entry === undefined) {
        const created: Entry<R> = { name, revision, record, seq: revision, slot: -1 }
        state.byName.set(name, created)
        state.order.append(created)
        if (index !== undefined) {
          noteCreated(state, index, created)
          noteDue(state, index, created, 1)
        }
        return E.right(storedOf(created))
      }
      if (index !== undefined) noteDue(state, index, entry, -1)
      entry.revision = revision
      entry.record = record
      if (index !== undefined) noteDue(state, index, entry, 1)
      return E.right(storedOf(entry))
    })

  const remove = (
    name: string,
    expected: SecretStore.Revision,
  ): TE.TaskEither<StoreError.RevisionConflict | StoreError.StoreUnavailable, void> =>
    operation('remove', () => {
      const entry = state.byName.get(name)
      const actual = entry === undefined ? 'absent' : entry.revision
      if (entry === undefined || actual !== expected) return E.left(StoreError.revisionConflict(name, expected, actual))
      state.byName.delete(name)
      state.order.remove(entry)
      if (index !== undefined) {
        noteDue(state, index, entry, -1)
        state.unordered.delete(entry)
      }
      return E.right(undefined)
    })

  const list = (
    request: SecretStore.ListRequest,
  ): TE.TaskEither<
    StoreError.InvalidCursor | StoreError.InvalidLimit | StoreError.StoreUnavailable,
    SecretStore.Page<R>
  > =>
    operation('list', () => {
      const { cursor, limit, offset = 0, dueBy } = request
      if (!Number.isSafeInteger(limit) || limit < 1) return E.left(StoreError.invalidLimit(limit))
      if (!Number.isSafeInteger(offset) || offset < 0) return E.left(StoreError.invalidLimit(offset))
      const afterSeq = cursor === undefined ? 0 : decodeCursor(cursor, state.lastRevision)
      if (afterSeq === undefined) return E.left(StoreError.invalidCursor(cursor ?? ''))
      const due = index === undefined || dueBy === undefined ? [] : dueEntries(state, index, dueBy)
      const page = state.order.page(afterSeq, limit, offset, due)
      const items = page.entries.map(storedOf)
      const last = page.entries[page.entries.length - 1]
      const total = state.byName.size - due.length
      const ordered = index === undefined ? {} : { ordered: state.unordered.size === 0 }
      return E.right(
        page.more && last !== undefined
          ? { items, next: encodeCursor(last.seq), total, ...ordered }
          : { items, total, ...ordered },
      )
    })

  const snapshot = (): Snapshot<R> => ({
    format: 1,
    lastRevision: state.lastRevision,
    records: state.order.all().map(({ name, revision, record, seq }) => ({ name, revision, record, seq })),
  })

  const restore = (snapshot: Snapshot<R>): E.Either<InvalidSnapshot, void> => {
    const problem = snapshotProblem(snapshot)
    if (problem !== undefined) return E.left({ _tag: 'InvalidSnapshot', reason: problem })
    const next = emptyState<R>()
    // An older snapshot must not rewind the revisions this store has handed out: a writer still
    // holding one would find it current again, and its stale compare-and-set would hold.
    next.lastRevision = Math.max(state.lastRevision, snapshot.lastRevision)
    for (const { name, revision, seq, record } of snapshot.records) {
      deepFreeze(record)
      const entry: Entry<R> = { name, revision, record, seq, slot: -1 }
      next.byName.set(name, entry)
      next.order.append(entry)
      if (index !== undefined) {
        noteCreated(next, index, entry)
        noteDue(next, index, entry, 1)
      }
    }
    state = next
    return E.right(undefined)
  }

  const faults: Faults = {
    failNext: (name, times = 1) => {
      failures[name] = Math.max(0, Math.floor(times))
    },
    setLatency: (ms) => {
      latency = Math.max(0, ms)
    },
    clear: () => {
      failures.get = failures.commit = failures.remove = failures.list = 0
      latency = 0
    },
  }

  return { get, commit, remove, list, snapshot, restore, faults, ...(index === undefined ? {} : { index }) }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/**
 * What the store keeps for one name. Mutable on purpose: a commit replaces `revision` and `record`,
 * compaction rewrites `slot`. Readers get a frozen `Stored` made from it (`storedOf`), never the
 * entry: one object per name rather than an entry and a `Stored`, 32 bytes less a record at a
 * million secrets.
 */
interface Entry<R> {
  readonly name: string
  revision: number
  record: R
  /** The revision that created the name: its place in the creation order. */
  readonly seq: number
  slot: number
}

/** What a reader gets: the entry as it is now, which later commits do not change. */
const storedOf = <R>(entry: Entry<R>): SecretStore.Stored<R> =>
  Object.freeze({ name: entry.name, revision: entry.revision, record: entry.record })

interface State<R> {
  readonly byName: Map<string, Entry<R>>
  readonly order: InsertionOrder.InsertionOrder<Entry<R>>
  lastRevision: number
  /** With an index: the entries whose record has a `dueAt`, by `dueAt` then `seq`. */
  readonly pending: Array<Entry<R>>
  /** With an index: the entries created with a `sortKey` below the largest before them. */
  readonly unordered: Set<Entry<R>>
  /** With an index: the largest `sortKey` of any name created so far. */
  largestSortKey: number
}

const emptyState = <R>(): State<R> => ({
  byName: new Map(),
  order: InsertionOrder.make(),
  lastRevision: 0,
  pending: [],
  unordered: new Set(),
  largestSortKey: -Infinity,
})

const noteCreated = <R>(state: State<R>, index: SecretStore.Index<R>, entry: Entry<R>): void => {
  const key = index.sortKey(entry.record)
  if (key < state.largestSortKey) state.unordered.add(entry)
  else state.largestSortKey = key
}

/** Where `(dueAt, seq)` goes in `pending`: the first position whose entry sorts after it. */
const pendingPosition = <R>(state: State<R>, index: SecretStore.Index<R>, dueAt: number, seq: number): number => {
  let lo = 0
  let hi = state.pending.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const other = state.pending[mid] as Entry<R>
    const otherDue = index.dueAt(other.record) ?? Infinity
    if (otherDue < dueAt || (otherDue === dueAt && other.seq < seq)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Adds (1) or removes (-1) an entry, as its record is now, to or from `pending`. */
const noteDue = <R>(state: State<R>, index: SecretStore.Index<R>, entry: Entry<R>, change: 1 | -1): void => {
  const dueAt = index.dueAt(entry.record)
  if (dueAt === undefined) return
  const at = pendingPosition(state, index, dueAt, entry.seq)
  if (change === 1) state.pending.splice(at, 0, entry)
  else if (state.pending[at] === entry) state.pending.splice(at, 1)
}

/** The entries whose `dueAt` is at or before `dueBy`. */
const dueEntries = <R>(state: State<R>, index: SecretStore.Index<R>, dueBy: number): ReadonlyArray<Entry<R>> =>
  state.pending.slice(0, pendingPosition(state, index, dueBy, Infinity))

// A cursor is the seq of the last item of the page, in base 36 behind a tag, so that it reads as opaque.
const CURSOR = /^m1\.([0-9a-z]{1,11})$/

const encodeCursor = (seq: number): string => `m1.${seq.toString(36)}`

/** The seq in `cursor`, if this store could have handed it out. */
const decodeCursor = (cursor: string, lastRevision: number): number | undefined => {
  const digits = CURSOR.exec(cursor)?.[1]
  if (digits === undefined) return undefined
  const seq = parseInt(digits, 36)
  return Number.isSafeInteger(seq) && seq >= 1 && seq <= lastRevision ? seq : undefined
}

const isRevision = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1

/** Why `snapshot` cannot be restored, or undefined. It may come from `JSON.parse`, so trust nothing. */
const snapshotProblem = (snapshot: unknown): string | undefined => {
  if (typeof snapshot !== 'object' || snapshot === null) return 'not an object'
  const { format, lastRevision, records } = snapshot as Record<string, unknown>
  if (format !== 1) return `unknown format ${String(format)}`
  if (lastRevision !== 0 && !isRevision(lastRevision)) return 'lastRevision is not a revision'
  if (!Array.isArray(records)) return 'records is not an array'
  const names = new Set<string>()
  let previousSeq = 0
  for (const [i, item] of records.entries()) {
    if (typeof item !== 'object' || item === null) return `records[${i}] is not an object`
    const { name, revision, seq } = item as Record<string, unknown>
    if (typeof name !== 'string') return `records[${i}].name is not a string`
    if (names.has(name)) return `records[${i}].name repeats ${JSON.stringify(name)}`
    if (!isRevision(revision) || revision > lastRevision) return `records[${i}].revision is not a revision`
    if (!isRevision(seq) || seq > revision) return `records[${i}].seq is not at most its revision`
    if (seq <= previousSeq) return `records[${i}].seq is out of order`
    if (!('record' in item)) return `records[${i}] has no record`
    names.add(name)
    previousSeq = seq
  }
  return undefined
}

// An object that is already frozen is taken as deeply frozen: the parts of a record that the engine
// carries over from the previous one were frozen by that commit, so a commit only pays for what is new.
// Children are checked before the call, and walked without building `Object.values` arrays: the
// record of a PutSecretValue, about 8 new objects among 15 old ones, in 0.7 µs rather than 1.1. An
// engine that knows its records' shape may freeze them itself before the commit, as the Alibaba
// engine does (`SecretRecord.frozen`): the store then finds the record frozen and walks nothing.
const deepFreeze = (value: unknown): void => {
  if (needsFreezing(value)) freezeDeeply(value)
}

const needsFreezing = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)

const freezeDeeply = (value: object): void => {
  Object.freeze(value)
  if (Array.isArray(value)) {
    for (const child of value as ReadonlyArray<unknown>) if (needsFreezing(child)) freezeDeeply(child)
  } else {
    for (const key in value) {
      const child: unknown = (value as Record<string, unknown>)[key]
      if (needsFreezing(child)) freezeDeeply(child)
    }
  }
}
