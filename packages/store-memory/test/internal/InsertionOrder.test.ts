import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as InsertionOrder from '../../src/internal/InsertionOrder.js'

interface Item {
  readonly seq: number
  slot: number
}

type Op = { readonly kind: 'append' } | { readonly kind: 'remove'; readonly pick: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'append' as const }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
)

/**
 * Applies `ops` to a new order and to `live`, its model (the live entries in creation order), and
 * calls `check` after each step with the largest sequence number handed out so far.
 */
const replay = (
  ops: ReadonlyArray<Op>,
  check: (order: InsertionOrder.InsertionOrder<Item>, live: ReadonlyArray<Item>, seq: number) => void,
): void => {
  const order = InsertionOrder.make<Item>()
  const live: Array<Item> = []
  let seq = 0
  for (const op of ops) {
    if (op.kind === 'append') {
      // Sequence numbers only grow, with gaps, as revisions do.
      seq += 1 + (seq % 3)
      const item: Item = { seq, slot: -1 }
      order.append(item)
      live.push(item)
    } else if (live.length > 0) {
      const [item] = live.splice(op.pick % live.length, 1)
      if (item !== undefined) order.remove(item)
    }
    check(order, live, seq)
  }
}

describe('InsertionOrder', () => {
  it('pages like a filter over the live entries, through holes and compactions', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 100, maxLength: 600 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 5 }),
        (ops, queries) =>
          replay(ops, (order, live, seq) => {
            for (const [after, limit] of queries) {
              const afterSeq = after % (seq + 2)
              const expected = live.filter((item) => item.seq > afterSeq)
              const page = order.page(afterSeq, limit)
              expect(page.entries).toStrictEqual(expected.slice(0, limit))
              expect(page.more).toBe(expected.length > limit)
            }
            expect(order.all()).toStrictEqual(live)
          }),
      ),
      { numRuns: 30 },
    )
  })

  it('passes over `offset` kept entries and leaves out `leftOut`, like a filter over the live entries', () => {
    const queryArb = fc.record({
      after: fc.nat(),
      limit: fc.integer({ min: 1, max: 40 }),
      offset: fc.nat(60),
      // Picks among the live entries, which `page` requires of what it leaves out.
      leftOut: fc.array(fc.nat(), { maxLength: 30 }),
    })
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 100, maxLength: 600 }),
        fc.array(queryArb, { minLength: 1, maxLength: 5 }),
        (ops, queries) =>
          replay(ops, (order, live, seq) => {
            for (const query of queries) {
              const after = query.after % (seq + 2)
              const { limit, offset } = query
              const leftOut = new Set(query.leftOut.flatMap((pick) => live[pick % live.length] ?? []))
              const kept = live.filter((e) => e.seq > after && !leftOut.has(e))
              const page = order.page(after, limit, offset, [...leftOut])
              expect(page.entries).toStrictEqual(kept.slice(offset, offset + limit))
              expect(page.more).toBe(kept.length > offset + limit)
            }
          }),
      ),
      { numRuns: 30 },
    )
  })
})
