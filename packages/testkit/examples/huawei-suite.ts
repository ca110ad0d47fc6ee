// Runs the Huawei CSMS conformance suite against our own CSMS engine, without any test runner: what
// a user does with their own target (Huawei's SDK against a server, an adapter to the real cloud).
// Run it with `pnpm exec tsx --conditions=source packages/testkit/examples/huawei-suite.ts`.
import { createCsms } from '@secrets-engine/huawei'
import { checkHuaweiConformance, fromCsms, report, type MakeHuaweiTarget } from '@secrets-engine/testkit'

// A target answers request(method, path, body?) with { ok, status, body } or { ok: false, status,
// error_code, error_msg }. Build it on the kit's clock (env.now) so that scheduled deletions come.
const makeTarget: MakeHuaweiTarget = ({ now, random }) => fromCsms(createCsms({ now, random }))

export const main = async (seed = 2026): Promise<boolean> => {
  const result = await checkHuaweiConformance(makeTarget, { seed, numRuns: 20 })
  console.log(`Huawei CSMS conformance: ${report(result)}`)
  return result.ok
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await main()) ? 0 : 1
}
