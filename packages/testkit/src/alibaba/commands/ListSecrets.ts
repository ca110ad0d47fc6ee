/**
 * ListSecrets: every secret (pending deletion included, expired ones not) by creation time then
 * name, paged (`PageSize` default 10), `TotalCount` counting all.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { dateBetween, success, wireDate } from '../Expectation.js'
import { params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'
import { tagsField } from './DescribeSecret.js'

/** @since 0.1.0 */
export const listSecrets: fc.Arbitrary<AlibabaCommand> = fc
  .record({
    fetchTags: Pools.optional(fc.constantFrom('true', 'false')),
    page: Pools.optional(fc.record({ size: fc.integer({ min: 1, max: 3 }), number: fc.integer({ min: 1, max: 3 }) })),
  })
  .map(({ fetchTags, page }) =>
    request(
      'ListSecrets',
      params({
        FetchTags: fetchTags,
        PageSize: page === undefined ? undefined : String(page.size),
        PageNumber: page === undefined ? undefined : String(page.number),
      }),
      (m) => {
        const all = [...m.secrets.values()].sort((a, b) =>
          a.createdAt !== b.createdAt ? a.createdAt - b.createdAt : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
        )
        const size = page?.size ?? 10
        const number = page?.number ?? 1
        return {
          expected: success({
            PageNumber: number,
            PageSize: size,
            TotalCount: all.length,
            SecretList: {
              Secret: all.slice((number - 1) * size, number * size).map((s) => ({
                SecretName: s.name,
                SecretType: 'Generic',
                CreateTime: wireDate(s.createdAt),
                UpdateTime: dateBetween(s.createdAt, m.now),
                ...(s.plannedDeleteAt !== undefined ? { PlannedDeleteTime: wireDate(s.plannedDeleteAt) } : {}),
                ...(fetchTags === 'true' ? { Tags: tagsField(s) } : {}),
              })),
            },
          }),
        }
      },
    ),
  )
