/**
 * The memory suite: heap bytes per secret in a store of 1 million secrets, each holding one 100 B
 * version and two tags (see `population.ts`). The heap is measured after a forced collection (`gc`,
 * which `--expose-gc` provides) once the engine exists and again once the store is full; the
 * difference over the number of secrets is what each secret costs: its record, its sealed value
 * (base64 text), and the store's own entries and indexes.
 */
import { createSecretsManager } from '@secrets-engine/alibaba'
import { MemoryKeyring, NodeAesGcm } from '@secrets-engine/crypto'
import { populate } from './population.js'
import type { Options, Report, Suite } from './Suite.js'

const secrets = 1_000_000

const heapAfterGc = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run node with --expose-gc')
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const run = async (_: Options): Promise<Report> => {
  const keyring = MemoryKeyring.make()
  const engine = createSecretsManager({ keyring, maxSecrets: 10_000_000 })
  const population = await populate(engine, NodeAesGcm.make({ keyring }), Date.now() + 1_000)
  const before = heapAfterGc()
  await population.growTo(secrets)
  const after = heapAfterGc()
  // Keep the engine (and so the store) alive until the second measure.
  if (population.size() !== secrets || engine.store === undefined) throw new Error('store not filled')
  return {
    comparisons: [],
    figures: [
      {
        suite: 'memory',
        name: 'heap per secret at 1M (one 100 B version, two tags)',
        value: (after - before) / secrets,
        unit: 'bytes',
        note: `heapUsed after gc: ${(before / 2 ** 20).toFixed(0)} MiB empty, ${(after / 2 ** 20).toFixed(0)} MiB full`,
      },
    ],
  }
}

export const suite: Suite = { name: 'memory', run }
