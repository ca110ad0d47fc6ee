// The README's example runs and passes.
import { expect, it } from 'vitest'
import { main } from '../examples/run-suites.js'

it('examples/run-suites.ts runs every suite against the engine and passes', async () => {
  expect(await main()).toBe(true)
})
