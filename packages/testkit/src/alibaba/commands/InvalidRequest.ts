/**
 * A request that breaks exactly one rule of its operation (from the kit's rule breakers), or names
 * an action that does not exist: the model predicts the rule's error whatever the state, and nothing
 * changes.
 *
 * @since 0.1.0
 */
import { actions, type Action } from '@secrets-engine/alibaba'
import fc from 'fast-check'
import { brokenRequest } from '../Arbitraries.js'
import { failure } from '../Expectation.js'
import { request, type AlibabaCommand } from '../Model.js'

/** @since 0.1.0 */
export const invalidRequest: fc.Arbitrary<AlibabaCommand> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...(Object.keys(actions) as Array<Action>))
      .chain((action) => brokenRequest(action).map((broken) => ({ action, ...broken })))
      .map(({ action, request: params, breaker }) =>
        request(action, params, () => ({ expected: failure(breaker.code, 400) })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('DescribeSecrets', 'getSecretValue', 'Encrypt')
      .map((action) => request(action, {}, () => ({ expected: failure('InvalidAction.NotFound', 404) }))),
  },
)
