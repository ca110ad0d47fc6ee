// The testkit's Huawei CSMS suite with @huaweicloud/huaweicloud-sdk-core as the target's transport:
// every request is signed by the SDK (SDK-HMAC-SHA256) and sent to a server started for that run,
// whose CSMS engine runs on the kit's clock and random source. The SDK's errors (its httpStatusCode,
// errorCode, errorMsg) become the kit's failures; its answers, without the `httpStatusCode` it adds,
// the bodies.
import { createCsms } from '@secrets-engine/huawei'
import type { HuaweiOutcome, MakeHuaweiTarget } from '@secrets-engine/testkit'
import { huaweiConformance } from '@secrets-engine/testkit/vitest'
import { huaweiSdk, thrown } from './server-huawei-client.js'
import { replay, runs } from './support/runs.js'
import { serverPerRun } from './support/servers.js'

// One server per run (a fresh project); the previous run's server is closed when the next starts.
const startServer = serverPerRun()

const overSdk: MakeHuaweiTarget = async ({ now, random }) => {
  const server = await startServer({ huawei: { csms: createCsms({ now, random }) } })
  const send = huaweiSdk(server)
  return {
    request: async (method, path, body): Promise<HuaweiOutcome> => {
      // The SDK takes a URL template and its query apart; the suite's path is already filled in.
      const url = new URL(path, 'http://x')
      const call = send(method as 'GET' | 'POST' | 'PUT' | 'DELETE', url.pathname, {
        query: Object.fromEntries(url.searchParams),
        ...(body === undefined ? {} : { body: body as object }),
      })
      try {
        const { httpStatusCode, ...rest } = await call
        return { ok: true, status: Number(httpStatusCode), body: rest }
      } catch {
        const e = await thrown(call)
        return {
          ok: false,
          status: Number(e.httpStatusCode),
          error_code: String(e.errorCode),
          error_msg: String(e.errorMsg),
        }
      }
    },
  }
}

huaweiConformance('the server through @huaweicloud/huaweicloud-sdk-core', overSdk, { numRuns: runs(30), ...replay() })
