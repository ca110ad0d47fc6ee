/**
 * CreateSecret of a Generic secret: a live name is 409 `Rejected.ResourceExist`, a name in its
 * deletion window 409 `Rejected.ResourceInDeleteWindow`; otherwise the secret has one version with
 * ACSCurrent.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { failure, success } from '../Expectation.js'
import { arnOf, CURRENT, params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'

/** @since 0.1.0 */
export const createSecret: fc.Arbitrary<AlibabaCommand> = fc
  .record({
    name: Pools.name,
    versionId: Pools.versionId,
    data: Pools.data,
    dataType: Pools.dataType,
    description: Pools.optional(Pools.description),
    tags: Pools.optional(Pools.tags),
  })
  .map(({ name, versionId, data, dataType, description, tags }) =>
    request(
      'CreateSecret',
      params({
        SecretName: name,
        VersionId: versionId,
        SecretData: data,
        SecretDataType: dataType,
        Description: description,
        Tags: tags === undefined ? undefined : JSON.stringify(tags.map((t) => ({ TagKey: t.key, TagValue: t.value }))),
      }),
      (m) => {
        const taken = m.secrets.get(name)
        if (taken !== undefined) {
          return {
            expected:
              taken.plannedDeleteAt === undefined
                ? failure('Rejected.ResourceExist', 409)
                : failure('Rejected.ResourceInDeleteWindow', 409),
          }
        }
        return {
          expected: success({ Arn: arnOf(m, name), SecretName: name, VersionId: versionId, SecretType: 'Generic' }),
          change: () => {
            m.secrets.set(name, {
              name,
              createdAt: m.now,
              versions: [{ id: versionId, data, dataType: dataType ?? 'text', createdAt: m.now, stages: [CURRENT] }],
              description: description ?? '',
              tags: (tags ?? []).map((t) => ({ ...t })),
            })
          },
        }
      },
    ),
  )
