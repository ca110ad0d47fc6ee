/**
 * The creation order of the records of a memory store, built to page through a million of them.
 *
 * Entries sit in an array, in the order of their sequence numbers (which only grow). Removing an
 * entry leaves a hole, so that no other entry moves; a "next live slot" forest over the array (a
 * union-find with path compression, the classic "delete and find successor" structure) jumps over
 * runs of holes, so a page costs its own size however many holes lie inside it. When holes outnumber
 * live entries the array is compacted, which keeps memory proportional to the live entries and costs
 * O(1) amortised per removal.
 *
 * - `append`: O(1) amortised;
 * - `remove`: O(1) amortised (its entry knows its slot; compaction rewrites the slots);
 * - `page`: O(log n + page size) amortised, even deep into the order: a cursor is a sequence
 *   number, found by binary search;
 * - memory: one array slot in `entries` and one in `next` per entry, plus the holes (at most as
 *   many as live entries).
 *
 * The structure is mutable and internal to the memory store.
 */

/** What the order needs from an entry: its sequence number, and a slot it may rewrite. */
export interface Slotted {
  readonly seq: number
  slot: number
}

export interface InsertionOrder<A extends Slotted> {
  /** Appends an entry whose `seq` is larger than every `seq` so far. */
  readonly append: (entry: A) => void
  /** Removes an entry that is in the order. */
  readonly remove: (entry: A) => void
  /** Up to `limit` entries with `seq` greater than `afterSeq` (0 for the start), and whether more follow. */
  readonly page: (afterSeq: number, limit: number) => { readonly entries: ReadonlyArray<A>; readonly more: boolean }
  /** Every entry, in order. */
  readonly all: () => ReadonlyArray<A>
}

/** Compaction waits for at least this many holes, so that small stores never churn. */
const MIN_HOLES_BEFORE_COMPACTION = 64

export const make = <A extends Slotted>(): InsertionOrder<A> => {
  let entries: Array<A | undefined> = []
  // next[i] === i for a live slot; for a hole, some later slot from which to look on.
  let next: Array<number> = []
  let holes = 0

  /** The first live slot at or after `from`, or `entries.length`. */
  const find = (from: number): number => {
    const length = entries.length
    let root = from
    while (root < length) {
      const n = next[root] ?? length
      if (n === root) break
      root = n
    }
    let i = from
    while (i < length && i !== root) {
      const n = next[i] ?? length
      next[i] = root
      i = n
    }
    return root
  }

  const compact = (): void => {
    const live: Array<A> = []
    for (const entry of entries) {
      if (entry !== undefined) {
        entry.slot = live.length
        live.push(entry)
      }
    }
    entries = live
    next = live.map((_, i) => i)
    holes = 0
  }

  /** The first live slot whose entry has `seq > afterSeq`: a binary search over slots, holes skipped. */
  const firstAfter = (afterSeq: number): number => {
    let lo = 0
    let hi = entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const slot = find(mid)
      const entry = entries[slot]
      if (entry === undefined || entry.seq > afterSeq) hi = mid
      else lo = slot + 1
    }
    return find(lo)
  }

  return {
    append: (entry) => {
      entry.slot = entries.length
      entries.push(entry)
      next.push(entry.slot)
    },
    remove: (entry) => {
      entries[entry.slot] = undefined
      next[entry.slot] = entry.slot + 1
      holes++
      if (holes > MIN_HOLES_BEFORE_COMPACTION && holes > entries.length - holes) compact()
    },
    page: (afterSeq, limit) => {
      const page: Array<A> = []
      let slot = firstAfter(afterSeq)
      while (page.length < limit) {
        const entry = entries[slot]
        if (entry === undefined) break
        page.push(entry)
        slot = find(slot + 1)
      }
      return { entries: page, more: slot < entries.length }
    },
    all: () => entries.filter((entry): entry is A => entry !== undefined),
  }
}
