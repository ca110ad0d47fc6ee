/**
 * The scale suite: the same calls on a store of 1 thousand, 100 thousand and 1 million secrets (see
 * `population.ts` for how they get there), each compared with itself at 1 thousand: a ratio of 1.00x
 * is flat. The store grows between sizes, so these measures cannot be interleaved across sizes; each
 * keeps its best round like every other measure.
 *
 * - GetSecretValue reads a different secret on each call, cycling over 1,024 names spread over the
 *   whole store, so that a large store is not read through one hot entry;
 * - ListSecrets without filters: the first page of 100, and a page of 100 in the middle;
 * - ListSecrets filtered by one exact SecretName, and by a TagKey that one secret in a thousand has.
 */
import { createSecretsManager } from '@secrets-engine/alibaba'
import { MemoryKeyring, NodeAesGcm } from '@secrets-engine/crypto'
import { call } from './engine.js'
import { nameOf, populate, tagKeys } from './population.js'
import { measure, type Comparison, type Measure, type Options, type Report, type Suite, type Task } from './Suite.js'

export const sizes = [1_000, 100_000, 1_000_000] as const

const label = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`)

const run = async (options: Options): Promise<Report> => {
  const keyring = MemoryKeyring.make()
  const engine = createSecretsManager({ keyring, maxSecrets: 10_000_000 })
  const population = await populate(engine, NodeAesGcm.make({ keyring }), Date.now() + 1_000)
  const results = new Map<string, Array<readonly [number, Measure]>>()
  for (const n of sizes) {
    const filling = performance.now()
    await population.growTo(n)
    console.error(`scale: ${label(n)} secrets in the store (${Math.round(performance.now() - filling)} ms to add)`)
    const names = Array.from({ length: 1024 }, (_, i) => nameOf(Math.floor((i * n) / 1024)))
    let next = 0
    const middle = String(Math.max(1, Math.floor(n / 200)))
    const tasks: ReadonlyArray<readonly [string, Task]> = [
      ['GetSecretValue', () => call(engine, 'GetSecretValue', { SecretName: names[next++ & 1023] ?? '' })],
      ['ListSecrets first page of 100', () => call(engine, 'ListSecrets', { PageSize: '100' })],
      ['ListSecrets middle page of 100', () => call(engine, 'ListSecrets', { PageSize: '100', PageNumber: middle })],
      [
        'ListSecrets by SecretName',
        () =>
          call(engine, 'ListSecrets', {
            Filters: JSON.stringify([{ Key: 'SecretName', Values: [names[next++ & 1023]] }]),
          }),
      ],
      [
        'ListSecrets by TagKey (1 in 1000)',
        () => call(engine, 'ListSecrets', { Filters: JSON.stringify([{ Key: 'TagKey', Values: [tagKeys.rare] }]) }),
      ],
    ]
    // Calls that scan the store take up to a second at 1M: a few of them make a round.
    const measures = await measure({ ...options, iterations: 4 }, tasks)
    measures.forEach((m) => {
      const row = results.get(m.name) ?? []
      row.push([n, m])
      results.set(m.name, row)
    })
  }
  const comparisons: Array<Comparison> = []
  for (const [name, row] of results) {
    const [first, ...rest] = row
    if (first === undefined) continue
    for (const [n, m] of rest) {
      comparisons.push({
        suite: 'scale',
        case: `${label(n)} vs ${label(first[0])}`,
        subject: { ...m, name: `${name} at ${label(n)}` },
        baseline: { ...first[1], name: `at ${label(first[0])}` },
        context: [],
      })
    }
  }
  return { comparisons }
}

export const suite: Suite = { name: 'scale', run }
