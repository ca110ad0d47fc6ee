/**
 * CreateSecret (`POST /secrets`) of a COMMON secret with a string value: v1 with SYSCURRENT. A live
 * name is 400 CSMS.0109, a name whose deletion is pending 400 CSMS.0107, an invalid name 400 CSMS.0002.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { alreadyPending, CURRENT, invalid, ok, pathOf, request, secretBody, secretExists, validName } from '../Model.js'
import type { HuaweiCommand, HuaweiModelSecret } from '../Model.js'
import * as Pools from '../Pools.js'

/**
 * One CreateSecret request of `name` with `value` (and `description` when given).
 *
 * @since 0.1.0
 */
export const createSecretRequest = ({
  name,
  value,
  description,
}: {
  readonly name: string
  readonly value: string
  readonly description: string | undefined
}): HuaweiCommand =>
  request('createSecret', (m) => {
    const sent = {
      method: 'POST',
      path: pathOf(m, ['secrets']),
      body: { name, secret_string: value, ...(description === undefined ? {} : { description }) },
    }
    if (!validName(name)) return { sent, expected: invalid }
    const taken = m.secrets.get(name)
    if (taken !== undefined) {
      return { sent, expected: taken.scheduledDeleteAt === undefined ? secretExists : alreadyPending }
    }
    const secret: HuaweiModelSecret = {
      name,
      createdAt: m.now,
      updateTime: m.now,
      description: description ?? '',
      versions: [{ id: 'v1', number: 1, value, createdAt: m.now, stages: [CURRENT] }],
      lastVersion: 1,
      stageTimes: new Map([[CURRENT, m.now]]),
    }
    return { sent, expected: ok({ secret: secretBody(secret) }), change: () => m.secrets.set(name, secret) }
  })

/** @since 0.1.0 */
export const createSecret: fc.Arbitrary<HuaweiCommand> = fc
  .record({ name: Pools.reference, value: Pools.value, description: Pools.optional(Pools.description) })
  .map(createSecretRequest)
