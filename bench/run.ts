/**
 * `pnpm bench`: runs every suite, prints one table, and writes the figures as JSON under bench/results/.
 * Timings are figures to read, never assertions. Add a suite by appending it to `suites`; pick suites
 * with `pnpm bench <name>...` the time per task and round with BENCH_TIME
 * (milliseconds) and the rounds with BENCH_ROUNDS.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { suite as crypto } from './crypto.js'
import { suite as server } from './server.js'
import type { Comparison, Measure, Suite } from './Suite.js'

const suites: ReadonlyArray<Suite> = [crypto, server]

const time = Number(process.env['BENCH_TIME'] ?? 200)
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5)
const wanted = process.argv.slice(2)
const chosen = wanted.length === 0 ? suites : suites.filter((s) => wanted.includes(s.name))

const ops = (m: Measure): string => `${Math.round(m.opsPerSecond).toLocaleString('en-US')} ±${m.rme.toFixed(1)}%`
const ratio = (c: Comparison): number => c.baseline.opsPerSecond / c.subject.opsPerSecond

const table = (comparisons: ReadonlyArray<Comparison>): string => {
  const rows = [
    ['suite', 'case', 'subject', 'ops/s', 'baseline', 'ops/s', 'ratio', 'for scale'],
    ...comparisons.map((c) => [
      c.suite,
      c.case,
      c.subject.name,
      ops(c.subject),
      c.baseline.name,
      ops(c.baseline),
      `${ratio(c).toFixed(2)}x`,
      c.context.map((m) => `${m.name}: ${ops(m)}`).join('; '),
    ]),
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  const numeric = new Set([3, 5, 6])
  return rows
    .map((r) =>
      r
        .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

const main = async (): Promise<void> => {
  const comparisons: Array<Comparison> = []
  for (const s of chosen) {
    ;(globalThis as { gc?: () => void }).gc?.()
    comparisons.push(...(await s.run({ time, rounds })))
  }
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${rounds} rounds of ${time} ms per task, best round kept`,
  )
  console.log('ratio = subject time / baseline time (1.00x: no overhead over the bare library calls)\n')
  console.log(table(comparisons))
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length,
    timePerTaskMs: time,
    rounds,
    comparisons: comparisons.map((c) => ({ ...c, ratio: ratio(c) })),
  }
  const folder = new URL('./results/', import.meta.url)
  mkdirSync(folder, { recursive: true })
  const json = `${JSON.stringify(results, null, 2)}\n`
  writeFileSync(new URL(`${results.date.replace(/[:.]/g, '-')}.json`, folder), json)
  writeFileSync(new URL('latest.json', folder), json)
}

await main()
