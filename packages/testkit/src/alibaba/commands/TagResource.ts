/**
 * TagResource: adds tags to one secret, a tag key already there takes the new value; 409 while
 * pending deletion.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { success } from '../Expectation.js'
import { existing, isSecret, params, request, type AlibabaCommand, type ModelSecret } from '../Model.js'
import * as Pools from '../Pools.js'

/** Adds or replaces tags, keeping each key where it first appeared. */
export const addTags = (
  secret: ModelSecret,
  tags: ReadonlyArray<{ readonly key: string; readonly value: string }>,
): void => {
  for (const tag of tags) {
    const held = secret.tags.find((t) => t.key === tag.key)
    if (held !== undefined) held.value = tag.value
    else secret.tags.push({ ...tag })
  }
}

/** @since 0.1.0 */
export const tagResource = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc.record({ reference: Pools.reference(region, accountId), tags: Pools.tags }).map(({ reference, tags }) =>
    request(
      'TagResource',
      params({ SecretName: reference, Tags: JSON.stringify(tags.map((t) => ({ TagKey: t.key, TagValue: t.value }))) }),
      (m) => {
        const secret = existing(m, reference, 'refused')
        if (!isSecret(secret)) return { expected: secret }
        return { expected: success(), change: () => addTags(secret, tags) }
      },
    ),
  )
