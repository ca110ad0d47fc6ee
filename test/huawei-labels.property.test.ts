// The label invariants of CSMS, as properties: over random sequences of version creations, stage
// updates and stage deletions, the stored secret keeps every invariant of the core under Huawei's
// rules (SYSCURRENT/SYSPREVIOUS, 20 versions, 12 stages), every version that still exists reads back
// the value written to it, a refused request changes nothing, and the store snapshot never holds a
// plaintext value.
import { Secret } from '@secrets-engine/core'
import { CsmsErrors, Dialect } from '@secrets-engine/huawei'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { ok, testCsms } from '../packages/huawei/test/support/csms.js'
import { runs } from './support/runs.js'

type Step =
  | { readonly _tag: 'create'; readonly stages?: ReadonlyArray<string>; readonly binary: boolean }
  | { readonly _tag: 'update'; readonly stage: string; readonly version: number }
  | { readonly _tag: 'delete'; readonly stage: string }

// More names than the limit allows, so that the 12-stage rule is reached.
const stageNames = ['SYSCURRENT', 'SYSPREVIOUS', ...Array.from({ length: 14 }, (_, i) => `stage-${i}`)]
const stage = fc.constantFrom(...stageNames)

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ _tag: fc.constant('create' as const), binary: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      _tag: fc.constant('create' as const),
      stages: fc.uniqueArray(stage, { minLength: 1, maxLength: 4 }),
      binary: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ _tag: fc.constant('update' as const), stage, version: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ _tag: fc.constant('delete' as const), stage }) },
)

describe('CSMS stage labels', () => {
  it('keep the invariants, read back every value, change nothing when refused, store no plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const env = testCsms()
        const written = new Map<string, { readonly kind: 'string' | 'binary'; readonly value: string }>()
        const plaintext = (n: number) => `plaintext-${n}-marker`
        await ok(env.csms.createSecret({ name: 's', secret_string: plaintext(1) }))
        written.set('v1', { kind: 'string', value: plaintext(1) })
        let last = 1
        for (const s of steps) {
          const before = JSON.stringify(env.store.snapshot())
          const holderBefore = await currentHolder(env)
          let result: E.Either<unknown, unknown>
          if (s._tag === 'create') {
            const n = last + 1
            const value = s.binary ? Buffer.from(plaintext(n)).toString('base64') : plaintext(n)
            result = await env.csms.createSecretVersion('s', {
              ...(s.binary ? { secret_binary: value } : { secret_string: value }),
              ...(s.stages === undefined ? {} : { version_stages: s.stages }),
            })()
            if (E.isRight(result)) {
              last = n
              written.set(`v${n}`, { kind: s.binary ? 'binary' : 'string', value })
              const staged = await ok(env.csms.listSecretVersions('s', { limit: '1000' }))
              const labels = new Map(staged.version_metadatas.map((v) => [v.id, v.version_stages]))
              // Without explicit stages the new version is current and the old current is previous;
              // explicit stages do the same for SYSCURRENT unless SYSPREVIOUS is listed too.
              if (s.stages === undefined || s.stages.includes('SYSCURRENT')) {
                expect(labels.get(`v${n}`)).toContain('SYSCURRENT')
                if (!s.stages?.includes('SYSPREVIOUS')) expect(labels.get(holderBefore)).toContain('SYSPREVIOUS')
              }
              if (s.stages === undefined) expect(labels.get(`v${n}`)).toStrictEqual(['SYSCURRENT'])
            } else {
              expect(result).toStrictEqual(E.left(CsmsErrors.make('CSMS.0203')))
            }
          } else if (s._tag === 'update') {
            result = await env.csms.updateSecretStage('s', s.stage, { version_id: `v${s.version}` })()
          } else {
            result = await env.csms.deleteSecretStage('s', s.stage)()
            if (s.stage === 'SYSCURRENT' || s.stage === 'SYSPREVIOUS') {
              expect(result).toStrictEqual(E.left(CsmsErrors.make('CSMS.0105')))
            }
          }
          if (E.isLeft(result)) expect(JSON.stringify(env.store.snapshot())).toBe(before)

          const stored = await ok(env.store.get('s'))
          if (O.isNone(stored)) return expect.fail('the secret is gone')
          const secret = stored.value.record.secret
          expect(Secret.invariantViolations(Dialect.rules)(secret)).toStrictEqual([])
          for (const version of secret.versions) {
            const { version: shown } = await ok(env.csms.showSecretVersion('s', version.versionId))
            const expected = written.get(version.versionId)
            expect(expected?.kind === 'binary' ? shown.secret_binary : shown.secret_string).toBe(expected?.value)
          }
          const snapshot = JSON.stringify(env.store.snapshot())
          for (const { value } of written.values()) expect(snapshot).not.toContain(value)
          for (let n = 1; n <= last; n++) expect(snapshot).not.toContain(plaintext(n))
        }
      }),
      { numRuns: runs(40) },
    )
  })

  it('prune only unstaged versions, oldest first, down to 20', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(stage, { nil: undefined }), { minLength: 20, maxLength: 45 }),
        async (labels) => {
          const env = testCsms()
          await ok(env.csms.createSecret({ name: 's', secret_string: 'v' }))
          let created = 1
          let before = await versionsOf(env)
          for (const label of labels) {
            const result = await env.csms.createSecretVersion('s', {
              secret_string: 'v',
              ...(label === undefined ? {} : { version_stages: [label] }),
            })()
            const after = await versionsOf(env)
            if (E.isLeft(result)) {
              expect(after).toStrictEqual(before)
              continue
            }
            created++
            // At most 12 stages mark at most 12 versions, so pruning always gets down to 20.
            expect(after.length).toBe(Math.min(20, created))
            const kept = new Set(after.map((v) => v.number))
            expect(kept.has(created)).toBe(true)
            const removed = before.filter((v) => !kept.has(v.number))
            // A removed version carried no stage once the write had moved them: every stage it had
            // before the write is still on a version.
            const stagesAfter = after.flatMap((v) => v.stages)
            for (const v of removed) for (const s of v.stages) expect(stagesAfter).toContain(s)
            // Oldest first: every version the write left unstaged is newer than every removed one.
            for (const v of after.filter((v) => v.stages.length === 0)) {
              for (const r of removed) expect(r.number).toBeLessThan(v.number)
            }
            before = after
          }
          const stored = await ok(env.store.get('s'))
          if (O.isNone(stored)) return expect.fail('the secret is gone')
          const versions = stored.value.record.secret.versions
          expect(versions.length).toBeLessThanOrEqual(20)
          expect(Secret.invariantViolations(Dialect.rules)(stored.value.record.secret)).toStrictEqual([])
          // The ids still there are increasing, and an unstaged version survives only when every older
          // unstaged one does too, since pruning takes the oldest first.
          const numbers = versions.map((v) => Number(v.versionId.slice(1)))
          expect([...numbers].sort((a, b) => a - b)).toStrictEqual(numbers)
        },
      ),
      { numRuns: runs(30) },
    )
  })
})

/** The versions of secret `s`, oldest first: each one's number (`v7` is 7) and stages. */
const versionsOf = async (
  env: ReturnType<typeof testCsms>,
): Promise<ReadonlyArray<{ readonly number: number; readonly stages: ReadonlyArray<string> }>> => {
  const stored = await ok(env.store.get('s'))
  if (O.isNone(stored)) return expect.fail('the secret is gone')
  return stored.value.record.secret.versions.map((v) => ({ number: Number(v.versionId.slice(1)), stages: v.stages }))
}

const currentHolder = async (env: ReturnType<typeof testCsms>): Promise<string> =>
  (await ok(env.csms.showSecretStage('s', 'SYSCURRENT'))).stage.version_id
