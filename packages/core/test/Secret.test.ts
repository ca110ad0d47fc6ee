import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SecretName, StageLabel, VersionId } from '@secrets-engine/core'
import { Secret } from '@secrets-engine/core'

const rules: Secret.Rules = {
  currentStage: 'Current' as StageLabel.StageLabel,
  previousStage: 'Previous' as StageLabel.StageLabel,
  maxVersions: 5,
  maxStages: 4,
}
const name = 'db' as SecretName.SecretName
const id = (s: string): VersionId.VersionId => s as VersionId.VersionId
const label = (s: string): StageLabel.StageLabel => s as StageLabel.StageLabel
const v = (versionId: string, createdAt = 0) => ({
  versionId: id(versionId),
  createdAt,
  value: `value of ${versionId}`,
})

/** The labels of each version, as `id: labels` lines, for readable whole-value comparisons. */
const layout = (s: Secret.Secret<string>): ReadonlyArray<string> =>
  s.versions.map((x) => `${x.versionId}: ${x.stages.join(',')}`)
const layoutOf = (r: E.Either<unknown, Secret.Secret<string>>) => E.map(layout)(r)

type S = Secret.Secret<string>
type Result = E.Either<unknown, S>
// Monomorphic wrappers: fp-ts's overloaded flatMap does not infer the curried generic transitions.
const put =
  (next: Secret.NewVersion<string>, stages?: ReadonlyArray<StageLabel.StageLabel>) =>
  (r: Result): Result =>
    E.flatMap((s: S) => Secret.putVersion(rules)(next, stages)(s))(r)
const moveIn =
  (m: Parameters<ReturnType<typeof Secret.moveStage>>[0]) =>
  (r: Result): Result =>
    E.flatMap((s: S) => Secret.moveStage(rules)(m)(s))(r)

const initial = Secret.create(rules)(name, v('v1', 10))

describe('create', () => {
  it('makes one version that carries exactly the current label', () => {
    expect(initial).toStrictEqual({
      name,
      createdAt: 10,
      versions: [{ versionId: 'v1', createdAt: 10, value: 'value of v1', stages: ['Current'] }],
    })
  })
})

describe('putVersion', () => {
  it('without stages makes the new version current and the old one previous', () => {
    const two = Secret.putVersion(rules)(v('v2'))(initial)
    expect(layoutOf(two)).toStrictEqual(E.right(['v1: Previous', 'v2: Current']))
    const three = put(v('v3'))(two)
    expect(layoutOf(three)).toStrictEqual(E.right(['v1: ', 'v2: Previous', 'v3: Current']))
  })

  it('with stages gives the new version exactly those labels and leaves current alone', () => {
    const r = Secret.putVersion(rules)(v('v2'), [label('Pending')])(initial)
    expect(layoutOf(r)).toStrictEqual(E.right(['v1: Current', 'v2: Pending']))
  })

  it('with stages that include current moves previous as well', () => {
    const r = Secret.putVersion(rules)(v('v2'), [label('Current'), label('Extra')])(initial)
    expect(layoutOf(r)).toStrictEqual(E.right(['v1: Previous', 'v2: Current,Extra']))
  })

  it('gives the new version every listed label, in whatever order current and previous are listed', () => {
    for (const stages of [
      ['Current', 'Previous'],
      ['Previous', 'Current'],
    ]) {
      const r = Secret.putVersion(rules)(v('v2'), stages.map(label))(initial)
      expect(layoutOf(r)).toStrictEqual(E.right(['v1: ', 'v2: Current,Previous']))
    }
  })

  it('moves a custom label from the version that had it', () => {
    const r = put(v('v3'), [label('Pending')])(Secret.putVersion(rules)(v('v2'), [label('Pending')])(initial))
    expect(layoutOf(r)).toStrictEqual(E.right(['v1: Current', 'v2: ', 'v3: Pending']))
  })

  it('refuses an existing version id', () => {
    expect(Secret.putVersion(rules)(v('v1'))(initial)).toStrictEqual(
      E.left({ _tag: 'VersionAlreadyExists', versionId: 'v1' }),
    )
  })

  it('refuses a label beyond the limit and accepts the limit itself', () => {
    const four = Secret.putVersion(rules)(v('v2'), ['A', 'B', 'C'].map(label))(initial)
    expect(E.map((x: S) => Secret.stages(x))(four)).toStrictEqual(E.right(['Current', 'A', 'B', 'C']))
    expect(put(v('v3'), [label('D')])(four)).toStrictEqual(E.left({ _tag: 'StageLabelLimitExceeded', limit: 4 }))
  })

  it('prunes the oldest unlabeled versions first, never a labeled one', () => {
    let s: Result = E.right(initial)
    s = put(v('v2'), [label('Keep')])(s)
    for (const n of [3, 4, 5, 6, 7]) s = put(v(`v${n}`))(s)
    expect(layoutOf(s)).toStrictEqual(E.right(['v2: Keep', 'v4: ', 'v5: ', 'v6: Previous', 'v7: Current']))
  })
})

