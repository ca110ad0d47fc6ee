/**
 * UntagResource: removes tag keys from one secret (keys it does not have are ignored); 409 while
 * pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand, type ModelSecret } from '../Model.js'
import * as Pools from '../Pools.js'

/** Removes the tags with these keys; keys the secret does not have are ignored. */
export const removeTags = (secret: ModelSecret, keys: ReadonlyArray<string>): void => {
  secret.tags = secret.tags.filter((t) => !keys.includes(t.key))
}

/** @since 0.1.0 */
export const untagResource = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .record({
      reference: Pools.reference(region, accountId),
      keys: fc.uniqueArray(Pools.tagKey, { minLength: 1, maxLength: 2 }),
    })
    .map(({ reference, keys }) =>
      request('UntagResource', params({ SecretName: reference, TagKeys: JSON.stringify(keys) }), (m) => {
        const secret = existing(m, reference, 'refused')
        if (!isSecret(secret)) return { expected: secret }
        return {
          expected: success(),
          change: () => removeTags(secret, keys),
        }
      }),
    )
