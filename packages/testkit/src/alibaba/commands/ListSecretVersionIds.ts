/**
 * ListSecretVersionIds: the versions in creation order, unlabeled ones only with
 * `IncludeDeprecated=true`, paged (`PageSize` default 20); works while pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success, wireDate } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const listSecretVersionIds = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      includeDeprecated: Pools.optional(fc.constantFrom('true', 'false')),
      page: Pools.optional(fc.record({ size: fc.integer({ min: 1, max: 4 }), number: fc.integer({ min: 1, max: 4 }) })),
    })
    .map(({ reference, includeDeprecated, page }) =>
      request(
        'ListSecretVersionIds',
        params({
          SecretName: reference,
          IncludeDeprecated: includeDeprecated,
          PageSize: page === undefined ? undefined : String(page.size),
          PageNumber: page === undefined ? undefined : String(page.number),
        }),
        (m) => {
          const secret = existing(m, reference, 'works')
          if (!isSecret(secret)) return { expected: secret }
          const shown = secret.versions.filter((v) => includeDeprecated === 'true' || v.stages.length > 0)
          const size = page?.size ?? 20
          const number = page?.number ?? 1
          return {
            expected: success({
              SecretName: secret.name,
              PageNumber: number,
              PageSize: size,
              TotalCount: shown.length,
              VersionIds: {
                VersionId: shown.slice((number - 1) * size, number * size).map((v) => ({
                  VersionId: v.id,
                  CreateTime: wireDate(v.createdAt),
                  VersionStages: { VersionStage: v.stages },
                })),
              },
            }),
          }
        },
      ),
    )
