/**
 * UpdateSecret (`PUT /secrets/{name}`) of the description; 400 CSMS.0103 while a deletion is pending.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { existing, isSecret, ok, pathOf, request, secretBody, type HuaweiCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const updateSecret: fc.Arbitrary<HuaweiCommand> = fc
  .record({ name: Pools.reference, description: Pools.description })
  .map(({ name, description }) =>
    request('updateSecret', (m) => {
      const sent = { method: 'PUT', path: pathOf(m, ['secrets', name]), body: { description } }
      const secret = existing(m, name, 'refused')
      if (!isSecret(secret)) return { sent, expected: secret }
      const after = { ...secret, description, updateTime: m.now }
      return {
        sent,
        expected: ok({ secret: secretBody(after) }),
        change: () => {
          secret.description = description
          secret.updateTime = m.now
        },
      }
    }),
  )
