/**
 * `pnpm exec tsx --conditions=source bench/profile.ts <case> [calls]`, under `node --cpu-prof`: runs one
 * engine call in a loop, so that a CPU profile shows where its time goes. Not part of `pnpm bench`.
 * The cases `seal` and `open` run the bare envelope call of the same adapter instead, the floor that
 * the targets compare the engine with.
 *
 * `ADAPTER=none` runs the engine on a cipher that does no cryptography (an envelope is the plaintext
 * behind 90 zero bytes): the time per call is then what the engine itself costs, the overhead that the
 * performance targets are about, without the AES-GCM and random draws that dominate a profile.
 *
 * `ALLOC=1` prints the bytes each call allocates instead of its time (the loop runs twice: once to
 * warm up, once sampled), in all and by function, from V8's sampling heap profiler.
 */
import { createSecretsManager } from '@secrets-engine/alibaba'
import type { EnvelopeCipher } from '@secrets-engine/core'
import { MemoryKeyring, NobleAesGcm, NodeAesGcm } from '@secrets-engine/crypto'
import * as E from 'fp-ts/lib/Either.js'
import { Session, type HeapProfiler } from 'node:inspector/promises'
import { call } from './engine.js'

const header = 90
const noCryptography = (): EnvelopeCipher.EnvelopeCipher => ({
  seal: ({ plaintext }) => {
    const bytes = new Uint8Array(header + plaintext.length)
    bytes.set(plaintext, header)
    return () => Promise.resolve(E.right({ bytes }))
  },
  open: (envelope) => () => Promise.resolve(E.right(envelope.bytes.slice(header))),
  rewrap: (envelope) => () => Promise.resolve(E.right(envelope)),
})

const which = process.argv[2] ?? 'get'
const calls = Number(process.argv[3] ?? 100_000)
const adapter = process.env['ADAPTER']
const crypto = adapter === 'noble' ? NobleAesGcm.make : adapter === 'none' ? noCryptography : NodeAesGcm.make
const keyring = MemoryKeyring.make()
const engine = createSecretsManager({ keyring, crypto, maxSecrets: 100_000_000 })
const data = 'x'.repeat(Number(process.env['SIZE'] ?? 100))
for (let i = 0; i < 999; i++)
  await call(engine, 'CreateSecret', { SecretName: `p/${i}`, VersionId: 'v1', SecretData: 'o' })
await call(engine, 'CreateSecret', { SecretName: 'p/read', VersionId: 'v1', SecretData: data })
// The bare envelope calls on the same adapter, the floors of the targets, for comparison.
const cipher = crypto({ keyring })
const plaintext = new TextEncoder().encode(data)
const context = { secretName: 'p/read', versionId: 'v1' }
const key = await keyring.defaultKey()()
if (E.isLeft(key)) throw new Error('no default key')
const keyId = key.right.keyId
const envelope = await cipher.seal({ keyId, plaintext, context })()
if (E.isLeft(envelope)) throw new Error(envelope.left._tag)
let n = 0
const cases: Record<string, () => Promise<unknown>> = {
  get: () => call(engine, 'GetSecretValue', { SecretName: 'p/read' }),
  describe: () => call(engine, 'DescribeSecret', { SecretName: 'p/read' }),
  list: () => call(engine, 'ListSecrets', { PageSize: '100' }),
  create: () => call(engine, 'CreateSecret', { SecretName: `p/new-${++n}`, VersionId: 'v1', SecretData: data }),
  put: () => call(engine, 'PutSecretValue', { SecretName: 'p/read', VersionId: `v${++n + 1}`, SecretData: data }),
  seal: () => cipher.seal({ keyId, plaintext, context })(),
  open: () => cipher.open(envelope.right, context)(),
}
const task = cases[which]
if (task === undefined) throw new Error(`no case ${which}`)
const loop = async (): Promise<void> => {
  for (let i = 0; i < calls; i++) await task()
}

/** A node of V8's sampling heap profile: the bytes allocated in one function under one call path. */
interface SampledNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly selfSize: number
  readonly children: ReadonlyArray<SampledNode>
}

/**
 * The bytes `run` allocates, by function, from V8's sampling heap profiler with the objects the
 * collector has freed counted too (a sample every 256 bytes on average): what a request leaves to
 * the collector, not only what it keeps.
 */
const allocations = async (run: () => Promise<void>): Promise<ReadonlyMap<string, number>> => {
  const session = new Session()
  session.connect()
  // Both options are in V8's protocol (Node 20 included) but not yet in @types/node's.
  const sampling: HeapProfiler.StartSamplingParameterType & Readonly<Record<string, unknown>> = {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  }
  await session.post('HeapProfiler.startSampling', sampling)
  await run()
  const { profile } = await session.post('HeapProfiler.stopSampling')
  session.disconnect()
  const bytes = new Map<string, number>()
  const visit = ({ callFrame, selfSize, children }: SampledNode): void => {
    const where = `${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`
    bytes.set(key, (bytes.get(key) ?? 0) + selfSize)
    children.forEach(visit)
  }
  visit(profile.head as SampledNode)
  return bytes
}

if (process.env['ALLOC'] === undefined) {
  const started = performance.now()
  await loop()
  const ms = performance.now() - started
  console.log(`${which}: ${calls} calls, ${((ms * 1000) / calls).toFixed(2)} µs per call`)
} else {
  await loop() // warmed up first, so that the optimised code is what allocates
  const bytes = await allocations(loop)
  const total = [...bytes.values()].reduce((a, b) => a + b, 0)
  console.log(`${which}: ${calls} calls, ${(total / calls).toFixed(0)} bytes allocated per call`)
  for (const [key, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${(size / calls).toFixed(0).padStart(7)} B  ${key}`)
  }
}
