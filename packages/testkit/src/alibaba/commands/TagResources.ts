/**
 * TagResources (the batch API, `ResourceId.N` and `Tag.N.Key`): an unknown id is 404
 * `InvalidResourceId.NotFound` and tags nothing; 409 if any secret is pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success, type Expectation } from '../Expectation.js'
import { inDeleteWindow, params, request, type AlibabaCommand, type Model, type ModelSecret } from '../Model.js'
import * as Pools from '../Pools.js'
import { addTags } from './TagResource.js'

/** The `ResourceId.N` parameters. */
export const resourceIds = (ids: ReadonlyArray<string>): Record<string, string> =>
  Object.fromEntries(ids.map((id, i) => [`ResourceId.${i + 1}`, id]))

/**
 * The secrets of a batch request, or its error: each id in order, the first that is unknown (404)
 * or pending deletion (409) fails the batch.
 */
export const batchOf = (m: Model, ids: ReadonlyArray<string>): ReadonlyArray<ModelSecret> | Expectation => {
  const secrets: Array<ModelSecret> = []
  for (const id of ids) {
    const secret = m.secrets.get(id)
    if (secret === undefined) return failure('InvalidResourceId.NotFound', 404)
    if (secret.plannedDeleteAt !== undefined) return inDeleteWindow
    secrets.push(secret)
  }
  return secrets
}

/** @since 0.1.0 */
export const tagResources = (region: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({ ids: fc.uniqueArray(Pools.name, { minLength: 1, maxLength: 2 }), tags: Pools.tags })
    .map(({ ids, tags }) =>
      request(
        'TagResources',
        params({
          RegionId: region,
          ResourceType: 'secret',
          ...resourceIds(ids),
          ...Object.fromEntries(
            tags.flatMap((t, i) => [
              [`Tag.${i + 1}.Key`, t.key],
              [`Tag.${i + 1}.Value`, t.value],
            ]),
          ),
        }),
        (m) => {
          const secrets = batchOf(m, ids)
          if ('ok' in secrets) return { expected: secrets }
          return {
            expected: success(),
            change: () => {
              for (const secret of secrets) addTags(secret, tags)
            },
          }
        },
      ),
    )
