// The testkit's Alibaba conformance and race suites with @alicloud/pop-core 1.8.0 as the target's
// transport: every request of a run is signed by pop-core and POSTed to a server started for that
// run on 127.0.0.1, whose engine is built on the kit's clock and random source (and, in the race
// suite, on a store whose steps the kit's scheduler interleaves). The model's predictions are
// compared with what crosses the wire, so a difference between the HTTP path and the engine fails
// here. No deviation is declared: the RPC API carries parameters as strings and answers JSON, so
// pop-core changes nothing the model compares once its name formatting is off (below).
import { createSecretsManager } from '@secrets-engine/alibaba'
import { MemoryStore } from '@secrets-engine/store-memory'
import { scheduledStore, type MakeTarget, type Outcome } from '@secrets-engine/testkit'
import { alibabaConformance, alibabaRaces } from '@secrets-engine/testkit/vitest'
import { createRequire } from 'node:module'
import { replay, runs } from './support/runs.js'
import { serverPerRun } from './support/servers.js'

const require = createRequire(import.meta.url)

interface PopCore {
  readonly request: (action: string, params: object, options: object) => Promise<Record<string, unknown>>
}
const { RPCClient } = require('@alicloud/pop-core') as { RPCClient: new (config: object) => PopCore }

/** What pop-core 1.8.0 throws for an answer whose body carries a `Code`. */
interface PopCoreError {
  readonly code?: unknown
  readonly data?: { readonly HttpStatus?: unknown; readonly Message?: unknown }
  readonly entry?: { readonly response?: { readonly statusCode?: unknown } }
}

// One server per run (a fresh account); the previous run's server is closed when the next starts.
const startServer = serverPerRun()

/**
 * A pop-core error as the kit's failure: the code and message of the body, and the HTTP status the
 * response had. The body's `HttpStatus` must agree with it: a server that says one status and sends
 * another is wrong, so the request fails the run instead of picking one.
 */
const toOutcome = (error: unknown): Outcome => {
  const e = error as PopCoreError
  if (typeof e.code !== 'string' || e.data === undefined) throw error
  const status = e.entry?.response?.statusCode
  if (typeof status !== 'number') throw error
  if (e.data.HttpStatus !== status) {
    throw new Error(`${e.code}: HTTP status ${status}, but the body says HttpStatus ${String(e.data.HttpStatus)}`)
  }
  return { ok: false, code: e.code, httpStatus: status, message: String(e.data.Message ?? '') }
}

const overPopCore: MakeTarget = async ({ now, random, scheduler }) => {
  const engine = createSecretsManager({
    now,
    random,
    ...(scheduler !== undefined ? { store: scheduledStore(MemoryStore.make(), scheduler) } : {}),
  })
  // The server keeps the system clock: pop-core signs with the real time, the engine runs on the kit's.
  const server = await startServer({ engine })
  const { accessKeyId, accessKeySecret } = server.credentials[0]!
  const client = new RPCClient({ accessKeyId, accessKeySecret, endpoint: server.url, apiVersion: '2016-01-20' })
  return {
    request: async (action, params) => {
      try {
        // pop-core writes its agent and headers into the options: a fresh object per call. By default
        // it upper-cases the first letter of the action and of every parameter name, which would turn
        // the suite's `getSecretValue` (an unknown action, 404) into GetSecretValue: the suite sends
        // names exactly as it chose them.
        const body = await client.request(
          action,
          { ...params },
          { method: 'POST', timeout: 10_000, formatAction: false, formatParams: false },
        )
        return { ok: true, body: JSON.parse(JSON.stringify(body)) as Record<string, unknown> }
      } catch (error) {
        return toOutcome(error)
      }
    },
  }
}

// Over HTTP a request costs well under a millisecond here: 60 runs of up to 200 requests take seconds.
alibabaConformance('the server through @alicloud/pop-core (POST)', overPopCore, { numRuns: runs(60), ...replay() })
alibabaRaces('the server through @alicloud/pop-core (POST)', overPopCore, { numRuns: runs(20) })
