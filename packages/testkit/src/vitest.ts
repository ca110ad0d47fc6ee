/**
 * The kit's suites as vitest tests: thin wrappers over `checkStore`, `checkAlibabaConformance`,
 * `checkAlibabaRaces` and `checkHuaweiConformance` that register one test per check and fail it with fast-check's report (the
 * seed, the path and the shrunk counterexample). Import from `@secrets-engine/testkit/vitest`.
 *
 * @since 0.1.0
 */
import { describe, expect, it } from 'vitest'
import { report, runChecks, seedOf, type Check, type CheckOptions } from './Check.js'
import { checkAlibabaConformance, type ConformanceOptions } from './alibaba/Conformance.js'
import { raceChecks } from './alibaba/Races.js'
import type { MakeTarget } from './alibaba/Target.js'
import { checkHuaweiConformance, type HuaweiConformanceOptions } from './huawei/Conformance.js'
import type { MakeHuaweiTarget } from './huawei/Target.js'
import { storeChecks, type MakeStore } from './store/StoreContract.js'

const suite = <S>(title: string, checks: ReadonlyArray<Check<S>>, subject: S, options?: CheckOptions): void => {
  const seed = seedOf(options)
  describe(`${title} (seed ${seed})`, () => {
    for (const check of checks) {
      it(check.name, async () => {
        const result = await runChecks([check], subject, { ...options, seed })
        expect(result.ok, report(result)).toBe(true)
      })
    }
  })
}

/**
 * Registers the store contract as vitest tests of `makeStore`'s stores.
 *
 * @category suites
 * @since 0.1.0
 */
export const storeContract = (name: string, makeStore: MakeStore, options?: CheckOptions): void =>
  suite(`store contract: ${name}`, storeChecks, makeStore, options)

/**
 * Registers the Alibaba conformance suite as a vitest test of `makeTarget`'s targets.
 *
 * @category suites
 * @since 0.1.0
 */
export const alibabaConformance = (name: string, makeTarget: MakeTarget, options: ConformanceOptions = {}): void => {
  const seed = seedOf(options)
  describe(`Alibaba conformance: ${name} (seed ${seed})`, () => {
    it('every request answers as the model predicts', async () => {
      const result = await checkAlibabaConformance(makeTarget, { ...options, seed })
      expect(result.ok, report(result)).toBe(true)
    })
  })
}

/**
 * Registers the race suite as vitest tests of `makeTarget`'s targets.
 *
 * @category suites
 * @since 0.1.0
 */
export const alibabaRaces = (name: string, makeTarget: MakeTarget, options?: CheckOptions): void =>
  suite(`Alibaba races: ${name}`, raceChecks, makeTarget, options)

/**
 * Registers the Huawei CSMS conformance suite as a vitest test of `makeTarget`'s targets.
 *
 * @category suites
 * @since 0.1.0
 */
export const huaweiConformance = (
  name: string,
  makeTarget: MakeHuaweiTarget,
  options: HuaweiConformanceOptions = {},
): void => {
  const seed = seedOf(options)
  describe(`Huawei CSMS conformance: ${name} (seed ${seed})`, () => {
    it('every CSMS request answers as the model predicts', async () => {
      const result = await checkHuaweiConformance(makeTarget, { ...options, seed })
      expect(result.ok, report(result)).toBe(true)
    })
  })
}