describe('stage lists', () => {
  it('are frozen arrays shared between versions when they hold no label or one', () => {
    const steps = (prefix: string) =>
      put(v(`${prefix}4`))(
        put(v(`${prefix}3`), [label('Mine')])(
          put(v(`${prefix}2`))(E.right(Secret.create(rules)(name, v(`${prefix}1`)))),
        ),
      )
    const [one, other] = [steps('v'), steps('w')]
    expect(layoutOf(one)).toStrictEqual(E.right(['v1: ', 'v2: Previous', 'v3: Mine', 'v4: Current']))
    const listsOf = (r: Result) => (E.isRight(r) ? r.right.versions.map((x) => x.stages) : [])
    listsOf(one).forEach((stages, i) => {
      expect(Object.isFrozen(stages)).toBe(true)
      expect(stages).toBe(listsOf(other)[i])
    })
  })
})

describe('moveStage', () => {
  const two = Secret.putVersion(rules)(v('v2'), [label('Pending')])(initial)
  const move = (m: Parameters<ReturnType<typeof Secret.moveStage>>[0]) => moveIn(m)(two)

  it('attaches a label to a version, taking it from wherever it was', () => {
    expect(layoutOf(move({ stage: label('Pending'), to: id('v1') }))).toStrictEqual(
      E.right(['v1: Current,Pending', 'v2: ']),
    )
  })

  it('moves current and hands previous to the old current version', () => {
    expect(layoutOf(move({ stage: label('Current'), from: id('v1'), to: id('v2') }))).toStrictEqual(
      E.right(['v1: Previous', 'v2: Pending,Current']),
    )
  })

  it('moving current onto the version that has it changes nothing', () => {
    expect(move({ stage: label('Current'), to: id('v1') })).toStrictEqual(two)
  })

  it('removes a custom label', () => {
    expect(layoutOf(move({ stage: label('Pending'), from: id('v2') }))).toStrictEqual(E.right(['v1: Current', 'v2: ']))
  })

  it('refuses to remove the current or previous label without a destination', () => {
    expect(move({ stage: label('Current'), from: id('v1') })).toStrictEqual(
      E.left({ _tag: 'ProtectedStageLabel', stage: 'Current' }),
    )
    const moved = moveIn({ stage: label('Current'), to: id('v2') })(two)
    expect(moveIn({ stage: label('Previous'), from: id('v1') })(moved)).toStrictEqual(
      E.left({ _tag: 'ProtectedStageLabel', stage: 'Previous' }),
    )
  })

  it('refuses a source that does not carry the label, and unknown versions', () => {
    expect(move({ stage: label('Pending'), from: id('v1'), to: id('v2') })).toStrictEqual(
      E.left({ _tag: 'StageLabelNotOnVersion', stage: 'Pending', versionId: 'v1' }),
    )
    expect(move({ stage: label('Pending'), to: id('v9') })).toStrictEqual(
      E.left({ _tag: 'VersionNotFound', versionId: 'v9' }),
    )
    expect(move({ stage: label('Pending'), from: id('v9') })).toStrictEqual(
      E.left({ _tag: 'VersionNotFound', versionId: 'v9' }),
    )
  })

  it('refuses a move without source or destination', () => {
    expect(move({ stage: label('Pending') })).toStrictEqual(E.left({ _tag: 'StageMoveUnspecified', stage: 'Pending' }))
  })

  it('refuses a new label beyond the limit', () => {
    const full = Secret.putVersion(rules)(v('v2'), ['A', 'B', 'C'].map(label))(initial)
    expect(moveIn({ stage: label('D'), to: id('v1') })(full)).toStrictEqual(
      E.left({ _tag: 'StageLabelLimitExceeded', limit: 4 }),
    )
  })
})

