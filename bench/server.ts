/**
 * The server suite: GetSecretValue and CreateSecret through the official pop-core client over HTTP
 * (signed with HMAC-SHA1 and verified by the server, on the connections pop-core's HTTP agent keeps),
 * beside the same calls made directly on an engine in the same run. The difference is what the
 * HTTP test double costs a test suite per call: signing, the socket, parsing, verification, JSON.
 * Each case's name shows the p99 latency (`p99Ms`, which every measure keeps) of both calls.
 */
import { createRequire } from 'node:module'
import { createSecretsManager } from '@secrets-engine/alibaba'
import { startServer } from '@secrets-engine/server'
import { call } from './engine.js'
import { measure, type Comparison, type Options, type Report, type Suite, type Task } from './Suite.js'

const require = createRequire(import.meta.url)
const { RPCClient } = require('@alicloud/pop-core') as {
  RPCClient: new (config: object) => {
    readonly request: (action: string, params: object, options: object) => Promise<unknown>
  }
}

const run = async (options: Options): Promise<Report> => {
  // Room for every secret the CreateSecret case makes, in both engines.
  const served = createSecretsManager({ maxSecrets: 10_000_000 })
  const direct = createSecretsManager({ maxSecrets: 10_000_000 })
  const server = await startServer({ engine: served })
  try {
    const client = new RPCClient({ ...server.credentials[0], endpoint: server.url, apiVersion: '2016-01-20' })
    const seed = { SecretName: 'bench/read', VersionId: 'v1', SecretData: 'x'.repeat(1024) }
    await call(served, 'CreateSecret', seed)
    await call(direct, 'CreateSecret', seed)
    let n = 0
    const created = (): Record<string, string> => ({
      SecretName: `bench/new-${++n}`,
      VersionId: 'v1',
      SecretData: 'y'.repeat(256),
    })

    const cases: ReadonlyArray<readonly [string, Task, Task]> = [
      [
        'GetSecretValue 1 KiB',
        () => client.request('GetSecretValue', { SecretName: 'bench/read' }, { method: 'POST' }),
        () => call(direct, 'GetSecretValue', { SecretName: 'bench/read' }),
      ],
      [
        'CreateSecret 256 B',
        () => client.request('CreateSecret', created(), { method: 'POST' }),
        () => call(direct, 'CreateSecret', created()),
      ],
    ]
    const comparisons: Array<Comparison> = []
    for (const [label, overHttp, onEngine] of cases) {
      const [subject, baseline] = await measure(options, [
        ['pop-core over HTTP', overHttp],
        ['engine.request', onEngine],
      ])
      comparisons.push({
        suite: 'server',
        case: `${label} (p99 ${subject!.p99Ms.toFixed(3)} ms vs ${baseline!.p99Ms.toFixed(3)} ms)`,
        subject: subject!,
        baseline: baseline!,
        context: [],
      })
    }
    return { comparisons }
  } finally {
    await server.close()
  }
}

export const suite: Suite = { name: 'server', run }
