/**
 * The transaction every write of an engine goes through, whatever its dialect: read a record with
 * its revision, let the operation decide purely what to write, and apply the decision by
 * compare-and-set. When another request committed first, the transaction starts again from a fresh
 * read, so no update is lost; the only write is the final one, so a transaction that fails changes
 * nothing. Before an operation sees a record, the record is brought up to the request's time (a
 * dialect removes what has expired and rotates what is due), so nothing needs a timer.
 *
 * A `Transactor` holds what differs between dialects: where the store and the attempt count are in
 * the dialect's environment, how store failures and exhaustion are reported, and what bringing a
 * record up to now takes. It is built once per dialect and handed the request's environment (the
 * context) on every call, so that a request allocates no transactor of its own.
 *
 * These are the paths of every request, so they are plain async functions over `Either` rather than
 * `TaskEither` pipelines: each fp-ts combinator allocates closures and adds a promise hop.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as T from 'fp-ts/lib/Task.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { SecretStore, Stored } from './SecretStore.js'
import { expectedAfter } from './SecretStore.js'
import type { StoreError } from './StoreError.js'
import { isRevisionConflict } from './StoreError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What an operation decided, given the record as it is now: write nothing, commit a new record, or
 * remove the record; `body` is what the operation answers once the decision holds.
 *
 * @category model
 * @since 0.1.0
 */
export type Decision<R, B> =
  | { readonly _tag: 'Keep'; readonly body: B }
  | { readonly _tag: 'Commit'; readonly record: R; readonly body: B }
  | { readonly _tag: 'Remove'; readonly body: B }

/**
 * What a record needs to be up to date: `Keep` when it is; otherwise `Remove`, or `Commit` of the
 * record it has become, whose body (if any) runs once that write holds, to announce it.
 *
 * @category model
 * @since 0.1.0
 */
export type CatchUp<R> = Decision<R, T.Task<unknown> | undefined>

/**
 * What one dialect's transactions need, for records `R` and API errors `E`, given the request's
 * context `C` (the dialect's environment).
 *
 * @category model
 * @since 0.1.0
 */
export interface Transactor<C, R, E> {
  /** The store the records are in. */
  readonly store: (context: C) => SecretStore<R>
  /**
   * The attempts allowed: a transaction decides at most this many times (a lost compare-and-set
   * starts it again), and each read makes at most this many reads of the store while it brings the
   * record up to date (every catch-up write, held or lost, is followed by a read again). Running out
   * is `exhausted()`.
   */
  readonly maxAttempts: (context: C) => number
  /** A failure of the store, other than a lost compare-and-set, as the API reports it. */
  readonly storeFailure: (error: StoreError) => E
  /** What a transaction that ran out of attempts returns. */
  readonly exhausted: () => E
  /**
   * What `stored` needs to be up to date at the context's time. A promise when working it out takes
   * a call that may fail (a rotation); its failure is the read's.
   */
  readonly catchUp: (context: C, stored: Stored<R>) => CatchUp<R> | Promise<E.Either<E, CatchUp<R>>>
}

/**
 * Runs tasks one at a time, each once the tasks handed in before it have settled. A transaction
 * guards one record; a rule across records (a quota: count, then create) runs its count and its
 * commit inside one `Serial` per engine, so that two requests cannot both take the last place.
 *
 * @category model
 * @since 0.1.0
 */
export type Serial = <A>(task: () => Promise<A>) => Promise<A>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A new, empty `Serial`. A task handed in while none is running starts at once, with no extra
 * promise hop before it; the others wait for the task before them, failed or not.
 *
 * @category constructors
 * @since 0.1.0
 */
