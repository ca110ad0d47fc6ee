import { ApiErrors } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { testEngine, withoutRequestId } from '../../../../test/support/engine.js'
import { generic } from '../support/versions.js'

const policy =
  '{"Version":"1","Statement": [{"Sid":"kms default secret policy","Effect":"Allow","Principal":{"RAM": ["acs:ram::119285303511****:*"]},"Action":["kms:*"],"Resource": ["*"] }] }'
const defaultPolicy = JSON.stringify({
  Version: '1',
  Statement: [
    {
      Sid: 'kms default secret policy',
      Effect: 'Allow',
      Principal: { RAM: ['acs:ram::1234567890123456:*'] },
      Action: ['kms:*'],
      Resource: ['*'],
    },
  ],
})

describe('GetSecretPolicy', () => {
  it('gives the default policy of a secret created without one', async () => {
    const { engine } = testEngine()
    await engine.createSecret(generic)()
    expect(withoutRequestId(await engine.getSecretPolicy({ SecretName: 'db-password' })())).toStrictEqual(
      E.right({ Policy: defaultPolicy }),
    )
  })

  it("gives CreateSecret's Policy verbatim, with PolicyName=default or by ARN", async () => {
    const { engine } = testEngine()
    await engine.createSecret({ ...generic, Policy: policy })()
    expect(
      withoutRequestId(await engine.getSecretPolicy({ SecretName: 'db-password', PolicyName: 'default' })()),
    ).toStrictEqual(E.right({ Policy: policy }))
    expect(
      withoutRequestId(
        await engine.getSecretPolicy({ SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/db-password' })(),
      ),
    ).toStrictEqual(E.right({ Policy: policy }))
  })

  it('works while the secret is pending deletion', async () => {
    const { engine } = testEngine()
    await engine.createSecret({ ...generic, Policy: policy })()
    await engine.deleteSecret({ SecretName: 'db-password' })()
    expect(withoutRequestId(await engine.getSecretPolicy({ SecretName: 'db-password' })())).toStrictEqual(
      E.right({ Policy: policy }),
    )
  })

  it('answers another PolicyName, an unknown secret and a missing name with their errors', async () => {
    const { engine, store } = testEngine()
    await engine.createSecret(generic)()
    const before = store.snapshot()
    expect(await engine.getSecretPolicy({ SecretName: 'db-password', PolicyName: 'other' })()).toStrictEqual(
      E.left(ApiErrors.resourceNotFound()),
    )
    expect(await engine.getSecretPolicy({ SecretName: 'nope' })()).toStrictEqual(E.left(ApiErrors.resourceNotFound()))
    expect(await engine.request('GetSecretPolicy', { PolicyName: 'default' })()).toStrictEqual(
      E.left(ApiErrors.missingParameter('SecretName')),
    )
    expect(store.snapshot()).toStrictEqual(before)
  })
})
