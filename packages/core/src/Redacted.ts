/**
 * A value that must not leak: a secret value inside a command, a plaintext read back from an
 * envelope. `String()`, template strings, `JSON.stringify` and Node's `util.inspect` all show
 * `<redacted>`; only `Redacted.value` gives the value back, so every place that reveals it is
 * explicit and easy to find.
 *
 * The value lives in a private class field (`#value`), not in a property, so no reflection over the
 * object (`Object.keys`, `Object.getOwnPropertyNames`, `Reflect.ownKeys`) finds it either. A private
 * field costs what a property costs; the `WeakMap` this module used before cost ~0.6 µs a value
 * (a twentieth of a write) and work for the garbage collector.
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

const shown = '<redacted>'

// Set by `Hidden`'s static block, the only code that can read its private field.
let valueOf: (hidden: Hidden) => unknown
let isHidden: (u: object) => boolean

/**
 * The object behind every `Redacted`; it shows nothing but `<redacted>`. Not domain data but the one
 * way to get a private field, which only a class can have; callers only ever see the interface above.
 * The field is read only through the two functions its static block hands to this module, not
 * through anything on the class, and the class and its prototype are frozen: no code elsewhere can
 * reach the value or change how every redacted value prints.
 */
// eslint-disable-next-line no-restricted-syntax -- a private field needs a class (see above)
class Hidden {
  readonly #value: unknown
  constructor(value: unknown) {
    this.#value = value
    Object.freeze(this)
  }
  static {
    valueOf = (hidden) => hidden.#value
    isHidden = (u) => #value in u
  }
  toString(): string {
    return shown
  }
  toJSON(): string {
    return shown
  }
  // `util.inspect` looks this symbol up in the global registry, so the core needs no `node:util`.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return shown
  }
}
Object.freeze(Hidden.prototype)
Object.freeze(Hidden)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const make = <A>(value: A): Redacted<A> => new Hidden(value) as unknown as Redacted<A>

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * @category refinements
 * @since 0.1.0
 */
export const isRedacted = (u: unknown): u is Redacted<unknown> => typeof u === 'object' && u !== null && isHidden(u)

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The value itself. Every call is a place where the secret leaves its wrapper: keep them few.
 *
 * @category destructors
 * @since 0.1.0
 */
export const value = <A>(redacted: Redacted<A>): A => valueOf(redacted as unknown as Hidden) as A

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
