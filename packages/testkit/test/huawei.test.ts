// The Huawei CSMS suite against our engine: `createCsms` on the kit's clock and random source passes.
import { createCsms } from '@secrets-engine/huawei'
import { fromCsms, type MakeHuaweiTarget } from '@secrets-engine/testkit'
import { huaweiConformance } from '@secrets-engine/testkit/vitest'
import { expect, it } from 'vitest'
import { replay, runs } from '../../../test/support/runs.js'
import { main } from '../examples/huawei-suite.js'

const csms: MakeHuaweiTarget = ({ now, random }) => fromCsms(createCsms({ now, random }))

huaweiConformance('the engine', csms, { numRuns: runs(60), ...replay() })

it('examples/huawei-suite.ts (the README example) runs the suite against the engine and passes', async () => {
  expect(await main()).toBe(true)
})
