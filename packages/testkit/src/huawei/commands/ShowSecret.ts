/**
 * ShowSecret (`GET /secrets/{name}`): the metadata, in every state; 404 CSMS.0106 when absent.
 *
 * @since 0.1.0
 */
import type fc from 'fast-check'
import { existing, isSecret, ok, pathOf, request, secretBody, type HuaweiCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const showSecret: fc.Arbitrary<HuaweiCommand> = Pools.reference.map((name) =>
  request('showSecret', (m) => {
    const sent = { method: 'GET', path: pathOf(m, ['secrets', name]) }
    const secret = existing(m, name, 'works')
    return { sent, expected: isSecret(secret) ? ok({ secret: secretBody(secret) }) : secret }
  }),
)
