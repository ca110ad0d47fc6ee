/**
 * Store errors: every way a call to the secret store port can fail, as tagged data. Adapters map
 * their own failures (a lost connection, a timeout, an injected fault) to `StoreUnavailable`; the
 * engine retries a `RevisionConflict` from a fresh read, and maps the rest to its dialect's errors.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The revision a compare-and-set expected did not match the store's: `'absent'` means "no record
 * under this name".
 *
 * @category model
 * @since 0.1.0
 */
export interface RevisionConflict {
  readonly _tag: 'RevisionConflict'
  readonly name: string
  readonly expected: number | 'absent'
  readonly actual: number | 'absent'
}

/**
 * The store could not answer: an outage, a timeout, or a fault injected by a test.
 *
 * @category model
 * @since 0.1.0
 */
export interface StoreUnavailable {
  readonly _tag: 'StoreUnavailable'
  readonly reason: string
}

/**
 * A list cursor that this store did not hand out.
 *
 * @category model
 * @since 0.1.0
 */
export interface InvalidCursor {
  readonly _tag: 'InvalidCursor'
  readonly cursor: string
}

/**
 * A page size that is not a positive integer.
 *
 * @category model
 * @since 0.1.0
 */
export interface InvalidLimit {
  readonly _tag: 'InvalidLimit'
  readonly limit: number
}

/**
 * @category model
 * @since 0.1.0
 */
export type StoreError = RevisionConflict | StoreUnavailable | InvalidCursor | InvalidLimit

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const revisionConflict = (
  name: string,
  expected: number | 'absent',
  actual: number | 'absent',
): RevisionConflict => ({ _tag: 'RevisionConflict', name, expected, actual })

/**
 * @category constructors
 * @since 0.1.0
 */
export const storeUnavailable = (reason: string): StoreUnavailable => ({ _tag: 'StoreUnavailable', reason })

/**
 * @category constructors
 * @since 0.1.0
 */
export const invalidCursor = (cursor: string): InvalidCursor => ({ _tag: 'InvalidCursor', cursor })

/**
 * @category constructors
 * @since 0.1.0
 */
export const invalidLimit = (limit: number): InvalidLimit => ({ _tag: 'InvalidLimit', limit })

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const isRevisionConflict = (error: StoreError): error is RevisionConflict => error._tag === 'RevisionConflict'

/**
 * @category refinements
 * @since 0.1.0
 */
export const isStoreUnavailable = (error: StoreError): error is StoreUnavailable => error._tag === 'StoreUnavailable'
