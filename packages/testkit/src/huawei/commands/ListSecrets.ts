/**
 * ListSecrets (`GET /secrets?limit=&marker=`): the metadata of every secret, pending ones too, in
 * name order, after the marker (a name); `limit` 0 is 400 CSMS.0002.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { invalid, ok, page, pathOf, request, secretBody, type HuaweiCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const listSecrets: fc.Arbitrary<HuaweiCommand> = fc
  .record({ limit: Pools.limit, marker: Pools.optional(Pools.name) })
  .map(({ limit, marker }) =>
    request('listSecrets', (m) => {
      const sent = { method: 'GET', path: pathOf(m, ['secrets'], { limit, marker }) }
      if (limit === '0') return { sent, expected: invalid }
      const sorted = [...m.secrets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      const { items, page_info } = page(
        sorted,
        (s) => s.name,
        (s) => marker === undefined || s.name > marker,
        limit === undefined ? 50 : Number(limit),
      )
      return { sent, expected: ok({ secrets: items.map(secretBody), page_info }) }
    }),
  )
