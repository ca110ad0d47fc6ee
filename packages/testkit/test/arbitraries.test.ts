// The kit's request arbitraries agree with the engine's own decoders: every valid request of every
// operation decodes, and every rule breaker gives exactly its rule's error, naming its parameter.
import { actions, validateRequest, type Action } from '@secrets-engine/alibaba'
import { AlibabaArbitraries } from '@secrets-engine/testkit'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const all = Object.keys(actions) as Array<Action>

describe('valid requests of every operation decode', () => {
  it.each(all)('%s', (action) => {
    fc.assert(
      fc.property(AlibabaArbitraries.requests[action], (request) => {
        const result = validateRequest(action, request)
        expect(E.isRight(result) ? 'decodes' : result.left).toBe('decodes')
      }),
      { numRuns: 60 },
    )
  })
})

describe('each rule breaker breaks exactly its rule', () => {
  it.each(all)('%s', (action) => {
    fc.assert(
      fc.property(AlibabaArbitraries.brokenRequest(action), ({ request, breaker }) => {
        const result = validateRequest(action, request)
        expect(E.isLeft(result) ? [result.left.code, result.left.httpStatus] : 'decodes').toStrictEqual([
          breaker.code,
          400,
        ])
        if (E.isLeft(result) && breaker.parameter !== undefined && breaker.code !== 'UnsupportedOperation') {
          expect(result.left.message).toContain(`"${breaker.parameter}"`)
        }
      }),
      { numRuns: 60 },
    )
  })
})
