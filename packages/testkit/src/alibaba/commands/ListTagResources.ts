/**
 * ListTagResources: one row per tag of the named secrets (all secrets when none is named), in one
 * page with an empty `NextToken` at this size.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success } from '../Expectation.js'
import { params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'
import { resourceIds } from './TagResources.js'

/** @since 0.1.0 */
export const listTagResources = (region: string): fc.Arbitrary<AlibabaCommand> =>
  fc.uniqueArray(Pools.name, { minLength: 0, maxLength: 2 }).map((ids) =>
    request('ListTagResources', params({ RegionId: region, ResourceType: 'secret', ...resourceIds(ids) }), (m) => {
      const secrets = ids.length === 0 ? [...m.secrets.values()] : ids.map((id) => m.secrets.get(id))
      if (secrets.some((s) => s === undefined)) return { expected: failure('InvalidResourceId.NotFound', 404) }
      return {
        expected: success({
          NextToken: '',
          TagResources: {
            TagResource: secrets.flatMap((s) =>
              (s?.tags ?? []).map((t) => ({
                ResourceType: 'secret',
                ResourceId: s?.name,
                TagKey: t.key,
                TagValue: t.value,
              })),
            ),
          },
        }),
      }
    }),
  )
