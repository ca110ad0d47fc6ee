/**
 * The stage-label limit as both reference models count it, one rule for Alibaba's labels and
 * Huawei's stages: the labels of a secret after a write are the ones it had, the ones the write
 * puts, and the previous label when the write moves the current one (it goes to the version that
 * held current). The core counts the same way (`Secret.putVersion`, `Secret.moveStage`).
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A dialect's label names and limit (Alibaba: ACSCurrent, ACSPrevious, 8; Huawei: SYSCURRENT,
 * SYSPREVIOUS, 12).
 *
 * @category model
 * @since 0.1.0
 */
export interface LabelRules {
  readonly current: string
  readonly previous: string
  readonly maxLabels: number
}

/**
 * A version as the limit sees it: only its labels.
 *
 * @category model
 * @since 0.1.0
 */
export interface Labelled {
  readonly stages: ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Whether putting `stages` on `target` (a new version when absent) takes a secret whose versions are
 * `versions` past the limit, counting the previous label that moving the current one hands on.
 *
 * @category destructors
 * @since 0.1.0
 */
export const exceedsLabelLimit = (
  rules: LabelRules,
  versions: ReadonlyArray<Labelled>,
  stages: ReadonlyArray<string>,
  target?: Labelled,
): boolean => {
  const held = versions.flatMap((v) => v.stages)
  const movesCurrent =
    stages.includes(rules.current) && held.includes(rules.current) && !(target?.stages.includes(rules.current) ?? false)
  return new Set([...held, ...stages, ...(movesCurrent ? [rules.previous] : [])]).size > rules.maxLabels
}
