/**
 * The server suite: GetSecretValue and CreateSecret through the official pop-core client over HTTP
 * (signed with HMAC-SHA1 and verified by the server, on the connections pop-core's HTTP agent keeps),
 * beside the same calls made directly on an engine in the same run. The difference is what the
 * HTTP test double costs a test suite per call: signing, the socket, parsing, verification, JSON.
 * Besides ops/s, each measure keeps its p99 latency (`p99Ms`), shown in the case name and in the JSON.
 */
import { createRequire } from 'node:module'
import { createSecretsManager, type SecretsManager } from '@secrets-engine/alibaba'
import { startServer } from '@secrets-engine/server'
import { Bench } from 'tinybench'
import type { Comparison, Measure, Options, Report, Suite } from './Suite.js'

const require = createRequire(import.meta.url)
const { RPCClient } = require('@alicloud/pop-core') as {
  RPCClient: new (config: object) => {
    readonly request: (action: string, params: object, options: object) => Promise<unknown>
  }
}

interface Timed extends Measure {
  readonly p99Ms: number
}

type Task = () => Promise<unknown>

// As `measure` in Suite.ts (tasks in turn, several rounds, best round kept), keeping p99 latency too.
const measureWithP99 = async (
  options: Options,
  tasks: ReadonlyArray<readonly [string, Task]>,
): Promise<ReadonlyArray<Timed>> => {
  const best: Array<Timed | undefined> = tasks.map(() => undefined)
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({ time: options.time, warmupTime: Math.min(100, options.time / 2) })
    tasks.forEach(([name, fn], i) => bench.add(`${i} ${name}`, fn))
    await bench.run()
    bench.tasks.forEach((task, i) => {
      const result = task.result
      if (result.state !== 'completed') throw new Error(`bench task ${task.name}: ${result.state}`)
      const measured: Timed = {
        name: tasks[i]?.[0] ?? task.name,
        opsPerSecond: 1000 / result.period,
        rme: result.latency.rme,
        p99Ms: result.latency.p99,
      }
      const previous = best[i]
      if (previous === undefined || measured.opsPerSecond > previous.opsPerSecond) best[i] = measured
    })
  }
  return best.map((m) => {
    if (m === undefined) throw new Error('no rounds')
    return m
  })
}

const unwrap = async (task: ReturnType<SecretsManager['request']>): Promise<unknown> => {
  const result = await task()
  if (result._tag === 'Left') throw new Error(`engine: ${result.left.code}`)
  return result.right
}

const run = async (options: Options): Promise<Report> => {
  // Room for every secret the CreateSecret case makes, in both engines.
  const served = createSecretsManager({ maxSecrets: 10_000_000 })
  const direct = createSecretsManager({ maxSecrets: 10_000_000 })
  const server = await startServer({ engine: served })
  try {
    const client = new RPCClient({ ...server.credentials[0], endpoint: server.url, apiVersion: '2016-01-20' })
    const seed = { SecretName: 'bench/read', VersionId: 'v1', SecretData: 'x'.repeat(1024) }
    await unwrap(served.request('CreateSecret', seed))
    await unwrap(direct.request('CreateSecret', seed))
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
        () => unwrap(direct.request('GetSecretValue', { SecretName: 'bench/read' })),
      ],
      [
        'CreateSecret 256 B',
        () => client.request('CreateSecret', created(), { method: 'POST' }),
        () => unwrap(direct.request('CreateSecret', created())),
      ],
    ]
    const comparisons: Array<Comparison> = []
    for (const [label, overHttp, onEngine] of cases) {
      const [subject, baseline] = await measureWithP99(options, [
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
