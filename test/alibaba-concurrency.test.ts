// Concurrency: requests on one secret interleave at every await of the store (fc.scheduler picks the
// order). However they interleave, no acknowledged write is lost and no invariant breaks.
import { Dialect } from '@secrets-engine/alibaba'
import { Secret } from '@secrets-engine/core'
import { scheduledStore } from '@secrets-engine/testkit'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { testEngine } from './support/engine.js'
import { runs } from './support/runs.js'

type Op =
  | { readonly kind: 'put'; readonly id: string }
  | { readonly kind: 'stage'; readonly label: string; readonly id: string }
  | { readonly kind: 'delete' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
  fc.record({
    kind: fc.constant('stage' as const),
    label: fc.constantFrom('ACSCurrent', 'Blue', 'Green'),
    id: fc.constantFrom('v0', 'a', 'b'),
  }),
  fc.constant({ kind: 'delete' as const }),
)

const paramsOf = (op: Op): readonly [string, Record<string, string>] => {
  switch (op.kind) {
    case 'put':
      return ['PutSecretValue', { SecretName: 's', VersionId: op.id, SecretData: `data-${op.id}` }]
    case 'stage':
      return ['UpdateSecretVersionStage', { SecretName: 's', VersionStage: op.label, MoveToVersion: op.id }]
    case 'delete':
      return ['DeleteSecret', { SecretName: 's', RecoveryWindowInDays: '7' }]
  }
}

describe('concurrent requests on one secret', () => {
  it('never lose an acknowledged write and never break an invariant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(opArb, { minLength: 2, maxLength: 6 }), async (s, ops) => {
        const base = testEngine()
        // Every store call waits for the scheduler, so requests interleave between reads and commits.
        const { engine } = testEngine({ store: scheduledStore(base.store, s), keyring: base.engine.keyring })
        await base.engine.request('CreateSecret', { SecretName: 's', VersionId: 'v0', SecretData: 'data-v0' })()

        const running = ops.map((op) => engine.request(...paramsOf(op))())
        await s.waitFor(Promise.all(running))
        const results = await Promise.all(running)

        const stored = await base.store.get('s')()
        const record = E.isRight(stored) && O.isSome(stored.right) ? stored.right.value.record : undefined
        expect(record).toBeDefined()
        if (record === undefined) return
        expect(Secret.invariantViolations(Dialect.rules)(record.secret)).toStrictEqual([])

        // Every acknowledged put is there (versions never exceed 10 here, so none was pruned), and reads
        // back its own data.
        for (const [i, op] of ops.entries()) {
          const result = results[i]
          if (op.kind === 'put' && result !== undefined && E.isRight(result)) {
            expect(Secret.findVersion(op.id)(record.secret)._tag).toBe('Some')
          }
        }
        // An acknowledged deletion is visible.
        if (ops.some((op, i) => op.kind === 'delete' && results[i] !== undefined && E.isRight(results[i]))) {
          expect(record.plannedDeleteAt).toBeDefined()
        }
        for (const version of record.secret.versions) {
          const read = await base.engine.request('GetSecretValue', {
            SecretName: 's',
            VersionId: version.versionId,
          })()
          if (record.plannedDeleteAt === undefined) {
            expect(E.map((b: Record<string, unknown>) => b['SecretData'])(read)).toStrictEqual(
              E.right(`data-${version.versionId}`),
            )
          }
        }
      }),
      { numRuns: runs(100) },
    )
  })
})
