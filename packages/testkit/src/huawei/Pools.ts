/**
 * The small value pools of the Huawei suite: few enough names, stages and values that random
 * requests collide (a name created twice, a stage moved back and forth, the 12-stage and 20-version
 * limits reached), and a name that breaks the name rule now and then.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'

/** @since 0.1.0 */
export const names: ReadonlyArray<string> = ['app-db', 'svc_api', 'X-1']

/** A valid name, the first most often, so that one secret sees long histories. */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.constant(names[0] as string) },
  { weight: 2, arbitrary: fc.constant(names[1] as string) },
  { weight: 1, arbitrary: fc.constant(names[2] as string) },
)

/** A name in a path: valid, or now and then one with a dot, which the name rule refuses (CSMS.0002). */
export const reference: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: name },
  { weight: 1, arbitrary: fc.constant('app.db') },
)

/** Eleven custom stages and the two system ones: one more than the limit of twelve. */
export const customStages: ReadonlyArray<string> = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11']

/** @since 0.1.0 */
export const stage: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('SYSCURRENT', 'SYSPREVIOUS') },
  { weight: 5, arbitrary: fc.constantFrom(...customStages) },
)

/** An index among a secret's versions (see `versionAt`), or -1 for a version that does not exist. */
export const versionIndex: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 25 }) },
  { weight: 1, arbitrary: fc.constant(-1) },
)

/** @since 0.1.0 */
export const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('alpha', 'bravo', 'ü 秘密 "q"') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
)

/** @since 0.1.0 */
export const description: fc.Arbitrary<string> = fc.constantFrom('', 'primary database', 'api key')

/** A list `limit`: absent, 1 to 3, or 0, which CSMS refuses (CSMS.0002). */
export const limit: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom('1', '2', '3') },
  { weight: 1, arbitrary: fc.constant('0') },
)

/** @since 0.1.0 */
export const optional = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined })
