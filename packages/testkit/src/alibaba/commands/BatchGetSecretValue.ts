/**
 * BatchGetSecretValue: each entry is read as GetSecretValue would read it; successes in
 * `SecretValues`, failures in `Errors` with GetSecretValue's code and status, in request order.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import { nonEmptyString, success } from '../Expectation.js'
import { params, request, type AlibabaCommand } from '../Model.js'
import * as Pools from '../Pools.js'
import { readValue } from './GetSecretValue.js'

/** @since 0.1.0 */
export const batchGetSecretValue = (region: string, accountId: string): fc.Arbitrary<AlibabaCommand> =>
  fc
    .array(
      fc.record(
        { SecretName: Pools.reference(region, accountId), VersionStage: Pools.stage },
        { requiredKeys: ['SecretName'] },
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((entries) =>
      request('BatchGetSecretValue', params({ SecretsList: JSON.stringify(entries) }), (m) => {
        const reads = entries.map((e) => ({ entry: e, read: readValue(m, e.SecretName, undefined, e.VersionStage) }))
        return {
          expected: success({
            SecretValues: reads.flatMap(({ read }) => (read.ok ? [read.body] : [])),
            Errors: reads.flatMap(({ entry, read }) =>
              read.ok
                ? []
                : [
                    {
                      SecretName: entry.SecretName,
                      Code: read.code,
                      HttpStatus: read.httpStatus,
                      Message: nonEmptyString,
                    },
                  ],
            ),
          }),
        }
      }),
    )
