/**
 * The name of a secret, unique within an account and region.
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
export interface SecretNameBrand {
  readonly SecretName: unique symbol
}

/**
 * @category model
 * @since 0.1.0
 */
export type SecretName = string & SecretNameBrand

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const fromString =
  (rule: TextRule) =>
  (value: string): E.Either<DomainError, SecretName> => {
    const problem = problemOf(rule)(value)
    return problem === undefined ? E.right(value as SecretName) : E.left({ _tag: 'InvalidSecretName', problem })
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
  (value: unknown): value is SecretName =>
    typeof value === 'string' && problemOf(rule)(value) === undefined
