/**
 * What a benchmark suite gives `run.ts`: named comparisons of a subject (our code) with a baseline
 * (the bare library calls it wraps), timed in the same run. Each suite is one module; `run.ts` lists them.
 */
import { Bench } from 'tinybench'

export interface Measure {
  readonly name: string
  readonly opsPerSecond: number
  /** Relative margin of error of the mean latency, in percent. */
  readonly rme: number
  /** The 99th percentile of the latency, in milliseconds. */
  readonly p99Ms: number
}

export interface Comparison {
  readonly suite: string
  /** What is measured, e.g. `seal 1 KiB`. */
  readonly case: string
  readonly subject: Measure
  readonly baseline: Measure
  /** Further measures shown beside the comparison, for context. */
  readonly context: ReadonlyArray<Measure>
}

/** A figure that is not a speed, such as heap bytes per secret. */
export interface Figure {
  readonly suite: string
  readonly name: string
  readonly value: number
  readonly unit: string
  /** How the figure was obtained, in a few words. */
  readonly note: string
}

export interface Options {
  /** Milliseconds spent on each task in each round. */
  readonly time: number
  /** Rounds per case; each task keeps its best round. */
  readonly rounds: number
  /**
   * Least calls per task and round (tinybench's default is 64, and 16 for warm-up): tasks that take
   * a large fraction of a second lower it, so a round lasts about `time`.
   */
  readonly iterations?: number
}

export interface Report {
  readonly comparisons: ReadonlyArray<Comparison>
  readonly figures?: ReadonlyArray<Figure>
}

export interface Suite {
  readonly name: string
  readonly run: (options: Options) => Promise<Report>
}

export type Task = () => unknown

/**
 * Times the tasks of one case together, so that a subject and its baseline share the machine's state.
 * The tasks run in turn for several rounds and each keeps its fastest round: other processes on the
 * machine only ever slow a round down, so the best round is the closest to the code's own speed.
 */
export const measure = async (
  options: Options,
  tasks: ReadonlyArray<readonly [string, Task]>,
): Promise<ReadonlyArray<Measure>> => {
  const best: Array<Measure | undefined> = tasks.map(() => undefined)
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.time,
      warmupTime: Math.min(100, options.time / 2),
      ...(options.iterations === undefined
        ? {}
        : { iterations: options.iterations, warmupIterations: Math.min(16, options.iterations) }),
    })
    tasks.forEach(([name, fn], i) => bench.add(`${i} ${name}`, fn))
    await bench.run()
    bench.tasks.forEach((task, i) => {
      const result = task.result
      if (result.state !== 'completed') throw new Error(`bench task ${task.name}: ${result.state}`)
      const measured = {
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
