/**
 * A stage label (Alibaba: version stage) marks at most one version of a secret; the dialect names the current and previous labels.
 * A branded string: a value of this type has passed the dialect's `TextRule`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainError } from './DomainError.js'
import { problemOf, type TextRule } from './Text.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface StageLabelBrand {
  readonly StageLabel: unique symbol
}

/**
 * @category model
 * @since 0.1.0
 */
export type StageLabel = string & StageLabelBrand

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const fromString =
  (rule: TextRule) =>
  (value: string): E.Either<DomainError, StageLabel> => {
    const problem = problemOf(rule)(value)
    return problem === undefined ? E.right(value as StageLabel) : E.left({ _tag: 'InvalidStageLabel', problem })
  }

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const is =
  (rule: TextRule) =>
  (value: unknown): value is StageLabel =>
    typeof value === 'string' && problemOf(rule)(value) === undefined