export const serial = (): Serial => {
  let tail: Promise<void> | undefined
  return <A>(task: () => Promise<A>): Promise<A> => {
    const run = tail === undefined ? task() : tail.then(task)
    // Settles once `run` has, failed or not; the last task to settle leaves the queue empty.
    const done = (): void => {
      if (tail === settled) tail = undefined
    }
    const settled = run.then(done, done)
    tail = settled
    return run
  }
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const keep = <B>(body: B): Decision<never, B> => ({ _tag: 'Keep', body })

/**
 * @category constructors
 * @since 0.1.0
 */
export const commit = <R, B>(record: R, body: B): Decision<R, B> => ({ _tag: 'Commit', record, body })

/**
 * @category constructors
 * @since 0.1.0
 */
export const remove = <B>(body: B): Decision<never, B> => ({ _tag: 'Remove', body })

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The `CatchUp` of a record that is up to date.
 *
 * @category constants
 * @since 0.1.0
 */
export const upToDate: CatchUp<never> = keep(undefined)

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

/**
 * The record under `name` as it is at the context's time: brought up to date first (see
 * `Transactor.catchUp`), each step of which uses one attempt.
 *
 * @category reading
 * @since 0.1.0
 */
export const read =
  <C, R, E>(t: Transactor<C, R, E>, context: C, name: string): TE.TaskEither<E, O.Option<Stored<R>>> =>
  () =>
    settle(t, context, name)

/**
 * `read`, for a record that must exist: `notFound()` otherwise.
 *
 * @category reading
 * @since 0.1.0
 */
export const readExisting =
  <C, R, E>(t: Transactor<C, R, E>, context: C, name: string, notFound: () => E): TE.TaskEither<E, Stored<R>> =>
  async () => {
    const found = await settle(t, context, name)
    if (E.isLeft(found)) return found
    return O.isSome(found.right) ? E.right(found.right.value) : E.left(notFound())
  }

/**
 * Calls `visit` on every record of `store`, in the store's order (creation order), reading it in
 * pages of 1,000 records. The records are as stored: none is brought up to date.
 *
 * @category reading
 * @since 0.1.0
 */
export const forEachStored =
  <R, E>(
    store: SecretStore<R>,
    storeFailure: (error: StoreError) => E,
    visit: (stored: Stored<R>) => void,
  ): TE.TaskEither<E, void> =>
  async () => {
    let cursor: string | undefined
    do {
      const page = await store.list({ cursor, limit: scanPageSize })()
      if (E.isLeft(page)) return E.left(storeFailure(page.left))
      for (const stored of page.right.items) visit(stored)
      cursor = page.right.next
    } while (cursor !== undefined)
    return E.right(undefined)
  }

/**
 * Whether fewer than `max` records are live at `now`, a live record being one that `isExpired` does
 * not remove: the one count a quota needs. A store with an index (see the port's `Index`) leaves the
 * records due by `now` out of its `total` itself; any other store's total still counts expired
 * records, so it settles the question only while it is below `max`, and the store is walked after.
 *
 * @category reading
 * @since 0.1.0
 */
export const hasRoom = async <C, R, E>(
  t: Transactor<C, R, E>,
  context: C,
  max: number,
  now: number,
  isExpired: (record: R) => boolean,
): Promise<E.Either<E, boolean>> => {
  const store = t.store(context)
  const page = await store.list({ limit: 1, dueBy: now })()
  if (E.isLeft(page)) return E.left(t.storeFailure(page.left))
  const { total, ordered } = page.right
  if (total < max || ordered !== undefined) return E.right(total < max)
  let live = 0
  const walked = await forEachStored(store, t.storeFailure, ({ record }) => {
    if (!isExpired(record)) live++
  })()
  return E.isLeft(walked) ? walked : E.right(live < max)
}

// -------------------------------------------------------------------------------------
// writing
// -------------------------------------------------------------------------------------

/**
 * Runs `decide` on the record under `name` as `read` gives it, and applies the decision by
 * compare-and-set. On a lost compare-and-set it reads and decides again, until `maxAttempts` reads
 * have been made (then `exhausted()`: the transaction changed nothing). A failing `decide` writes
 * nothing.
 *
 * @category writing
 * @since 0.1.0
 */
export const transact =
  <C, R, E, B>(
    t: Transactor<C, R, E>,
    context: C,
    name: string,
    decide: (current: O.Option<Stored<R>>) => TE.TaskEither<E, Decision<R, B>>,
  ): TE.TaskEither<E, B> =>
  () =>
    run(t, context, name, decide)

/**
 * `transact` on a record that must exist: `notFound()` otherwise.
 *
 * @category writing
 * @since 0.1.0
 */
export const transactExisting = <C, R, E, B>(
  t: Transactor<C, R, E>,
  context: C,
  name: string,
  decide: (current: Stored<R>) => TE.TaskEither<E, Decision<R, B>>,
  notFound: () => E,
): TE.TaskEither<E, B> =>
  transact(t, context, name, (current) =>
    O.isSome(current) ? decide(current.value) : () => Promise.resolve(E.left(notFound())),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** How many records one `store.list` call asks for while walking the whole store. */
const scanPageSize = 1_000

/** Marks a lost compare-and-set, which the transaction answers by starting again. */
const conflict: unique symbol = Symbol('conflict')
type Conflict = typeof conflict

/** The part of a transactor that reports failures. */
type Failures<E> = Pick<Transactor<never, unknown, E>, 'storeFailure' | 'exhausted'>

/** What a decision that writes nothing gives, as a write that held. */
const written: E.Either<never, unknown> = E.right(undefined)

const toError = <E>(t: Failures<E>, error: E | Conflict): E => (error === conflict ? t.exhausted() : error)

const fromStore = <E, A>(t: Failures<E>, result: E.Either<StoreError, A>): E.Either<E | Conflict, A> =>
  E.isRight(result) ? result : E.left(isRevisionConflict(result.left) ? conflict : t.storeFailure(result.left))

/**
 * The store call that applies `decision` to `current`, or undefined when it writes nothing. It is
 * not an async function of its own: the caller awaits the store's promise directly, one promise
 * hop and one async frame less on every write.
 */
const write = <R, B>(
  store: SecretStore<R>,
  name: string,
  current: O.Option<Stored<R>>,
  decision: Decision<R, B>,
): Promise<E.Either<StoreError, unknown>> | undefined => {
  switch (decision._tag) {
    case 'Keep':
      return undefined
    case 'Commit':
      return store.commit(name, expectedAfter(current), decision.record)()
    case 'Remove':
      return O.isSome(current) ? store.remove(name, current.value.revision)() : undefined
  }
}

/** The transaction loop. */
const run = async <C, R, E, B>(
  t: Transactor<C, R, E>,
  context: C,
  name: string,
  decide: (current: O.Option<Stored<R>>) => TE.TaskEither<E, Decision<R, B>>,
): Promise<E.Either<E, B>> => {
  const store = t.store(context)
  for (let left = t.maxAttempts(context); ; left--) {
    const current = await settle(t, context, name)
    if (E.isLeft(current)) return current
    const decision = await decide(current.right)()
    if (E.isLeft(decision)) return decision
    const writing = write(store, name, current.right, decision.right)
    const applied = writing === undefined ? written : fromStore(t, await writing)
    if (E.isRight(applied)) return E.right(decision.right.body)
    if (applied.left !== conflict || left <= 1) return E.left(toError(t, applied.left))
  }
}

/**
 * Reads `name` and brings it up to date: applies what `catchUp` asks for, runs its body once the
 * write holds, and reads again (a lost compare-and-set there means another request wrote first:
 * read again). Each read uses one of `maxAttempts`; running out is `exhausted()`.
 */
const settle = async <C, R, E>(
  t: Transactor<C, R, E>,
  context: C,
  name: string,
): Promise<E.Either<E, O.Option<Stored<R>>>> => {
  const store = t.store(context)
  for (let left = t.maxAttempts(context); left > 0; left--) {
    const current = await store.get(name)()
    if (E.isLeft(current)) return E.left(t.storeFailure(current.left))
    if (O.isNone(current.right)) return E.right(O.none)
    const due = t.catchUp(context, current.right.value)
    let step: CatchUp<R>
    if (due instanceof Promise) {
      const worked = await due
      if (E.isLeft(worked)) return worked
      step = worked.right
    } else {
      step = due
    }
    if (step._tag === 'Keep') return E.right(current.right)
    const writing = write(store, name, current.right, step)
    const applied = writing === undefined ? written : fromStore(t, await writing)
    if (E.isRight(applied)) {
      if (step.body !== undefined) await step.body()
    } else if (applied.left !== conflict || left <= 1) {
      return E.left(toError(t, applied.left))
    }
  }
  return E.left(t.exhausted())
}
