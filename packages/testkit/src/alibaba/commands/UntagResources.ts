/**
 * UntagResources (the batch API): removes `TagKey.N` from every `ResourceId.N`; an unknown id is 404
 * `InvalidResourceId.NotFound`; 409 if any secret is pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success } from '../Expectation.js'
import { inDeleteWindow, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'
import { resourceIds } from './TagResources.js'

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
          const secrets = ids.map((id) => m.secrets.get(id))
          // Each id in order: the first that is unknown (404) or pending deletion (409) fails the batch.
          for (const s of secrets) {
            if (s === undefined) return { expected: failure('InvalidResourceId.NotFound', 404) }
            if (s.plannedDeleteAt !== undefined) return { expected: inDeleteWindow }
          }
          return {
            expected: success(),
            change: () => {
              for (const secret of secrets)
                if (secret !== undefined) secret.tags = secret.tags.filter((t) => !keys.includes(t.key))
            },
          }
        },
      ),
    )
