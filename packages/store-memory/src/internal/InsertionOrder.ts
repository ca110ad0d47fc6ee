/**
 * The creation order of the records of a memory store, built to page through a million of them.
 *
 * Entries sit in an array, in the order of their sequence numbers (which only grow). Removing an
 * entry leaves a hole, so that no other entry moves; a Fenwick tree (binary indexed tree) over the
 * slots counts the live entries, so that the k-th live entry, and how many live entries come before
 * a slot, are found in O(log n) whatever the holes. When holes outnumber live entries the array is
 * compacted, which keeps memory proportional to the live entries and costs O(1) amortised per
 * removal.
 *
 * - `append`: O(log n) amortised (the tree grows by doubling);
 * - `remove`: O(log n) amortised (its entry knows its slot; compaction rewrites the slots);
 * - `page`: O(log² n + (page size + offset skips) · log n), even deep into the order and at any
 *   offset: a cursor is a sequence number, found by binary search over the ranks;
 * - memory: one array slot in `entries` per entry and one 32-bit counter per slot of the tree (at
 *   most twice as many slots as entries), plus the holes (at most as many as live entries).
 *
 * The structure is mutable and internal to the memory store.
 */

/** What the order needs from an entry: its sequence number, and a slot it may rewrite. */
export interface Slotted {
  readonly seq: number
  slot: number
}

export interface Page<A> {
  readonly entries: ReadonlyArray<A>
  readonly more: boolean
}

export interface InsertionOrder<A extends Slotted> {
  /** Appends an entry whose `seq` is larger than every `seq` so far. */
  readonly append: (entry: A) => void
  /** Removes an entry that is in the order. */
  readonly remove: (entry: A) => void
  /**
   * Up to `limit` entries with `seq` greater than `afterSeq` (0 for the start), passing over the
   * first `offset` of them, and whether more follow. Entries in `leftOut` (which must be in the
   * order) are neither counted in the offset, nor returned, nor make `more` true.
   */
  readonly page: (afterSeq: number, limit: number, offset?: number, leftOut?: ReadonlyArray<A>) => Page<A>
  /** Every entry, in order. */
  readonly all: () => ReadonlyArray<A>
}

/** Compaction waits for at least this many holes, so that small stores never churn. */
const MIN_HOLES_BEFORE_COMPACTION = 64
const MIN_CAPACITY = 64

const noRanks: ReadonlySet<number> = new Set()

export const make = <A extends Slotted>(): InsertionOrder<A> => {
  let entries: Array<A | undefined> = []
  let live = 0
  let holes = 0
  // tree[i] (1-based) counts the live slots in (i - lowbit(i), i]; it covers `capacity` slots.
  let capacity = MIN_CAPACITY
  let tree = new Int32Array(capacity + 1)

  const add = (slot: number, delta: number): void => {
    for (let i = slot + 1; i <= capacity; i += i & -i) tree[i] = (tree[i] ?? 0) + delta
  }

  /** How many live entries sit in the slots before `slot`. */
  const rankOf = (slot: number): number => {
    let sum = 0
    for (let i = slot; i > 0; i -= i & -i) sum += tree[i] ?? 0
    return sum
  }

  /** The slot of the live entry of rank `rank` (0-based); `rank` must be below `live`. */
  const select = (rank: number): number => {
    let slot = 0
    let left = rank
    for (let step = 1 << (31 - Math.clz32(capacity)); step > 0; step >>= 1) {
      const next = slot + step
      if (next <= capacity && (tree[next] ?? 0) <= left) {
        slot = next
        left -= tree[next] ?? 0
      }
    }
    return slot
  }

  /** Rebuilds the tree over `entries` in O(capacity). */
  const rebuild = (): void => {
    tree = new Int32Array(capacity + 1)
    entries.forEach((entry, slot) => {
      if (entry !== undefined) tree[slot + 1] = 1
    })
    for (let i = 1; i <= capacity; i++) {
      const parent = i + (i & -i)
      if (parent <= capacity) tree[parent] = (tree[parent] ?? 0) + (tree[i] ?? 0)
    }
  }

  const compact = (): void => {
    const kept: Array<A> = []
    for (const entry of entries) {
      if (entry !== undefined) {
        entry.slot = kept.length
        kept.push(entry)
      }
    }
    entries = kept
    holes = 0
    capacity = Math.max(MIN_CAPACITY, 2 ** Math.ceil(Math.log2(kept.length + 1)))
    rebuild()
  }

  /** The rank of the first live entry whose `seq` is greater than `afterSeq` (`live` if none). */
  const rankAfter = (afterSeq: number): number => {
    // Sequence numbers start at 1: the first page (and CreateSecret's quota check) needs no search.
    if (afterSeq <= 0) return 0
    let lo = 0
    let hi = live
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const entry = entries[select(mid)]
      if (entry !== undefined && entry.seq > afterSeq) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** The ranks of the `leftOut` entries that are at or after `start`. */
  const ranksFrom = (leftOut: ReadonlyArray<A>, start: number): ReadonlySet<number> => {
    const ranks = new Set<number>()
    for (const entry of leftOut) {
      const rank = rankOf(entry.slot)
      if (rank >= start) ranks.add(rank)
    }
    return ranks
  }

  return {
    append: (entry) => {
      entry.slot = entries.length
      entries.push(entry)
      if (entries.length > capacity) {
        capacity *= 2
        rebuild()
      } else {
        add(entry.slot, 1)
      }
      live++
    },
    remove: (entry) => {
      entries[entry.slot] = undefined
      add(entry.slot, -1)
      live--
      holes++
      if (holes > MIN_HOLES_BEFORE_COMPACTION && holes > live) compact()
    },
    page: (afterSeq, limit, offset = 0, leftOut = []) => {
      const start = rankAfter(afterSeq)
      // Usually nothing is left out (no deletion is due), and the page needs no set of ranks.
      const skipped = leftOut.length === 0 ? noRanks : ranksFrom(leftOut, start)
      // The rank of the `offset`-th kept entry: each left-out rank at or before it pushes it on.
      let rank = start + offset
      if (skipped.size > 0) {
        for (const s of [...skipped].sort((a, b) => a - b)) {
          if (s <= rank) rank++
          else break
        }
      }
      const page: Array<A> = []
      for (; rank < live && page.length < limit; rank++) {
        if (skipped.has(rank)) continue
        const entry = entries[select(rank)]
        if (entry !== undefined) page.push(entry)
      }
      let more = false
      for (; rank < live && !more; rank++) more = !skipped.has(rank)
      return { entries: page, more }
    },
    all: () => entries.filter((entry): entry is A => entry !== undefined),
  }
}
