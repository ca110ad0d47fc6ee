/**
 * ShowSecretStage (`GET /secrets/{name}/stages/{stage}`): the version the stage marks and when it
 * moved there, in every state; 404 CSMS.0005 for a stage no version carries.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { existing, holderOf, isSecret, notFound, ok, pathOf, request, type HuaweiCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const showSecretStage: fc.Arbitrary<HuaweiCommand> = fc
  .record({ name: Pools.reference, stage: Pools.stage })
  .map(({ name, stage }) =>
    request('showSecretStage', (m) => {
      const sent = { method: 'GET', path: pathOf(m, ['secrets', name, 'stages', stage]) }
      const secret = existing(m, name, 'works')
      if (!isSecret(secret)) return { sent, expected: secret }
      const holder = holderOf(secret, stage)
      if (holder === undefined) return { sent, expected: notFound }
      return {
        sent,
        expected: ok({
          stage: {
            name: stage,
            secret_name: secret.name,
            update_time: secret.stageTimes.get(stage) ?? secret.updateTime,
            version_id: holder.id,
          },
        }),
      }
    }),
  )
