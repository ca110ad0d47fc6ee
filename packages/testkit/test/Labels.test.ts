// The label limit of both models counts the previous label that moving the current one hands on, as
// the core does. The Huawei scenarios run the model's own commands against our CSMS engine: a model
// that forgot SYSPREVIOUS would predict success where the engine answers CSMS.0203, and fail the run.
import { createCsms, defaults } from '@secrets-engine/huawei'
import { manualClock, seededRandom } from '@secrets-engine/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exceedsLabelLimit, type LabelRules } from '../src/Labels.js'
import { createSecretRequest } from '../src/huawei/commands/CreateSecret.js'
import { createSecretVersionRequest } from '../src/huawei/commands/CreateSecretVersion.js'
import { updateSecretStageRequest } from '../src/huawei/commands/UpdateSecretStage.js'
import { emptyHuaweiModel, type HuaweiCommand, type HuaweiModel, type HuaweiReal } from '../src/huawei/Model.js'
import { customStages } from '../src/huawei/Pools.js'
import { fromCsms } from '../src/huawei/Target.js'

const rules: LabelRules = { current: 'CUR', previous: 'PREV', maxLabels: 3 }

describe('exceedsLabelLimit', () => {
  it('counts the labels held and the ones put, each once', () => {
    const versions = [{ stages: ['CUR', 'A'] }, { stages: ['B'] }]
    expect(exceedsLabelLimit(rules, versions, ['A'], versions[1])).toBe(false)
    expect(exceedsLabelLimit(rules, versions, ['C'])).toBe(true)
  })

  it('counts the previous label when the current one moves, and only then', () => {
    const versions = [{ stages: ['CUR'] }, { stages: ['A', 'B'] }]
    expect(exceedsLabelLimit(rules, versions, ['CUR'])).toBe(true)
    expect(exceedsLabelLimit(rules, versions, ['CUR'], versions[1])).toBe(true)
    expect(exceedsLabelLimit(rules, versions, ['CUR'], versions[0])).toBe(false)
    expect(exceedsLabelLimit(rules, [{ stages: ['CUR', 'PREV'] }, { stages: ['A'] }], ['CUR'])).toBe(false)
    // With no current label anywhere, moving it hands nothing on.
    expect(exceedsLabelLimit(rules, [{ stages: ['A'] }, { stages: ['B'] }], ['CUR'])).toBe(false)
  })
})

/** Runs `commands` against a fresh CSMS engine, each prediction checked, and returns the model. */
const run = async (commands: ReadonlyArray<HuaweiCommand>): Promise<HuaweiModel> => {
  const clock = manualClock()
  const csms = createCsms({ now: clock.now, random: seededRandom(1) })
  const model = emptyHuaweiModel(clock.now().getTime(), defaults.projectId)
  const real: HuaweiReal = { target: fromCsms(csms), clock, deviations: [], observed: new Map() }
  await fc.asyncModelRun(() => ({ model, real }), commands)
  return model
}

const name = 'app-db'
const create = createSecretRequest({ name, value: 'alpha', description: undefined })
const newVersion = (stages?: ReadonlyArray<string>): HuaweiCommand =>
  createSecretVersionRequest({ name, value: 'bravo', stages })
const stageOn = (stage: string, index: number): HuaweiCommand => updateSecretStageRequest({ name, stage, index })

const stagesOf = (model: HuaweiModel): ReadonlyArray<readonly [string, ReadonlyArray<string>]> =>
  (model.secrets.get(name)?.versions ?? []).map((v) => [v.id, [...v.stages].sort()])

describe('the Huawei model at twelve stages and no SYSPREVIOUS', () => {
  it('predicts CSMS.0203 for a new current version, which would add SYSPREVIOUS', async () => {
    const model = await run([create, ...customStages.map((s) => stageOn(s, 0)), newVersion()])
    expect(stagesOf(model)).toStrictEqual([['v1', [...customStages, 'SYSCURRENT'].sort()]])
  })

  it('predicts CSMS.0203 for moving SYSCURRENT to another version', async () => {
    const [first, ...rest] = customStages
    const model = await run([
      create,
      newVersion([first ?? '']),
      ...rest.map((s) => stageOn(s, 0)),
      stageOn('SYSCURRENT', 1),
    ])
    expect(stagesOf(model)).toStrictEqual([
      ['v1', [...rest, 'SYSCURRENT'].sort()],
      ['v2', [first]],
    ])
  })

  it('predicts success at twelve stages when SYSPREVIOUS is already one of them', async () => {
    const ten = customStages.slice(0, 10)
    const model = await run([create, newVersion(), ...ten.map((s) => stageOn(s, 0)), newVersion()])
    expect(stagesOf(model)).toStrictEqual([
      ['v1', [...ten].sort()],
      ['v2', ['SYSPREVIOUS']],
      ['v3', ['SYSCURRENT']],
    ])
  })
})
