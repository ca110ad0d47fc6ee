// SDK-HMAC-SHA256 on paths with characters the Node SDK encodes twice. The SDK's signer encodes the
// segments of `url.parse(...).pathname`, which has already escaped space, `"`, `'`, `<`, `>`, `^`,
// `` ` ``, `{`, `|` and `}`: a tag key `a b` is signed as `a%2520b`, where the Signing Guide (each
// segment decoded, then encoded) says `a%20b`. The server accepts either, and nothing else.
import { createHash, createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { parse } from 'node:url'
import { HuaweiGatewayError, HuaweiSignature, startServer, type RunningServer } from '@secrets-engine/server'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failure, huaweiSdk, type Body, type Send } from '../../../test/server-huawei-client.js'
import { huaweiSigned, send } from '../../../test/server-signers.js'

const require = createRequire(import.meta.url)
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { CanonicalURI: (pathname: string) => string }
}

const signatureFail = {
  name: 'ClientRequestException',
  httpStatusCode: 401,
  errorCode: 'APIGW.0301',
  errorMsg: 'Incorrect IAM authentication information: verify aksk signature fail',
}

describe('verify, on a path with a space', () => {
  const sk = 'secrets-engine-huawei-test-sk-0000000000'
  const date = '20260301T120000Z'
  const at = Date.parse('2026-03-01T12:00:00Z')
  const path = '/v1/p/csms/id/tags/a%20b'
  const skOf = (ak: string) => (ak === 'AK' ? sk : undefined)
  // The request as received, signed over the canonical URI given, written out by hand.
  const signedOver = (uri: string): HuaweiSignature.SignedRequest => {
    const canonical = [
      'DELETE',
      uri,
      '',
      `host:127.0.0.1:8088\nx-sdk-date:${date}\n`,
      'host;x-sdk-date',
      createHash('sha256').update('').digest('hex'),
    ].join('\n')
    const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`
    const signature = createHmac('sha256', sk).update(toSign).digest('hex')
    const headers: Readonly<Record<string, string>> = {
      host: '127.0.0.1:8088',
      'x-sdk-date': date,
      authorization: `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${signature}`,
    }
    return { method: 'DELETE', path, query: [], header: (name) => headers[name], body: new Uint8Array(0) }
  }

  it('accepts the Signing Guide’s canonical URI and the SDK’s, and no other', () => {
    // What the SDK's own signer makes of the path, from `url.parse` as the SDK calls it: `a b` twice encoded.
    const sdkUri = AKSKSigner.CanonicalURI(parse('http://127.0.0.1:8088/v1/p/csms/id/tags/a b').pathname!)
    expect(sdkUri).toBe('/v1/p/csms/id/tags/a%2520b/')
    const accepted = E.right({ ak: 'AK', timestamp: at })
    expect(HuaweiSignature.verify(signedOver('/v1/p/csms/id/tags/a%20b/'), skOf, at)).toStrictEqual(accepted)
    expect(HuaweiSignature.verify(signedOver(sdkUri), skOf, at)).toStrictEqual(accepted)
    for (const uri of ['/v1/p/csms/id/tags/a%252520b/', '/v1/p/csms/id/tags/a b/', '/v1/p/csms/id/tags/a%20c/']) {
      expect(HuaweiSignature.verify(signedOver(uri), skOf, at)).toStrictEqual(
        E.left(HuaweiGatewayError.signatureMismatch()),
      )
    }
  })
})

describe('the Huawei SDK core on tag keys it encodes twice', () => {
  let server: RunningServer
  let sdk: Send
  let secretId: string
  const tags = '/v1/{project_id}/csms/{secret_id}/tags'
  const tagKeys = async (): Promise<unknown> =>
    ((await sdk('GET', tags, { path: { secret_id: secretId } }))['tags'] as ReadonlyArray<Body>).map((t) => t['key'])

  beforeAll(async () => {
    server = await startServer()
    sdk = huaweiSdk(server)
    await sdk('POST', '/v1/{project_id}/secrets', { body: { name: 'tagged', secret_string: 'x' } })
    const shown = await sdk('GET', '/v1/{project_id}/secrets/{secret_name}', { path: { secret_name: 'tagged' } })
    secretId = String((shown['secret'] as Body)['id'])
  })
  afterAll(() => server.close())

  it('creates the tag "a b" and deletes it; a wrong signature on that path is still 401', async () => {
    const created = await sdk('POST', tags, {
      path: { secret_id: secretId },
      body: { tag: { key: 'a b', value: 'v' } },
    })
    expect(created['httpStatusCode']).toBe(204)
    expect(await tagKeys()).toStrictEqual(['a b'])
    const path = { secret_id: secretId, key: 'a b' }
    const wrongSk = huaweiSdk(server, { ak: server.huawei.credentials[0]!.ak, sk: 'not-the-secret-key' })
    expect(await failure(wrongSk('DELETE', `${tags}/{key}`, { path }))).toStrictEqual(signatureFail)
    // A request signed for another key, sent to this one.
    const p = `/v1/${server.huawei.projectId}/csms/${secretId}/tags`
    const other = huaweiSigned(server, 'DELETE', `${p}/a%20c`)
    const moved = await send({ url: other.url.replace(/a%20c$/, 'a%20b'), init: other.init })
    expect({ status: moved.status, code: moved.body?.['error_code'] }).toStrictEqual({
      status: 401,
      code: 'APIGW.0301',
    })
    expect(await tagKeys()).toStrictEqual(['a b'])
    const deleted = await sdk('DELETE', `${tags}/{key}`, { path })
    expect(deleted['httpStatusCode']).toBe(204)
    expect(await tagKeys()).toStrictEqual([])
    // A client that signs as the Signing Guide says passes on the same path.
    await sdk('POST', tags, { path: { secret_id: secretId }, body: { tag: { key: 'a b', value: 'v' } } })
    expect((await send(huaweiSigned(server, 'DELETE', `${p}/a%20b`))).status).toBe(204)
    expect(await tagKeys()).toStrictEqual([])
  })

  it('passes the signature check with each character the SDK encodes twice in a path', async () => {
    for (const key of ['a"b', "a'b", 'a<b', 'a>b', 'a{b', 'a}b', 'a|b', 'a^b', 'a`b', 'a bü']) {
      // No such tag: CSMS's 404, which only a request whose signature holds reaches.
      const error = await failure(sdk('DELETE', `${tags}/{key}`, { path: { secret_id: secretId, key } }))
      expect({ key, status: error.httpStatusCode }).toStrictEqual({ key, status: 404 })
    }
  })
})
