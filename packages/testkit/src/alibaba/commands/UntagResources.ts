/**
 * UntagResources (the batch API): removes `TagKey.N` from every `ResourceId.N`; an unknown id is 404
 * `InvalidResourceId.NotFound`; 409 if any secret is pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success } from '../Expectation.js'
import { params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'
import { batchOf, resourceIds } from './TagResources.js'
import { removeTags } from './UntagResource.js'

/** @since 0.1.0 */
export const untagResources = (region: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      ids: fc.uniqueArray(Pools.name, { minLength: 1, maxLength: 2 }),
      keys: fc.uniqueArray(Pools.tagKey, { minLength: 1, maxLength: 2 }),
    })
    .map(({ ids, keys }) =>
      request(
        'UntagResources',
        params({
          RegionId: region,
          ResourceType: 'secret',
          ...resourceIds(ids),
          ...Object.fromEntries(keys.map((k, i) => [`TagKey.${i + 1}`, k])),
        }),
        (m) => {
          const secrets = batchOf(m, ids)
          if ('ok' in secrets) return { expected: secrets }
          return {
            expected: success(),
            change: () => {
              for (const secret of secrets) removeTags(secret, keys)
            },
          }
        },
      ),
    )
