import { CreateSecret, Dialect, validateRequest } from '@secrets-engine/alibaba'
import { Redacted, Secret } from '@secrets-engine/core'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { AlibabaArbitraries } from '@secrets-engine/testkit'
import { describe, expect, it } from 'vitest'
import { runs } from './support/runs.js'

const { createSecretParameterNames, createSecretRequest, createSecretRequests, createSecretRuleBreakers, secretTypes } =
  AlibabaArbitraries

describe('CreateSecret: valid requests', () => {
  it.each(secretTypes)(
    'every valid %s request decodes to a command whose secret has one ACSCurrent version',
    (type) => {
      fc.assert(
        fc.property(createSecretRequests[type], fc.nat(), (request, now) => {
          const result = validateRequest('CreateSecret', request)
          if (E.isLeft(result)) throw new Error(`refused: ${result.left.message}`)
          const command = result.right
          expect(command.secretType).toBe(type)
          expect(Redacted.value(command.secretData)).toBe(request['SecretData'])
          const secret = CreateSecret.initialSecret(command, now)
          expect(secret.versions.map((v) => [v.versionId, v.stages])).toStrictEqual([
            [request['VersionId'], [Dialect.currentStage]],
          ])
          expect(Secret.invariantViolations(Dialect.rules)(secret)).toStrictEqual([])
        }),
        { numRuns: runs(60) },
      )
    },
  )
})

describe('CreateSecret: one broken rule', () => {
  it.each(createSecretRuleBreakers.map((b) => [b.rule, b] as const))('%s', (_, breaker) => {
    fc.assert(
      fc.property(createSecretRequest.filter(breaker.appliesTo), (request) => {
        const result = validateRequest('CreateSecret', breaker.break(request))
        expect(E.isLeft(result) ? result.left.code : 'decoded').toBe(breaker.code)
        if (E.isLeft(result) && breaker.parameter !== undefined) {
          expect(result.left.message).toContain(`"${breaker.parameter}"`)
        }
      }),
      { numRuns: runs(15) },
    )
  })

  it('no error message quotes the secret value', () => {
    const marked = createSecretRequest.chain((request) =>
      fc
        .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 16, maxLength: 16 })
        .map((marker) => ({ request, marker })),
    )
    const applicable = marked.chain(({ request, marker }) => {
      // Plant the marker in the value: inside the JSON for typed secrets, so the shape still holds.
      const SecretData = (request['SecretData'] ?? '').replace(/^{"/, `{"${marker}":0,"`)
      const planted = { ...request, SecretData: SecretData === request['SecretData'] ? marker : SecretData }
      return fc.constantFrom(...createSecretRuleBreakers.filter((b) => b.appliesTo(planted))).map((breaker) => ({
        broken: breaker.break(planted),
        breaker,
        marker,
      }))
    })
    fc.assert(
      fc.property(applicable, ({ broken, breaker, marker }) => {
        // A breaker of the value keeps the marker in the value it breaks, or the property could not
        // see an error that quotes it.
        if (breaker.parameter === 'SecretData' && breaker.code !== 'MissingParameter') {
          expect(broken['SecretData']).toContain(marker)
        }
        const result = validateRequest('CreateSecret', broken)
        expect(JSON.stringify(result).includes(marker) && E.isLeft(result)).toBe(false)
      }),
      { numRuns: runs(200) },
    )
  })
})

describe('validateRequest is total and deterministic', () => {
  const isApiError = (u: unknown): boolean =>
    typeof u === 'object' &&
    u !== null &&
    Object.keys(u).sort().join() === 'code,httpStatus,message' &&
    [400, 404].includes((u as { httpStatus: number }).httpStatus)

  const check = (action: string, params: unknown): void => {
    const first = validateRequest(action, params)
    expect(E.isRight(first) || isApiError(first.left)).toBe(true)
    expect(validateRequest(action, params)).toStrictEqual(first)
  }

  const actions = fc.oneof(fc.constant('CreateSecret'), fc.string(), fc.constantFrom('toString', '__proto__'))

  it('anything as params', () => {
    fc.assert(fc.property(actions, fc.anything(), check), { numRuns: runs(300) })
  })

  it('random dictionaries of strings', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.string()), (params) => check('CreateSecret', params)))
  })

  it('random dictionaries over the real parameter names', () => {
    const value = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom('', 'true', 'false', '$Auto', 'acs/ecs/x', 'text', 'binary', '30d', '[]', '{}'),
      fc.constantFrom(...secretTypes),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...createSecretParameterNames), value), (params) =>
        check('CreateSecret', params),
      ),
      { numRuns: runs(300) },
    )
  })

  it('valid requests with one parameter replaced by anything', () => {
    fc.assert(
      fc.property(createSecretRequest, fc.constantFrom(...createSecretParameterNames), fc.anything(), (r, name, v) =>
        check('CreateSecret', { ...r, [name]: v }),
      ),
      { numRuns: runs(100) },
    )
  })
})
