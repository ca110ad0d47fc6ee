/**
 * DeleteSecretForSchedule (`POST /secrets/{name}/scheduled-deleted-tasks/create`): PENDING_DELETE
 * for 7 to 30 days (other windows are 400 CSMS.0002), then gone at the scheduled time exactly; a
 * deletion already pending is 400 CSMS.0107.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import {
  alreadyPending,
  existing,
  invalid,
  isSecret,
  ok,
  pathOf,
  request,
  secretBody,
  validName,
  type HuaweiCommand,
} from '../Model.js'
import * as Pools from '../Pools.js'
import { days } from '../../Clock.js'

/** @since 0.1.0 */
export const deleteSecretForSchedule: fc.Arbitrary<HuaweiCommand> = fc
  .record({
    name: Pools.reference,
    window: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(7, 8, 30) },
      { weight: 1, arbitrary: fc.constantFrom(6, 31) },
    ),
  })
  .map(({ name, window }) =>
    request('deleteSecretForSchedule', (m) => {
      const sent = {
        method: 'POST',
        path: pathOf(m, ['secrets', name, 'scheduled-deleted-tasks', 'create']),
        body: { recovery_window_in_days: window },
      }
      // The name and the body are checked before the secret is read.
      if (!validName(name) || window < 7 || window > 30) return { sent, expected: invalid }
      const secret = existing(m, name, 'works')
      if (!isSecret(secret)) return { sent, expected: secret }
      if (secret.scheduledDeleteAt !== undefined) return { sent, expected: alreadyPending }
      const at = m.now + days(window)
      return {
        sent,
        expected: ok({ secret: secretBody({ ...secret, scheduledDeleteAt: at, updateTime: m.now }) }),
        change: () => {
          secret.scheduledDeleteAt = at
          secret.updateTime = m.now
        },
      }
    }),
  )
