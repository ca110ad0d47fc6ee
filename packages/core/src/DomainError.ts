/**
 * Domain errors: every way a pure transition of the core can refuse its input, as tagged data.
 * The core never throws; the dialect packages map each tag to their API's exact error.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Why a string is not a valid name, version id or stage label.
 *
 * @category model
 * @since 0.1.0
 */
export type TextProblem = 'Empty' | 'TooLong' | 'InvalidCharacter'

/**
 * @category model
 * @since 0.1.0
 */
export type DomainError =
  | { readonly _tag: 'InvalidSecretName'; readonly problem: TextProblem }
  | { readonly _tag: 'InvalidVersionId'; readonly problem: TextProblem }
  | { readonly _tag: 'InvalidStageLabel'; readonly problem: TextProblem }
  | { readonly _tag: 'VersionAlreadyExists'; readonly versionId: string }
  | { readonly _tag: 'VersionNotFound'; readonly versionId: string }
  | { readonly _tag: 'StageLabelNotFound'; readonly stage: string }
  | { readonly _tag: 'StageLabelNotOnVersion'; readonly stage: string; readonly versionId: string }
  | { readonly _tag: 'ProtectedStageLabel'; readonly stage: string }
  | { readonly _tag: 'StageMoveUnspecified'; readonly stage: string }
  | { readonly _tag: 'StageLabelLimitExceeded'; readonly limit: number }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const versionAlreadyExists = (versionId: string): DomainError => ({ _tag: 'VersionAlreadyExists', versionId })

/**
 * @category constructors
 * @since 0.1.0
 */
export const versionNotFound = (versionId: string): DomainError => ({ _tag: 'VersionNotFound', versionId })

/**
 * @category constructors
 * @since 0.1.0
 */
export const stageLabelNotFound = (stage: string): DomainError => ({ _tag: 'StageLabelNotFound', stage })

/**
 * @category constructors
 * @since 0.1.0
 */
export const stageLabelLimitExceeded = (limit: number): DomainError => ({ _tag: 'StageLabelLimitExceeded', limit })
