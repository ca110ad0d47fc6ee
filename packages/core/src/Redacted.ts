/**
 * A value that must not leak: a secret value inside a command, a plaintext read back from an
 * envelope. `String()`, template strings, `JSON.stringify` and Node's `util.inspect` all show
 * `<redacted>`; only `Redacted.value` gives the value back, so every place that reveals it is
 * explicit and easy to find.
 *
 * The value lives in a module-private `WeakMap`, not in a property, so no reflection over the
 * object (`Object.keys`, `Object.getOwnPropertyNames`, a debugger's property view) finds it either.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const RedactedBrand: unique symbol

/**
 * @category model
 * @since 0.1.0
 */
export interface Redacted<A> {
  readonly [RedactedBrand]: A
}

const hidden = new WeakMap<object, unknown>()
const shown = '<redacted>'

// `util.inspect` looks this symbol up in the global registry, so the core needs no `node:util`.
const prototype: object = Object.freeze({
  toString: (): string => shown,
  toJSON: (): string => shown,
  [Symbol.for('nodejs.util.inspect.custom')]: (): string => shown,
})

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const make = <A>(value: A): Redacted<A> => {
  const redacted = Object.freeze(Object.create(prototype) as object)
  hidden.set(redacted, value)
  return redacted as Redacted<A>
}

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const isRedacted = (u: unknown): u is Redacted<unknown> => typeof u === 'object' && u !== null && hidden.has(u)

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The value itself. Every call is a place where the secret leaves its wrapper: keep them few.
 *
 * @category destructors
 * @since 0.1.0
 */
export const value = <A>(redacted: Redacted<A>): A => hidden.get(redacted) as A

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * @category combinators
 * @since 0.1.0
 */
export const map =
  <A, B>(f: (a: A) => B) =>
  (redacted: Redacted<A>): Redacted<B> =>
    make(f(value(redacted)))
