// CSMS request rules as properties, in both directions: names, value sizes and recovery windows are
// accepted exactly when they follow the documented rule, and a refused request changes nothing. And
// the lifecycle against a model: over random sequences of create, schedule, cancel, delete and clock
// steps, every secret's existence and state match the model's.
import { CsmsErrors } from '@secrets-engine/huawei'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, testCsms } from '../packages/huawei/test/support/csms.js'
import { runs } from './support/runs.js'

const nameRule = /^[a-zA-Z0-9_-]{1,64}$/
const nameChars = fc.constantFrom(...'abcXYZ019_-. /é*'.split(''))

describe('CSMS request rules', () => {
  it('a secret name is accepted exactly when it matches ^[a-zA-Z0-9_-]{1,64}$', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: nameChars, minLength: 0, maxLength: 70 }),
          fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-'), minLength: 60, maxLength: 66 }),
        ),
        async (name) => {
          const env = testCsms()
          const before = JSON.stringify(env.store.snapshot())
          const result = await env.csms.createSecret({ name, secret_string: 'v' })()
          if (nameRule.test(name)) {
            expect(E.isRight(result)).toBe(true)
          } else {
            expect(result).toStrictEqual(E.left(CsmsErrors.invalidParameter('name')))
            expect(JSON.stringify(env.store.snapshot())).toBe(before)
          }
        },
      ),
      { numRuns: runs(150) },
    )
  })

  it('a secret_string is accepted exactly when it is 1 to 32,768 UTF-8 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 32_700, max: 32_800 }),
        fc.constantFrom('a', 'é', '€', '𝄞'),
        async (bytes, unit) => {
          const size = new TextEncoder().encode(unit).length
          const value = unit.repeat(Math.floor(bytes / size))
          const env = testCsms()
          const result = await env.csms.createSecret({ name: 'n', secret_string: value })()
          const length = new TextEncoder().encode(value).length
          expect(E.isRight(result)).toBe(length <= 32_768)
          if (E.isLeft(result)) expect(result.left).toStrictEqual(CsmsErrors.invalidParameter('secret_string'))
        },
      ),
      { numRuns: runs(40) },
    )
  })

  it('recovery_window_in_days is accepted exactly from 7 to 30', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -5, max: 40 }), async (window) => {
        const env = testCsms()
        await env.csms.createSecret({ name: 'n', secret_string: 'v' })()
        const result = await env.csms.deleteSecretForSchedule('n', { recovery_window_in_days: window })()
        expect(E.isRight(result)).toBe(window >= 7 && window <= 30)
      }),
      { numRuns: runs(60) },
    )
  })
})

type Op =
  | { readonly _tag: 'create'; readonly name: string }
  | { readonly _tag: 'schedule'; readonly name: string; readonly days: number }
  | { readonly _tag: 'cancel'; readonly name: string }
  | { readonly _tag: 'delete'; readonly name: string }
  | { readonly _tag: 'advance'; readonly days: number }

describe('CSMS lifecycle against a model', () => {
  it('existence, state and the codes of refusals match the model', async () => {
    const name = fc.constantFrom('a', 'b', 'c')
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ _tag: fc.constant('create' as const), name }),
      fc.record({ _tag: fc.constant('schedule' as const), name, days: fc.integer({ min: 7, max: 30 }) }),
      fc.record({ _tag: fc.constant('cancel' as const), name }),
      fc.record({ _tag: fc.constant('delete' as const), name }),
      fc.record({ _tag: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 20 }) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const env = testCsms()
        // The model: each name's deletion time, or null while ENABLED.
        const model = new Map<string, number | null>()
        let now = env.clock.time()
        const live = (n: string): number | null | undefined => {
          const t = model.get(n)
          if (t !== undefined && t !== null && t <= now) model.delete(n)
          return model.get(n)
        }
        for (const o of ops) {
          if (o._tag === 'advance') {
            env.clock.advance(days(o.days))
            now = env.clock.time()
            continue
          }
          const state = live(o.name)
          // Reading settles the name first: the engine drops an expired secret on its next read, which
          // is the secret being gone already, not a change made by a refused request.
          await env.csms.showSecret(o.name)()
          const before = JSON.stringify(env.store.snapshot())
          let result: E.Either<unknown, unknown>
          let expected: CsmsErrors.CsmsError | undefined
          if (o._tag === 'create') {
            result = await env.csms.createSecret({ name: o.name, secret_string: 'v' })()
            expected = state === undefined ? undefined : CsmsErrors.make(state === null ? 'CSMS.0109' : 'CSMS.0107')
            if (expected === undefined) model.set(o.name, null)
          } else if (o._tag === 'schedule') {
            result = await env.csms.deleteSecretForSchedule(o.name, { recovery_window_in_days: o.days })()
            expected =
              state === undefined
                ? CsmsErrors.secretNotFound()
                : state === null
                  ? undefined
                  : CsmsErrors.make('CSMS.0107')
            if (expected === undefined) model.set(o.name, now + days(o.days))
          } else if (o._tag === 'cancel') {
            result = await env.csms.restoreSecret(o.name)()
            expected =
              state === undefined
                ? CsmsErrors.secretNotFound()
                : state === null
                  ? CsmsErrors.make('CSMS.0108')
                  : undefined
            if (expected === undefined) model.set(o.name, null)
          } else {
            result = await env.csms.deleteSecret(o.name)()
            expected = state === undefined ? CsmsErrors.secretNotFound() : undefined
            if (expected === undefined) model.delete(o.name)
          }
          if (expected === undefined) {
            expect(E.isRight(result)).toBe(true)
          } else {
            expect(result).toStrictEqual(E.left(expected))
            expect(JSON.stringify(env.store.snapshot())).toBe(before)
          }
        }
        for (const n of ['a', 'b', 'c']) {
          const state = live(n)
          const shown = await env.csms.showSecret(n)()
          if (state === undefined) {
            expect(shown).toStrictEqual(E.left(CsmsErrors.secretNotFound()))
          } else {
            expect(
              E.map((r: { secret: { state: string; scheduled_delete_time: number | null } }) => [
                r.secret.state,
                r.secret.scheduled_delete_time,
              ])(shown),
            ).toStrictEqual(E.right(state === null ? ['ENABLED', null] : ['PENDING_DELETE', state]))
          }
        }
        const listed = await env.csms.listSecrets()()
        expect(
          E.map((r: { secrets: ReadonlyArray<{ name: string }> }) => r.secrets.map((s) => s.name))(listed),
        ).toStrictEqual(E.right(['a', 'b', 'c'].filter((n) => live(n) !== undefined)))
      }),
      { numRuns: runs(100) },
    )
  })
})
