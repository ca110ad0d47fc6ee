/**
 * The machine-readable list of where a target may differ from the model, in the manner of
 * LocalStack's `skip_snapshot_verify`: per operation and response field. A difference that a
 * deviation covers does not fail the suite; it is reported in the result, so a run against the real
 * cloud lists where the cloud and our model part instead of stopping at the first difference.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Deviation {
  /** An action name, or `*` for every action. */
  readonly operation: string
  /**
   * A field path without array indices (`VersionStages.VersionStage`, `Tags.Tag.TagValue`), which
   * also covers every field under it; `Code`, `HttpStatus` and `Message` for errors; `*` for all.
   */
  readonly field: string
  readonly reason: string
}

/**
 * One difference between the model's prediction and the target's answer.
 *
 * @category model
 * @since 0.1.0
 */
export interface Difference {
  readonly operation: string
  readonly field: string
  readonly expected: string
  readonly actual: string
}

/**
 * A difference that a deviation allowed, with how often it was seen.
 *
 * @category model
 * @since 0.1.0
 */
export interface ObservedDeviation extends Difference {
  readonly reason: string
  readonly count: number
}

/**
 * Where the differences of a run go: the deviations that may allow them, and the allowed ones,
 * counted by operation and field (shared by every run of a suite). The system side of both models'
 * commands (`Real`, `HuaweiReal`) is one.
 *
 * @category model
 * @since 0.1.0
 */
export interface Judged {
  readonly deviations: ReadonlyArray<Deviation>
  readonly observed: Map<string, ObservedDeviation>
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The choices of this engine that the cloud does not document (docs/fidelity.md): a target that is
 * the real cloud may differ on them. Pass them (and your own) as `deviations`.
 *
 * @category constants
 * @since 0.1.0
 */
export const engineChoices: ReadonlyArray<Deviation> = [
  { operation: '*', field: 'Message', reason: 'error messages are ours where Alibaba does not document them' },
  { operation: 'GetSecretPolicy', field: 'Policy', reason: 'the default policy text is the seed example' },
  {
    operation: 'UpdateSecretVersionStage',
    field: 'Code',
    reason: 'which error wins when a request breaks several rules is undocumented',
  },
  { operation: 'ListTagResources', field: 'NextToken', reason: 'the last page has an empty NextToken here' },
]

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The deviation that allows `difference`, if any.
 *
 * @category destructors
 * @since 0.1.0
 */
export const allowing = (deviations: ReadonlyArray<Deviation>, difference: Difference): Deviation | undefined =>
  deviations.find(
    (d) =>
      (d.operation === '*' || d.operation === difference.operation) &&
      (d.field === '*' || d.field === difference.field || difference.field.startsWith(`${d.field}.`)),
  )

/**
 * Counts each difference that a deviation allows in `judged.observed`, and throws on the others,
 * with the request (`sent`), the model's time and the target's answer.
 *
 * @category destructors
 * @since 0.1.0
 */
export const judge = (
  judged: Judged,
  differences: ReadonlyArray<Difference>,
  sent: string,
  at: number,
  answer: unknown,
): void => {
  const failing: Array<Difference> = []
  for (const difference of differences) {
    const deviation = allowing(judged.deviations, difference)
    if (deviation === undefined) {
      failing.push(difference)
      continue
    }
    const key = `${difference.operation} ${difference.field}`
    const seen = judged.observed.get(key)
    judged.observed.set(key, { ...difference, reason: deviation.reason, count: (seen?.count ?? 0) + 1 })
  }
  if (failing.length > 0) {
    throw new Error(
      `${sent} at ${new Date(at).toISOString()}:\n` +
        failing.map((d) => `  ${d.field}: expected ${d.expected}, got ${d.actual}`).join('\n') +
        `\n  answer: ${JSON.stringify(answer)}`,
    )
  }
}
