/**
 * The secret store port: where the engine keeps one record per secret name, with a revision for
 * optimistic concurrency. The engine reads a record with its revision, computes the next record
 * purely, and commits it only if the revision is still the one it read; on a conflict it starts
 * again from the read. The record type `R` is the engine's (for Alibaba: the secret, whose values
 * are sealed envelopes, plus its metadata); the store never looks inside it and never sees a
 * plaintext value.
 *
 * Contract, for every adapter (the contract suite checks it):
 *
 * - revisions grow across the whole store: a name that is removed and created again never gets back
 *   a revision it had before, so a stale compare-and-set cannot succeed against the new record;
 * - `commit` and `remove` are atomic compare-and-set operations: of many concurrent calls that
 *   expect the same revision, exactly one succeeds and the others fail with `RevisionConflict`;
 * - `list` pages in the order names were created (updates do not move a name; a name removed and
 *   created again goes to the end); paging with the returned cursor never yields a record twice,
 *   never goes back in that order, and never misses a record that exists when the paging ends,
 *   whatever commits and removals happen in between;
 * - a failed call changes nothing;
 * - a store that keeps an `index` (optional: see `Index`) answers `list` by it as documented there.
 *
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { InvalidCursor, InvalidLimit, RevisionConflict, StoreUnavailable } from './StoreError.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A positive integer that changes on every commit of a name. Only equality is meaningful to the
 * engine.
 *
 * @category model
 * @since 0.1.0
 */
export type Revision = number

/**
 * What a compare-and-set expects: the revision last read, or `'absent'` for a name that must not
 * exist yet.
 *
 * @category model
 * @since 0.1.0
 */
export type Expected = Revision | 'absent'

/**
 * A record as the store holds it. Treat it as immutable: adapters may hand out the same object to
 * every reader.
 *
 * @category model
 * @since 0.1.0
 */
export interface Stored<R> {
  readonly name: string
  readonly revision: Revision
  readonly record: R
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListRequest {
  /** The `next` of the previous page; absent for the first page. */
  readonly cursor?: string | undefined
  /** The most items in the page: a positive integer. */
  readonly limit: number
  /**
   * How many records to pass over before the page starts (after the cursor, if any): a
   * non-negative integer, 0 when absent; anything else is `InvalidLimit`.
   */
  readonly offset?: number | undefined
  /**
   * Only for a store with an `index`: records whose `dueAt` is at or before this time are left out
   * of the page, of the offset and of `total`, as if they were gone. Other stores ignore it.
   */
  readonly dueBy?: number | undefined
}

/**
 * @category model
 * @since 0.1.0
 */
export interface Page<R> {
  readonly items: ReadonlyArray<Stored<R>>
  /** Present exactly when more items follow: pass it as the cursor of the next request. */
  readonly next?: string
  /** How many names the store holds, at the time of the call (less those left out by `dueBy`). */
  readonly total: number
  /**
   * Present exactly when the store keeps an `index`: true when the records that count (see `dueBy`)
   * are in the order of their `sortKey` (ties in any order) as well as in creation order. It may be
   * false when they are, but never true when they are not.
   */
  readonly ordered?: boolean
}

/**
 * An optional capability: what a store keeps in order besides the creation order, so that an
 * engine can page its own order without reading every record. The engine gives it when it builds
 * the store, and the store never learns what the numbers mean (for Alibaba, `dueAt` is the end of
 * a deletion window and `sortKey` the creation time, both defined in the Alibaba engine).
 *
 * A store with an index answers `list` with `ordered`, honours `dueBy`, and lets `offset` skip in
 * O(log n). How it keeps the index is the adapter's business.
 *
 * @category model
 * @since 0.1.0
 */
export interface Index<R> {
  /** When the record stops counting (see `ListRequest.dueBy`), read at every commit; or never. */
  readonly dueAt: (record: R) => number | undefined
  /** The key the engine orders records by, read when a name is created; it should grow with time. */
  readonly sortKey: (record: R) => number
}

/**
 * The port. Every method is a lazy `TaskEither`: nothing happens until the task runs.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretStore<R> {
  /** The record under `name`, with its revision, or none. */
  readonly get: (name: string) => TE.TaskEither<StoreUnavailable, O.Option<Stored<R>>>
  /** Writes `record` under `name` if the current revision is `expected`; returns what was stored. */
  readonly commit: (
    name: string,
    expected: Expected,
    record: R,
  ) => TE.TaskEither<RevisionConflict | StoreUnavailable, Stored<R>>
  /** Removes `name` if its current revision is `expected`. */
  readonly remove: (name: string, expected: Revision) => TE.TaskEither<RevisionConflict | StoreUnavailable, void>
  /** One page of records in creation order, starting after `cursor`. */
  readonly list: (request: ListRequest) => TE.TaskEither<InvalidCursor | InvalidLimit | StoreUnavailable, Page<R>>
  /** The index this store keeps, if it keeps one: an engine compares it with its own. */
  readonly index?: Index<R>
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * What to expect when committing after a `get`: the revision read, or `'absent'` when there was no
 * record.
 *
 * @category destructors
 * @since 0.1.0
 */
export const expectedAfter = <R>(read: O.Option<Stored<R>>): Expected =>
  O.isSome(read) ? read.value.revision : 'absent'
