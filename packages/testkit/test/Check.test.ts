// How runChecks runs a suite: every check, each failure collected; and how many runs a check gets,
// in fast-check's own order: the caller's option, else fast-check's global numRuns (FC_NUM_RUNS in
// this repository), else the check's own count; an example check runs once whatever is set.
import { runChecks, type Check } from '@secrets-engine/testkit'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'

const saved = fc.readConfigureGlobal()
afterEach(() => fc.configureGlobal(saved))

/** Runs a check of `numRuns` with `options` and answers how many times its property ran. */
const runsOf = async (numRuns: number, options: { readonly numRuns?: number }): Promise<number> => {
  let runs = 0
  const check: Check<null> = {
    name: 'counts its runs',
    numRuns,
    property: () =>
      fc.asyncProperty(fc.nat(), async () => {
        runs++
      }),
  }
  const result = await runChecks([check], null, options)
  expect(result.ok).toBe(true)
  return runs
}

describe('runChecks: the number of runs', () => {
  it("without a global numRuns: the option over the check's own count; an example check once", async () => {
    const { numRuns: _, ...rest } = saved
    fc.configureGlobal(rest)
    expect(await runsOf(40, {})).toBe(40)
    expect(await runsOf(40, { numRuns: 20 })).toBe(20)
    expect(await runsOf(1, { numRuns: 20 })).toBe(1)
  })

  it("with a global numRuns: the option over it, it over the check's own count; an example check once", async () => {
    fc.configureGlobal({ ...saved, numRuns: 7 })
    expect(await runsOf(40, {})).toBe(7)
    expect(await runsOf(40, { numRuns: 20 })).toBe(20)
    expect(await runsOf(1, {})).toBe(1)
    expect(await runsOf(1, { numRuns: 20 })).toBe(1)
  })
})

describe('runChecks: failures', () => {
  it('runs every check and reports each one that fails, in order, not only the first', async () => {
    const check = (name: string, passes: boolean): Check<null> => ({
      name,
      property: () => fc.asyncProperty(fc.nat(), async () => passes),
    })
    const result = await runChecks(
      [check('first fails', false), check('second passes', true), check('third fails', false)],
      null,
      { endOnFailure: true },
    )
    expect(result.ok).toBe(false)
    expect(result.failures.map((f) => f.check)).toStrictEqual(['first fails', 'third fails'])
  })
})
