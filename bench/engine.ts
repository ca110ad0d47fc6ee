/**
 * The engine suite: GetSecretValue, DescribeSecret, ListSecrets, CreateSecret and PutSecretValue, on an
 * engine built on one adapter, beside the bare envelope call of the same value on the same adapter
 * (`cipher.open` for the reads, `cipher.seal` for the writes), timed in turn within each round, so a
 * noisy machine slows both alike. Reads take the value's version three ways (ACSCurrent, VersionId, a
 * custom label); DescribeSecret and ListSecrets open nothing, so their ratio to the open only says how
 * they compare with a read's floor.
 *
 * Every engine call goes through `request` (wire parameters, decoding, RequestId), as a caller's does,
 * and a Left stops the run: a benchmark of failing calls measures nothing.
 */
import type { EnvelopeCipher, Keyring, Random } from '@secrets-engine/core'
import { createSecretsManager, type SecretsManager } from '@secrets-engine/alibaba'
import { MemoryKeyring, NobleAesGcm, NodeAesGcm } from '@secrets-engine/crypto'
import * as E from 'fp-ts/lib/Either.js'
import { measure, type Comparison, type Options, type Report, type Suite, type Task } from './Suite.js'

const sizes = [
  ['100 B', 100],
  ['1 KiB', 1024],
  ['30 KiB', 30 * 1024],
] as const

type MakeCipher = (dependencies: { keyring: Keyring.Keyring; random?: Random.Random }) => EnvelopeCipher.EnvelopeCipher

const adapters: ReadonlyArray<readonly [string, MakeCipher]> = [
  ['node:crypto', NodeAesGcm.make],
  ['noble', NobleAesGcm.make],
]

/** Secrets in each engine besides the one read, so that a ListSecrets page of 100 is full. */
const others = 999

/** Runs one engine call and throws on a Left. */
export const call = async (engine: SecretsManager, action: string, params: object): Promise<unknown> => {
  const result = await engine.request(action, params)()
  if (E.isLeft(result)) throw new Error(`${action}: ${result.left.code} ${result.left.message}`)
  return result.right
}

const sealed = async (cipher: EnvelopeCipher.EnvelopeCipher, keyId: string, plaintext: Uint8Array) => {
  const result = await cipher.seal({ keyId, plaintext, context })()
  if (E.isLeft(result)) throw new Error(result.left._tag)
  return result.right
}

const context = { secretName: 'bench/read', versionId: 'v1' }

/** BENCH_CASES=<text>: only the cases whose name (`node:crypto 100 B`, `noble 30 KiB`...) contains it. */
const wanted = process.env['BENCH_CASES']

const run = async (options: Options): Promise<Report> => {
  const comparisons: Array<Comparison> = []
  for (const [adapter, makeCipher] of adapters) {
    for (const [label, size] of sizes) {
      if (wanted !== undefined && !`${adapter} ${label}`.includes(wanted)) continue
      // A fresh engine per case, so that the secrets an earlier case created do not weigh on this one.
      const keyring = MemoryKeyring.make()
      const engine = createSecretsManager({ keyring, crypto: makeCipher, maxSecrets: 10_000_000 })
      const cipher = makeCipher({ keyring })
      const data = 'x'.repeat(size)
      const plaintext = new TextEncoder().encode(data)
      for (let i = 0; i < others; i++) {
        await call(engine, 'CreateSecret', { SecretName: `bench/other-${i}`, VersionId: 'v1', SecretData: 'o' })
      }
      // v1 is ACSCurrent; v2 carries only a custom label, so each read below opens a value of this size.
      await call(engine, 'CreateSecret', { SecretName: 'bench/read', VersionId: 'v1', SecretData: data })
      await call(engine, 'PutSecretValue', {
        SecretName: 'bench/read',
        VersionId: 'v2',
        SecretData: data,
        VersionStages: '["bench-label"]',
      })
      await call(engine, 'CreateSecret', { SecretName: 'bench/write', VersionId: 'w0', SecretData: data })
      const key = await keyring.defaultKey()()
      if (E.isLeft(key)) throw new Error('no default key')
      const keyId = key.right.keyId
      const envelope = await sealed(cipher, keyId, plaintext)

      const reads: ReadonlyArray<readonly [string, Task]> = [
        ['GetSecretValue ACSCurrent', () => call(engine, 'GetSecretValue', { SecretName: 'bench/read' })],
        [
          'GetSecretValue VersionId',
          () => call(engine, 'GetSecretValue', { SecretName: 'bench/read', VersionId: 'v1' }),
        ],
        [
          'GetSecretValue custom label',
          () => call(engine, 'GetSecretValue', { SecretName: 'bench/read', VersionStage: 'bench-label' }),
        ],
        ['DescribeSecret', () => call(engine, 'DescribeSecret', { SecretName: 'bench/read' })],
        ['ListSecrets PageSize 100', () => call(engine, 'ListSecrets', { PageSize: '100' })],
        ['envelope open', () => cipher.open(envelope, context)()],
      ]
      let n = 0
      const seal: readonly [string, Task] = ['envelope seal', () => cipher.seal({ keyId, plaintext, context })()]
      // Each write is timed in a measure of its own, PutSecretValue first. CreateSecret keeps every
      // secret it creates (tens of thousands a round), and the collector work that leaves behind is
      // paid by whichever task allocates next (bench/README.md gives the figures).
      const put: ReadonlyArray<readonly [string, Task]> = [
        [
          'PutSecretValue',
          () => call(engine, 'PutSecretValue', { SecretName: 'bench/write', VersionId: `w${++n}`, SecretData: data }),
        ],
        seal,
      ]
      const create: ReadonlyArray<readonly [string, Task]> = [
        [
          'CreateSecret',
          () => call(engine, 'CreateSecret', { SecretName: `bench/new-${++n}`, VersionId: 'v1', SecretData: data }),
        ],
        seal,
      ]
      for (const [tasks, baselineName] of [
        [reads, 'envelope open'],
        [put, 'envelope seal'],
        [create, 'envelope seal'],
      ] as const) {
        const measures = await measure(options, tasks)
        const baseline = measures[measures.length - 1]
        if (baseline === undefined) throw new Error('no baseline')
        for (const subject of measures.slice(0, -1)) {
          comparisons.push({
            suite: 'engine',
            case: `${adapter} ${label}`,
            subject,
            baseline: { ...baseline, name: `${adapter} ${baselineName}` },
            context: [],
          })
        }
      }
    }
  }
  return { comparisons }
}

export const suite: Suite = { name: 'engine', run }
