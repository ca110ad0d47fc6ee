/**
 * DeleteSecretStage (`DELETE /secrets/{name}/stages/{stage}`): 204, the stage marks no version any
 * more. SYSCURRENT and SYSPREVIOUS are 400 CSMS.0105, a stage no version carries 404 CSMS.0005, a
 * pending deletion 400 CSMS.0103 (checked first).
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import {
  CURRENT,
  existing,
  holderOf,
  isSecret,
  notFound,
  ok,
  pathOf,
  PREVIOUS,
  request,
  systemStage,
  type HuaweiCommand,
} from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const deleteSecretStage: fc.Arbitrary<HuaweiCommand> = fc
  .record({ name: Pools.reference, stage: Pools.stage })
  .map(({ name, stage }) =>
    request('deleteSecretStage', (m) => {
      const sent = { method: 'DELETE', path: pathOf(m, ['secrets', name, 'stages', stage]) }
      const secret = existing(m, name, 'refused')
      if (!isSecret(secret)) return { sent, expected: secret }
      if (stage === CURRENT || stage === PREVIOUS) return { sent, expected: systemStage }
      const holder = holderOf(secret, stage)
      if (holder === undefined) return { sent, expected: notFound }
      return {
        sent,
        expected: ok({}, 204),
        change: () => {
          holder.stages = holder.stages.filter((s) => s !== stage)
          secret.stageTimes.delete(stage)
          secret.updateTime = m.now
        },
      }
    }),
  )
