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
