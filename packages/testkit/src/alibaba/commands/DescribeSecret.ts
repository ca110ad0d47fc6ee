/**
 * DescribeSecret: the metadata, `PlannedDeleteTime` while pending deletion, tags with
 * `FetchTags=true`; works while pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { dateBetween, nonEmptyString, success, wireDate } from '../Expectation.js'
import { arnOf, existing, isSecret, params, request, type AlibabaCommand, type ModelSecret } from '../Model.js'
import * as Pools from '../Pools.js'

/** The `Tags` field of DescribeSecret and ListSecrets. */
export const tagsField = (secret: ModelSecret): { readonly Tag: ReadonlyArray<Record<string, string>> } => ({
  Tag: secret.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })),
})

/** @since 0.1.0 */
export const describeSecret = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      fetchTags: Pools.optional(fc.constantFrom('true', 'false')),
    })
    .map(({ reference, fetchTags }) =>
      request('DescribeSecret', params({ SecretName: reference, FetchTags: fetchTags }), (m) => {
        const secret = existing(m, reference, 'works')
        if (!isSecret(secret)) return { expected: secret }
        return {
          expected: success({
            Arn: arnOf(m, secret.name),
            SecretName: secret.name,
            Description: secret.description,
            CreateTime: wireDate(secret.createdAt),
            UpdateTime: dateBetween(secret.createdAt, m.now),
            EncryptionKeyId: nonEmptyString,
            SecretType: 'Generic',
            ...(secret.plannedDeleteAt !== undefined ? { PlannedDeleteTime: wireDate(secret.plannedDeleteAt) } : {}),
            ...(fetchTags === 'true' ? { Tags: tagsField(secret) } : {}),
          }),
        }
      }),
    )
