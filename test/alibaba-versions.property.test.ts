// Random sequences of PutSecretValue and UpdateSecretVersionStage on one generic secret keep every
// invariant of the domain after every step, every version the store holds reads back exactly what
// was written for it, every record is frozen all the way down, and no plaintext ever reaches the store.
import { ApiErrors, Dialect, type ApiError } from '@secrets-engine/alibaba'
import { Secret } from '@secrets-engine/core'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { testEngine } from './support/engine.js'
import { unfrozenPath } from './support/frozen.js'
import { runs } from './support/runs.js'

const name = 'versioned'

// Few enough ids that they repeat, enough that the 10-version limit and pruning are reached.
const versionIds = Array.from({ length: 20 }, (_, i) => `v${i}`)
// Eight custom labels plus the two built-in ones: enough to hit the 8-label limit.
const labels = ['ACSCurrent', 'ACSPrevious', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']

// Long, distinctive plaintexts: base64 ciphertext cannot contain one of them by chance.
// A small pool makes a repeated id with the same value (the no-op) common.
const plaintext = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('plain-alpha-0001', 'plain-bravo-0002', 'plain-charlie-03') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 24 }).map((s) => `plain-${s}-tail`) },
)

type Step =
  | {
      readonly kind: 'put'
      readonly versionId: string
      readonly data: string
      readonly dataType: 'text' | 'binary'
      readonly stages?: ReadonlyArray<string>
    }
  | { readonly kind: 'move'; readonly stage: string; readonly from?: string; readonly to?: string }

const put: fc.Arbitrary<Step> = fc.record(
  {
    kind: fc.constant('put' as const),
    versionId: fc.constantFrom(...versionIds),
    data: plaintext,
    dataType: fc.oneof(
      { weight: 4, arbitrary: fc.constant('text' as const) },
      { weight: 1, arbitrary: fc.constant('binary' as const) },
    ),
    stages: fc.uniqueArray(fc.constantFrom(...labels), { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['kind', 'versionId', 'data', 'dataType'] },
)

const move: fc.Arbitrary<Step> = fc.record(
  {
    kind: fc.constant('move' as const),
    stage: fc.constantFrom(...labels),
    from: fc.constantFrom(...versionIds),
    to: fc.constantFrom(...versionIds),
  },
  { requiredKeys: ['kind', 'stage'] },
)

interface Written {
  readonly data: string
  readonly dataType: 'text' | 'binary'
}

const sameError = (expected: ReadonlyArray<ApiError>) => (error: ApiError) =>
  expected.some((e) => e.code === error.code && e.httpStatus === error.httpStatus && e.message === error.message)

describe('PutSecretValue and UpdateSecretVersionStage on one generic secret', () => {
  it('keep the invariants, read back what was written, stay frozen, and never store a plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(
        plaintext,
        fc.array(fc.oneof({ weight: 3, arbitrary: put }, { weight: 2, arbitrary: move }), {
          minLength: 1,
          maxLength: 40,
          size: 'max',
        }),
        async (first, steps) => {
          const { engine, store, clock } = testEngine()
          const model = new Map<string, Written>([['v0', { data: first, dataType: 'text' }]])
          const plaintexts = new Set<string>([first])
          expect(E.isRight(await engine.createSecret({ SecretName: name, VersionId: 'v0', SecretData: first })())).toBe(
            true,
          )

          const stored = async () => {
            const got = await store.get(name)()
            if (E.isLeft(got) || O.isNone(got.right)) throw new Error('the secret is gone')
            return got.right.value.record.secret
          }

          for (const step of steps) {
            clock.advance(1_000)
            const before = store.snapshot()
            const held = await stored()
            if (step.kind === 'put') {
              plaintexts.add(step.data)
              const result = await engine.putSecretValue({
                SecretName: name,
                VersionId: step.versionId,
                SecretData: step.data,
                SecretDataType: step.dataType,
                ...(step.stages === undefined ? {} : { VersionStages: JSON.stringify(step.stages) }),
              })()
              const existing = O.toUndefined(Secret.findVersion(step.versionId)(held))
              if (existing !== undefined) {
                // A repeated id: the same value is a no-op, another is a conflict; nothing changes.
                const same = model.get(step.versionId)
                expect(E.isRight(result)).toBe(same?.data === step.data && same.dataType === step.dataType)
                if (E.isLeft(result)) expect(result.left).toStrictEqual(ApiErrors.resourceExist())
                expect(store.snapshot()).toStrictEqual(before)
              } else if (E.isRight(result)) {
                model.set(step.versionId, { data: step.data, dataType: step.dataType })
                // Exactly the listed labels (in whatever order the version holds them).
                expect([...result.right.VersionStages.VersionStage].sort()).toStrictEqual(
                  [...(step.stages ?? [Dialect.currentStage])].sort(),
                )
              } else {
                expect(result.left).toStrictEqual(ApiErrors.limitExceeded())
                expect(store.snapshot()).toStrictEqual(before)
              }
            } else {
              const result = await engine.updateSecretVersionStage({
                SecretName: name,
                VersionStage: step.stage,
                ...(step.from === undefined ? {} : { RemoveFromVersion: step.from }),
                ...(step.to === undefined ? {} : { MoveToVersion: step.to }),
              })()
              if (E.isLeft(result)) {
                expect(result.left).toSatisfy(
                  sameError([
                    ApiErrors.missingParameter('MoveToVersion'),
                    ApiErrors.invalidParameter(
                      'VersionStage',
                      'ACSCurrent and ACSPrevious cannot be removed, only moved to another version with MoveToVersion.',
                    ),
                    ApiErrors.invalidRequest(),
                    ApiErrors.resourceNotFound(),
                    ApiErrors.limitExceeded(),
                  ]),
                )
                expect(store.snapshot()).toStrictEqual(before)
              } else if (step.to !== undefined) {
                const after = await stored()
                expect(
                  O.map((v: { versionId: string }) => v.versionId)(Secret.findByStage(step.stage)(after)),
                ).toStrictEqual(O.some(step.to))
              }
            }

            const secret = await stored()
            expect(Secret.invariantViolations(Dialect.rules)(secret)).toStrictEqual([])
            const all = Secret.stages(secret)
            expect(all.filter((s) => s === Dialect.currentStage)).toHaveLength(1)
            expect(secret.versions.length).toBeLessThanOrEqual(10)
            expect(new Set(all).size).toBeLessThanOrEqual(8)
            const ids = secret.versions.map((v) => v.versionId)
            expect(new Set(ids).size).toBe(ids.length)
            for (const version of secret.versions) {
              const read = await engine.getSecretValue({ SecretName: name, VersionId: version.versionId })()
              const written = model.get(version.versionId)
              expect(
                E.map((b: { SecretData: string; SecretDataType: string }) => [b.SecretData, b.SecretDataType])(read),
              ).toStrictEqual(E.right([written?.data, written?.dataType]))
            }
            // Frozen all the way down: the store takes a frozen record as frozen throughout.
            for (const { record } of store.snapshot().records) expect(unfrozenPath(record)).toBeUndefined()
            const snapshot = JSON.stringify(store.snapshot())
            for (const p of plaintexts) expect(snapshot).not.toContain(JSON.stringify(p).slice(1, -1))
          }
        },
      ),
      { numRuns: runs(100) },
    )
  })
})
