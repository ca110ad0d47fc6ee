/**
 * What the model predicts for one request, and how a prediction is compared with a target's answer:
 * errors by code and HTTP status (the message only has to be there), bodies field by field, where a
 * field the model cannot know exactly (a request id, a key id) is a named matcher. Lists whose order
 * the API does not promise (stage labels, tags) are compared in sorted order.
 *
 * @since 0.1.0
 */
import type { Difference } from './Deviation.js'
import type { Outcome } from './Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A predicate in place of an exact value.
 *
 * @category model
 * @since 0.1.0
 */
export interface Matcher {
  readonly _tag: 'Matcher'
  readonly describe: string
  readonly test: (actual: unknown) => boolean
}

/**
 * @category model
 * @since 0.1.0
 */
export type Expectation =
  | { readonly ok: true; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly code: string; readonly httpStatus: number }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const matcher = (describe: string, test: (actual: unknown) => boolean): Matcher => ({
  _tag: 'Matcher',
  describe,
  test,
})

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/**
 * @category constructors
 * @since 0.1.0
 */
export const requestId: Matcher = matcher('a lower-case UUID v4', (u) => typeof u === 'string' && UUID_V4.test(u))

/**
 * @category constructors
 * @since 0.1.0
 */
export const nonEmptyString: Matcher = matcher('a non-empty string', (u) => typeof u === 'string' && u.length > 0)

/**
 * A wire date (`2024-04-15T07:02:14Z`) from `from` to `to` (epoch ms), at second precision.
 *
 * @category constructors
 * @since 0.1.0
 */
export const dateBetween = (from: number, to: number): Matcher =>
  matcher(`a date from ${wireDate(from)} to ${wireDate(to)}`, (u) => {
    if (typeof u !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(u)) return false
    const t = Date.parse(u)
    return t >= Math.floor(from / 1000) * 1000 && t <= to
  })

/**
 * A success whose body is `body` plus a fresh `RequestId`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const success = (body: Readonly<Record<string, unknown>> = {}): Expectation => ({
  ok: true,
  body: { RequestId: requestId, ...body },
})

/**
 * @category constructors
 * @since 0.1.0
 */
export const failure = (code: string, httpStatus: number): Expectation => ({ ok: false, code, httpStatus })

/**
 * Epoch ms as the wire writes dates: UTC, second precision.
 *
 * @category constructors
 * @since 0.1.0
 */
export const wireDate = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

const isMatcher = (u: unknown): u is Matcher =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'Matcher'

/**
 * A value as a difference shows it: a matcher by what it describes, an absent field as `(absent)`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const show = (u: unknown): string =>
  isMatcher(u) ? `<${u.describe}>` : u === undefined ? '(absent)' : JSON.stringify(u)

const byKeys =
  (...keys: ReadonlyArray<string>) =>
  (a: unknown, b: unknown): number => {
    for (const key of keys) {
      const x = String((a as Record<string, unknown>)[key])
      const y = String((b as Record<string, unknown>)[key])
      if (x !== y) return x < y ? -1 : 1
    }
    return 0
  }

/** Lists the API does not order: stage labels, tags of a secret, tag rows. */
const unordered: Readonly<Record<string, (a: unknown, b: unknown) => number>> = {
  VersionStage: (a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0),
  Tag: byKeys('TagKey'),
  TagResource: byKeys('ResourceId', 'TagKey'),
}

const normalize = (u: unknown, key = ''): unknown => {
  if (Array.isArray(u)) {
    const items = u.map((item) => normalize(item))
    const order = unordered[key]
    return order === undefined || items.some(isMatcher) ? items : [...items].sort(order)
  }
  if (typeof u === 'object' && u !== null && !isMatcher(u)) {
    return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, normalize(v, k)]))
  }
  return u
}

/**
 * Pushes onto `out` every difference between `expected` (where a matcher stands for a value) and
 * `actual` under `path`, each named by its dotted path without array indices.
 *
 * @category destructors
 * @since 0.1.0
 */
export const diff = (
  operation: string,
  path: string,
  expected: unknown,
  actual: unknown,
  out: Array<Difference>,
): void => {
  const field = path.replace(/\[\d+\]/g, '')
  const add = (): void => {
    out.push({ operation, field, expected: show(expected), actual: show(actual) })
  }
  if (isMatcher(expected)) {
    if (!expected.test(actual)) add()
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return add()
    expected.forEach((e, i) => diff(operation, `${path}[${i}]`, e, actual[i], out))
  } else if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return add()
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)])
    for (const key of keys) {
      diff(
        operation,
        path === '' ? key : `${path}.${key}`,
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        out,
      )
    }
  } else if (expected !== actual) add()
}

/**
 * Every difference between a prediction and a target's answer to `operation`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const differences = (operation: string, expected: Expectation, actual: Outcome): ReadonlyArray<Difference> => {
  const out: Array<Difference> = []
  if (expected.ok && actual.ok) {
    diff(operation, '', normalize(expected.body), normalize(actual.body), out)
  } else if (!expected.ok && !actual.ok) {
    if (expected.code !== actual.code)
      out.push({ operation, field: 'Code', expected: expected.code, actual: actual.code })
    if (expected.httpStatus !== actual.httpStatus) {
      out.push({
        operation,
        field: 'HttpStatus',
        expected: String(expected.httpStatus),
        actual: String(actual.httpStatus),
      })
    }
    if (typeof actual.message !== 'string' || actual.message.length === 0) {
      out.push({ operation, field: 'Message', expected: '<a message>', actual: show(actual.message) })
    }
  } else if (expected.ok && !actual.ok) {
    out.push({ operation, field: 'Code', expected: '(success)', actual: `${actual.code} (${actual.httpStatus})` })
  } else if (!expected.ok) {
    out.push({ operation, field: 'Code', expected: `${expected.code} (${expected.httpStatus})`, actual: '(success)' })
  }
  return out
}
