/**
 * The small value pools of the conformance suite: few enough names, version ids, labels and tag keys
 * that random requests collide (the same secret written twice, a version id reused, the label limit
 * and the version limit reached), and ARN references beside plain names.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'

/** @since 0.1.0 */
export const names: ReadonlyArray<string> = ['app/db-1', 'svc.api', 'team+x@a=b']

/** A name, the first most often, so that one secret sees long histories. */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constant(names[0] as string) },
  { weight: 2, arbitrary: fc.constant(names[1] as string) },
  { weight: 1, arbitrary: fc.constant(names[2] as string) },
)

/** A `SecretName` parameter: a name, or its ARN now and then (resolved with the suite's region and account). */
export const reference = (region: string, accountId: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: name },
    { weight: 1, arbitrary: name.map((n) => `acs:kms:${region}:${accountId}:secret/${n}`) },
  )

/** A version id for a new version: forty, so that a secret reaches the limit of ten and prunes. */
export const versionId: fc.Arbitrary<string> = fc.integer({ min: 0, max: 39 }).map((i) => `v${i}`)

/** An index among a secret's versions (see `versionAt`), or -1 for a version that does not exist. */
export const versionIndex: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.nat({ max: 20 }) },
  { weight: 1, arbitrary: fc.constant(-1) },
)

/** Seven custom labels and the two built-in ones: enough to reach the limit of eight. */
export const customStages: ReadonlyArray<string> = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']

/** @since 0.1.0 */
export const stage: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('ACSCurrent', 'ACSPrevious') },
  { weight: 3, arbitrary: fc.constantFrom(...customStages) },
)

/** Values repeat often, so that a repeated version id is as often a no-op as a conflict. */
export const data: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('alpha', 'bravo') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
)

/** @since 0.1.0 */
export const dataType: fc.Arbitrary<'text' | 'binary' | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('text' as const, 'binary' as const) },
)

/** @since 0.1.0 */
export const tagKey: fc.Arbitrary<string> = fc.constantFrom('env', 'team', 'cost', 'owner')

/** @since 0.1.0 */
export const tagValue: fc.Arbitrary<string> = fc.constantFrom('', 'prod', 'dev', 'a/b')

/** @since 0.1.0 */
export const tags: fc.Arbitrary<ReadonlyArray<{ readonly key: string; readonly value: string }>> = fc.uniqueArray(
  fc.record({ key: tagKey, value: tagValue }),
  { minLength: 1, maxLength: 3, selector: (t) => t.key },
)

/** @since 0.1.0 */
export const description: fc.Arbitrary<string> = fc.constantFrom('primary database', 'api key', 'rotated by hand')

/** @since 0.1.0 */
export const policy: fc.Arbitrary<string> = fc.constantFrom('acs:ram::1:*', 'acs:ram::2:role/app').map((principal) =>
  JSON.stringify({
    Version: '1',
    Statement: [{ Effect: 'Allow', Principal: { RAM: [principal] }, Action: ['kms:*'], Resource: ['*'] }],
  }),
)

/** @since 0.1.0 */
export const optional = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined })
