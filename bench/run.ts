/**
 * `pnpm bench`: runs every suite, prints one table, and writes the figures as JSON under bench/results/.
 * Timings are figures to read, never assertions. Add a suite by appending it to `suites`; pick suites
 * with `pnpm bench <name>...`, the time per task and round with BENCH_TIME (milliseconds) and the
 * rounds with BENCH_ROUNDS. See bench/README.md.
 *
 * The packages are measured as they ship: compiled by `tsc -b` into dist/. Run from their sources
 * (`--conditions=source`, as the `pnpm bench` script starts it), tsx's transform wraps every function
 * that is created in a call with a `__name` helper, which doubles the cost of code that builds
 * closures per request; so this script builds the packages and runs itself again on dist/, unless
 * BENCH_SOURCE=1 asks to measure the sources as they are.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { suite as crypto } from './crypto.js'
import { suite as engine } from './engine.js'
import { suite as floor } from './floor.js'
import { suite as memory } from './memory.js'
import { suite as scale } from './scale.js'
import { suite as server } from './server.js'
import type { Comparison, Figure, Measure, Suite } from './Suite.js'

const suites: ReadonlyArray<Suite> = [crypto, engine, floor, scale, memory, server]

const time = Number(process.env['BENCH_TIME'] ?? 200)
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5)
const wanted = process.argv.slice(2).filter((arg) => arg !== '--')
const unknown = wanted.filter((name) => !suites.some((s) => s.name === name))
if (unknown.length > 0) throw new Error(`unknown suites ${unknown.join(', ')}: ${suites.map((s) => s.name).join(', ')}`)
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

const machine = `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}`

const main = async (): Promise<void> => {
  console.log(`${machine}, ${rounds} rounds of ${time} ms per task, best round kept`)
  const comparisons: Array<Comparison> = []
  const figures: Array<Figure> = []
  for (const s of chosen) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const started = performance.now()
    const report = await s.run({ time, rounds })
    console.error(`${s.name}: ${((performance.now() - started) / 1000).toFixed(0)} s`)
    comparisons.push(...report.comparisons)
    figures.push(...(report.figures ?? []))
  }
  console.log(`\n${machine}, ${rounds} rounds of ${time} ms per task, best round kept`)
  console.log('ratio = subject time / baseline time (1.00x: as fast as the baseline)\n')
  if (comparisons.length > 0) console.log(table(comparisons))
  for (const f of figures)
    console.log(`\n${f.suite}: ${f.name}: ${Math.round(f.value).toLocaleString('en-US')} ${f.unit} (${f.note})`)
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length,
    timePerTaskMs: time,
    rounds,
    comparisons: comparisons.map((c) => ({ ...c, ratio: ratio(c) })),
    figures,
  }
  const folder = new URL('./results/', import.meta.url)
  mkdirSync(folder, { recursive: true })
  const json = `${JSON.stringify(results, null, 2)}\n`
  writeFileSync(new URL(`${results.date.replace(/[:.]/g, '-')}.json`, folder), json)
  writeFileSync(new URL('latest.json', folder), json)
}

const onSources = import.meta.resolve('@secrets-engine/alibaba').endsWith('.ts')
if (onSources && process.env['BENCH_SOURCE'] !== '1') {
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync('pnpm', ['exec', 'tsc', '-b'], { cwd: root, stdio: 'inherit' })
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...wanted],
    { cwd: root, stdio: 'inherit' },
  )
  process.exitCode = child.status ?? 1
} else {
  await main()
}
