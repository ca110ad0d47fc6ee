/**
 * UpdateSecretStage (`PUT /secrets/{name}/stages/{stage}` with `{version_id}`): the stage marks that
 * version from now on (moving SYSCURRENT hands SYSPREVIOUS to the version that had it). A version id
 * that is not `v` and digits is 400 CSMS.0002, a version that does not exist 404 CSMS.0005, a 13th
 * stage 400 CSMS.0203, a pending deletion 400 CSMS.0103.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import {
  attach,
  exceedsStages,
  existing,
  invalid,
  isSecret,
  notFound,
  ok,
  pathOf,
  request,
  stageLimit,
  validName,
  versionAt,
  type HuaweiCommand,
} from '../Model.js'
import * as Pools from '../Pools.js'

/**
 * One UpdateSecretStage request: `stage` to the version at `index` among the secret's versions (see
 * `versionAt`), or to `latest`.
 *
 * @since 0.1.0
 */
export const updateSecretStageRequest = ({
  name,
  stage,
  index,
}: {
  readonly name: string
  readonly stage: string
  readonly index: number | 'latest'
}): HuaweiCommand =>
  request('updateSecretStage', (m) => {
    const versionId = index === 'latest' ? index : versionAt(m, name, index, 'v99')
    const sent = {
      method: 'PUT',
      path: pathOf(m, ['secrets', name, 'stages', stage]),
      body: { version_id: versionId },
    }
    // The name, the stage and the body are checked before the secret is read.
    if (!validName(name) || !/^v[0-9]*$/.test(versionId)) return { sent, expected: invalid }
    const secret = existing(m, name, 'refused')
    if (!isSecret(secret)) return { sent, expected: secret }
    const to = secret.versions.find((v) => v.id === versionId)
    if (to === undefined) return { sent, expected: notFound }
    if (exceedsStages(secret, [stage], to)) return { sent, expected: stageLimit }
    const moves = !to.stages.includes(stage)
    const time = moves ? m.now : (secret.stageTimes.get(stage) ?? m.now)
    return {
      sent,
      expected: ok({ stage: { name: stage, secret_name: secret.name, update_time: time, version_id: versionId } }),
      change: () => {
        attach(secret, stage, to, m.now)
        secret.updateTime = m.now
      },
    }
  })

/** @since 0.1.0 */
export const updateSecretStage: fc.Arbitrary<HuaweiCommand> = fc
  .record({
    name: Pools.reference,
    stage: Pools.stage,
    index: fc.oneof({ weight: 12, arbitrary: Pools.versionIndex }, { weight: 1, arbitrary: fc.constant('latest') }),
  })
  .map(updateSecretStageRequest)
