// The deletion lifecycle against a model: random sequences of CreateSecret, DeleteSecret (scheduled
// with various windows, valid or not, and forced), RestoreSecret and clock advances on a few names.
// The model predicts every step's exact outcome, and after every step what DescribeSecret and
// ListSecrets show, including the moment a window ends (a secret is gone at PlannedDeleteTime and
// present one millisecond before).
import { ApiErrors, type ApiError, type ListSecretsResponse } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, hours, testEngine } from './support/engine.js'
import { runs } from './support/runs.js'

const names = ['a', 'b', 'c'] as const
type Name = (typeof names)[number]

type Step =
  | { readonly _tag: 'Create'; readonly name: Name }
  | { readonly _tag: 'Delete'; readonly name: Name; readonly force: boolean; readonly window: string | undefined }
  | { readonly _tag: 'Restore'; readonly name: Name }
  | { readonly _tag: 'Advance'; readonly ms: number }

const name = fc.constantFrom(...names)
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ _tag: fc.constant('Create' as const), name }),
  fc.record({
    _tag: fc.constant('Delete' as const),
    name,
    force: fc.boolean(),
    window: fc.constantFrom(undefined, '7', '8', '30', '6', '31', 'x'),
  }),
  fc.record({ _tag: fc.constant('Restore' as const), name }),
  fc.record({
    _tag: fc.constant('Advance' as const),
    ms: fc.constantFrom(0, 1, 999, hours(1), days(1), days(7) - 1, days(7), days(8), days(30) - 1, days(30)),
  }),
)

interface Live {
  readonly createdAt: number
  readonly plannedDeleteAt?: number
}

/** The model: each name's secret as of `now`, with expired secrets already gone. */
type Model = ReadonlyMap<Name, Live>

const settle = (model: Model, now: number): Map<Name, Live> =>
  new Map([...model].filter(([, s]) => s.plannedDeleteAt === undefined || s.plannedDeleteAt > now))

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

const windowError = ApiErrors.invalidParameter(
  'RecoveryWindowInDays',
  'It must be a whole number of days from 7 to 30.',
)

/** What the step answers (a success's body without RequestId, or the error) and the model after it. */
const predict = (model: Model, s: Step, now: number): { outcome: E.Either<ApiError, unknown>; next: Model } => {
  const m = settle(model, now)
  switch (s._tag) {
    case 'Advance':
      return { outcome: E.right(undefined), next: m }
    case 'Create': {
      const current = m.get(s.name)
      if (current !== undefined) {
        return {
          outcome: E.left(
            current.plannedDeleteAt === undefined ? ApiErrors.resourceExist() : ApiErrors.resourceInDeleteWindow(),
          ),
          next: m,
        }
      }
      m.set(s.name, { createdAt: now })
      return { outcome: E.right({ SecretName: s.name }), next: m }
    }
    case 'Delete': {
      const window = s.window === undefined ? 30 : /^[0-9]+$/.test(s.window) ? Number(s.window) : Number.NaN
      if (!s.force && !(window >= 7 && window <= 30)) return { outcome: E.left(windowError), next: m }
      const current = m.get(s.name)
      if (current === undefined) return { outcome: E.left(ApiErrors.secretNotFoundOnDelete()), next: m }
      if (s.force) {
        m.delete(s.name)
        return { outcome: E.right({ SecretName: s.name, PlannedDeleteTime: iso(now) }), next: m }
      }
      if (current.plannedDeleteAt !== undefined) {
        return { outcome: E.left(ApiErrors.resourceInDeleteWindow()), next: m }
      }
      const plannedDeleteAt = now + days(window)
      m.set(s.name, { ...current, plannedDeleteAt })
      return { outcome: E.right({ SecretName: s.name, PlannedDeleteTime: iso(plannedDeleteAt) }), next: m }
    }
    case 'Restore': {
      const current = m.get(s.name)
      if (current === undefined) return { outcome: E.left(ApiErrors.resourceNotFound()), next: m }
      if (current.plannedDeleteAt === undefined) return { outcome: E.left(ApiErrors.resourceInUse()), next: m }
      m.set(s.name, { createdAt: current.createdAt })
      return { outcome: E.right({ SecretName: s.name }), next: m }
    }
  }
}

const planned = (s: Live) => (s.plannedDeleteAt === undefined ? {} : { PlannedDeleteTime: iso(s.plannedDeleteAt) })

describe('the deletion lifecycle', () => {
  it('matches the model at every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { engine, clock } = testEngine()
        let model: Model = new Map()
        for (const s of steps) {
          if (s._tag === 'Advance') clock.advance(s.ms)
          const now = clock.now().getTime()
          const { outcome, next } = predict(model, s, now)
          model = next
          const actual = await (async (): Promise<E.Either<ApiError, unknown>> => {
            switch (s._tag) {
              case 'Advance':
                return E.right(undefined)
              case 'Create':
                return E.map((b: { SecretName: string }) => ({ SecretName: b.SecretName }))(
                  await engine.createSecret({ SecretName: s.name, VersionId: 'v1', SecretData: 'x' })(),
                )
              case 'Delete':
                return E.map(({ RequestId: _, ...b }: { RequestId: string }) => b)(
                  await engine.deleteSecret({
                    SecretName: s.name,
                    ...(s.force ? { ForceDeleteWithoutRecovery: 'true' as const } : {}),
                    ...(s.window === undefined ? {} : { RecoveryWindowInDays: s.window }),
                  })(),
                )
              case 'Restore':
                return E.map(({ RequestId: _, ...b }: { RequestId: string }) => b)(
                  await engine.restoreSecret({ SecretName: s.name })(),
                )
            }
          })()
          expect([s, actual]).toStrictEqual([s, outcome])

          // What ListSecrets shows: every live secret by (CreateTime, name), pending ones with their time.
          const live = [...settle(model, now)].sort(
            ([n1, s1], [n2, s2]) => s1.createdAt - s2.createdAt || (n1 < n2 ? -1 : 1),
          )
          const listed = await engine.listSecrets({ PageSize: '100' })()
          expect(
            E.map((b: ListSecretsResponse) => ({
              total: b.TotalCount,
              secrets: b.SecretList.Secret.map((x) => ({
                name: x.SecretName,
                ...(x.PlannedDeleteTime === undefined ? {} : { PlannedDeleteTime: x.PlannedDeleteTime }),
              })),
            }))(listed),
          ).toStrictEqual(E.right({ total: live.length, secrets: live.map(([n, x]) => ({ name: n, ...planned(x) })) }))
          // What DescribeSecret shows for each name.
          for (const n of names) {
            const expected = settle(model, now).get(n)
            const described = await engine.describeSecret({ SecretName: n })()
            expect([
              n,
              E.map((b: { PlannedDeleteTime?: string; CreateTime: string }) => ({
                CreateTime: b.CreateTime,
                ...(b.PlannedDeleteTime === undefined ? {} : { PlannedDeleteTime: b.PlannedDeleteTime }),
              }))(described),
            ]).toStrictEqual([
              n,
              expected === undefined
                ? E.left(ApiErrors.resourceNotFound())
                : E.right({ CreateTime: iso(expected.createdAt), ...planned(expected) }),
            ])
          }
        }
      }),
      { numRuns: runs(300) },
    )
  })
})