describe('queries', () => {
  it('finds versions by id and by label', () => {
    expect(O.map((x: { versionId: string }) => x.versionId)(Secret.findByStage('Current')(initial))).toStrictEqual(
      O.some('v1'),
    )
    expect(Secret.findVersion('v2')(initial)).toStrictEqual(O.none)
    expect(Secret.findByStage('Nope')(initial)).toStrictEqual(O.none)
  })

  it('maps values without touching ids or labels', () => {
    expect(Secret.map((s: string) => s.length)(initial).versions).toStrictEqual([
      { versionId: 'v1', createdAt: 10, value: 11, stages: ['Current'] },
    ])
  })
})

// -------------------------------------------------------------------------------------
// properties: any sequence of transitions keeps every invariant
// -------------------------------------------------------------------------------------

type Step =
  | { readonly kind: 'put'; readonly versionId: string; readonly stages?: ReadonlyArray<string> }
  | { readonly kind: 'move'; readonly stage: string; readonly from?: string; readonly to?: string }

const labelArb = fc.constantFrom('Current', 'Previous', 'A', 'B', 'C', 'D', 'E')
const idArb = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `v${i}`))
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record(
    { kind: fc.constant('put' as const), versionId: idArb, stages: fc.array(labelArb, { maxLength: 4 }) },
    {
      requiredKeys: ['kind', 'versionId'],
    },
  ),
  fc.record(
    { kind: fc.constant('move' as const), stage: labelArb, from: idArb, to: idArb },
    {
      requiredKeys: ['kind', 'stage'],
    },
  ),
)

const apply = (s: Secret.Secret<string>, step: Step, t: number) =>
  step.kind === 'put'
    ? Secret.putVersion(rules)(
        { versionId: id(step.versionId), createdAt: t, value: step.versionId },
        step.stages?.map(label),
      )(s)
    : Secret.moveStage(rules)({
        stage: label(step.stage),
        ...(step.from !== undefined ? { from: id(step.from) } : {}),
        ...(step.to !== undefined ? { to: id(step.to) } : {}),
      })(s)

describe('invariants', () => {
  it('hold after every step of any sequence, and a refused step changes nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let s = Secret.create(rules)(name, { versionId: id('v0'), createdAt: 0, value: 'v0' })
        expect(Secret.invariantViolations(rules)(s)).toStrictEqual([])
        steps.forEach((step, i) => {
          // A copy taken before the step: a refused step that mutated its input would differ from it.
          const before = structuredClone(s)
          const next = apply(s, step, i + 1)
          if (E.isRight(next)) s = next.right
          else expect(s).toStrictEqual(before)
          expect(Secret.invariantViolations(rules)(s)).toStrictEqual([])
          // a version's value never changes once written
          for (const version of s.versions) expect(version.value).toBe(version.versionId)
        })
      }),
    )
  })

  it('a put version is readable right after it is written', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), idArb, (steps, newId) => {
        let s = Secret.create(rules)(name, { versionId: id('v0'), createdAt: 0, value: 'v0' })
        steps.forEach((step, i) => {
          const next = apply(s, step, i + 1)
          if (E.isRight(next)) s = next.right
        })
        const put = apply(s, { kind: 'put', versionId: newId }, 100)
        const labels = new Set([...Secret.stages(s), 'Current', 'Previous'])
        if (O.isSome(Secret.findVersion(newId)(s))) {
          expect(put).toStrictEqual(E.left({ _tag: 'VersionAlreadyExists', versionId: newId }))
        } else if (labels.size > rules.maxStages) {
          // handing on the previous label would be one label too many
          expect(put).toStrictEqual(E.left({ _tag: 'StageLabelLimitExceeded', limit: rules.maxStages }))
        } else {
          expect(E.map((x: S) => Secret.findByStage('Current')(x))(put)).toStrictEqual(
            E.right(O.some({ versionId: newId, createdAt: 100, value: newId, stages: ['Current'] })),
          )
        }
      }),
    )
  })

  it('invariantViolations reports broken secrets', () => {
    const broken: Secret.Secret<string> = {
      name,
      createdAt: 0,
      versions: [
        { versionId: id('v1'), createdAt: 0, value: '', stages: [label('Current')] },
        { versionId: id('v1'), createdAt: 0, value: '', stages: [label('Current')] },
      ],
    }
    expect(Secret.invariantViolations(rules)(broken)).toStrictEqual([
      'version ids are not unique',
      'a stage label marks more than one version',
      '2 versions carry Current',
    ])
  })
})
