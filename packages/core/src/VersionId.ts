/**
 * The id of one version of a secret, unique within the secret.
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
export interface VersionIdBrand {
  readonly VersionId: unique symbol
}

/**
 * @category model
 * @since 0.1.0
 */
export type VersionId = string & VersionIdBrand

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const fromString =
  (rule: TextRule) =>
  (value: string): E.Either<DomainError, VersionId> => {
    const problem = problemOf(rule)(value)
    return problem === undefined ? E.right(value as VersionId) : E.left({ _tag: 'InvalidVersionId', problem })
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
  (value: unknown): value is VersionId =>
    typeof value === 'string' && problemOf(rule)(value) === undefined
