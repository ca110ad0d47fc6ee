/**
 * RestoreSecret (`POST /secrets/{name}/scheduled-deleted-tasks/cancel`): cancels a pending deletion,
 * back to ENABLED; a secret with none pending is 400 CSMS.0108.
 *
 * @since 0.1.0
 */
import {
  existing,
  isSecret,
  notPending,
  ok,
  pathOf,
  request,
  secretBody,
  type HuaweiCommand,
  type HuaweiModelSecret,
} from '../Model.js'
import * as Pools from '../Pools.js'
import type fc from 'fast-check'

/** @since 0.1.0 */
export const restoreSecret: fc.Arbitrary<HuaweiCommand> = Pools.reference.map((name) =>
  request('restoreSecret', (m) => {
    const sent = { method: 'POST', path: pathOf(m, ['secrets', name, 'scheduled-deleted-tasks', 'cancel']) }
    const secret = existing(m, name, 'works')
    if (!isSecret(secret)) return { sent, expected: secret }
    if (secret.scheduledDeleteAt === undefined) return { sent, expected: notPending }
    const { scheduledDeleteAt: _, ...rest } = secret
    const after: HuaweiModelSecret = { ...rest, updateTime: m.now }
    return {
      sent,
      expected: ok({ secret: secretBody(after) }),
      change: () => {
        delete secret.scheduledDeleteAt
        secret.updateTime = m.now
      },
    }
  }),
)
