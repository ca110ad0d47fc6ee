/**
 * DeleteSecret (`DELETE /secrets/{name}`): gone at once, in every state; 200 with an empty body.
 *
 * @since 0.1.0
 */
import type fc from 'fast-check'
import { existing, isSecret, ok, pathOf, request, type HuaweiCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const deleteSecret: fc.Arbitrary<HuaweiCommand> = Pools.reference.map((name) =>
  request('deleteSecret', (m) => {
    const sent = { method: 'DELETE', path: pathOf(m, ['secrets', name]) }
    const secret = existing(m, name, 'works')
    if (!isSecret(secret)) return { sent, expected: secret }
    return { sent, expected: ok({}), change: () => m.secrets.delete(name) }
  }),
)
