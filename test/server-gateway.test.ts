// The server as Alibaba's API gateway: authentication failures, replays, stale timestamps and
// garbage get the gateway's errors with their HTTP statuses, and the server answers the next good
// request. Requests the SDKs would never send are built by hand here, signed by a test signer that
// follows Alibaba's documents (checked against the documented HMAC-SHA1 test vector).
import { createHash, createHmac } from 'node:crypto'
import { connect } from 'node:net'
import { businessParameters, Signature, startServer, type RunningServer } from '@secrets-engine/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiClient, popCore, thrown, type Body } from './server-clients.js'
import { alibabaQuery, freshNonce, isoSeconds, percentEncode } from './server-signers.js'

/** Headers of an ACS3-HMAC-SHA256 POST with the parameters in the query, as openapi-client sends it. */
const acs3Request = (
  host: string,
  action: string,
  query: Record<string, string>,
  key: { accessKeyId: string; accessKeySecret: string },
  overrides: Record<string, string> = {},
): { path: string; headers: Record<string, string> } => {
  const headers: Record<string, string> = {
    host,
    'x-acs-action': action,
    'x-acs-version': '2016-01-20',
    'x-acs-date': isoSeconds(new Date()),
    'x-acs-signature-nonce': freshNonce(),
    'x-acs-content-sha256': createHash('sha256').update('').digest('hex'),
    ...overrides,
  }
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(query[k]!)}`)
    .join('&')
  const names = Object.keys(headers).sort()
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim()}\n`).join('')
  const canonicalRequest = [
    'POST',
    '/',
    canonicalQuery,
    canonicalHeaders,
    names.join(';'),
    headers['x-acs-content-sha256'],
  ].join('\n')
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`
  const signature = createHmac('sha256', key.accessKeySecret).update(stringToSign).digest('hex')
  return {
    path: `/?${canonicalQuery}`,
    headers: {
      ...headers,
      authorization: `ACS3-HMAC-SHA256 Credential=${key.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`,
    },
  }
}

const answer = async (response: Response): Promise<{ status: number; body: Body }> => ({
  status: response.status,
  body: (await response.json()) as Body,
})

const code = async (response: Response): Promise<{ status: number; code: unknown }> => {
  const { status, body } = await answer(response)
  return { status, code: body['Code'] }
}

describe('signature test vector of Alibaba’s documentation', () => {
  // The document prints its string to sign with the separators between parameters unencoded, and
  // its signature is of that string as printed; the SDKs (and so the server) encode them as %26.
  const documented =
    'GET&%2F&AccessKeyId%3Dtestid&Action%3DCreateKey&Format%3Djson&SignatureMethod%3DHMAC-SHA1&SignatureVersion%3D1.0&Timestamp%3D2016-03-28T03%253A13%253A08Z&Version%3D2016-01-20'

  it('computes the documented signature of the documented string', () => {
    expect(Signature.hmacSha1('testsecret', documented)).toBe('s/OdVWMTmNGagvWlljdAJ7Itsew=')
  })

  it('builds the documented string to sign, with its separators encoded', () => {
    expect(
      Signature.hmacSha1StringToSign('GET', {
        Version: '2016-01-20',
        Timestamp: '2016-03-28T03:13:08Z',
        AccessKeyId: 'testid',
        Action: 'CreateKey',
        Format: 'json',
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        Signature: 'ignored',
      }),
    ).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateKey%26Format%3Djson%26SignatureMethod%3DHMAC-SHA1%26SignatureVersion%3D1.0%26Timestamp%3D2016-03-28T03%253A13%253A08Z%26Version%3D2016-01-20',
    )
  })
})

describe('authentication', () => {
  let server: RunningServer
  let key: { accessKeyId: string; accessKeySecret: string }
  const wrongSecret = () => ({ accessKeyId: key.accessKeyId, accessKeySecret: 'not-the-secret' })
  const unknownKey = { accessKeyId: 'LTAInobodyhasthis', accessKeySecret: 'x' }
  const stillServes = async (): Promise<void> => {
    const body = await popCore(server, 'GET').call('GetSecretValue', { SecretName: 'auth/known' })
    expect(body['SecretData']).toBe('known value')
  }

  beforeAll(async () => {
    server = await startServer()
    key = server.credentials[0]!
    await popCore(server, 'POST').call('CreateSecret', {
      SecretName: 'auth/known',
      VersionId: 'v1',
      SecretData: 'known value',
    })
  })
  afterAll(() => server.close())

  it('uses the one documented test key pair by default', () => {
    expect(server.credentials).toStrictEqual([
      { accessKeyId: 'secrets-engine-test-id', accessKeySecret: 'secrets-engine-test-secret' },
    ])
  })

  it('refuses a wrong secret: 400 SignatureDoesNotMatch, for HMAC-SHA1 and ACS3', async () => {
    for (const client of [
      popCore(server, 'GET', wrongSecret()),
      popCore(server, 'POST', wrongSecret()),
      openApiClient(server, 'v2', wrongSecret()),
      openApiClient(server, 'v3', wrongSecret()),
    ]) {
      expect(await thrown(client.call('GetSecretValue', { SecretName: 'auth/known' }))).toStrictEqual({
        code: 'SignatureDoesNotMatch',
        status: 400,
      })
    }
    await stillServes()
  })

  it('refuses an unknown AccessKeyId: 404 InvalidAccessKeyId.NotFound', async () => {
    for (const client of [popCore(server, 'GET', unknownKey), openApiClient(server, 'v3', unknownKey)]) {
      expect(await thrown(client.call('GetSecretValue', { SecretName: 'auth/known' }))).toStrictEqual({
        code: 'InvalidAccessKeyId.NotFound',
        status: 404,
      })
    }
    await stillServes()
  })

  it('refuses a request whose parameters changed after signing', async () => {
    const query = alibabaQuery({ Action: 'GetSecretValue', SecretName: 'auth/known' }, key)
    const tampered = query.replace('SecretName=auth%2Fknown', 'SecretName=auth%2Fother')
    expect(await code(await fetch(`${server.url}/?${tampered}`))).toStrictEqual({
      status: 400,
      code: 'SignatureDoesNotMatch',
    })
    const v3 = acs3Request(server.host, 'GetSecretValue', { SecretName: 'auth/known' }, key)
    const moved = await fetch(`${server.url}/?SecretName=auth%2Fother`, { method: 'POST', headers: v3.headers })
    const refused = await answer(moved)
    expect(refused.status).toBe(400)
    expect(refused.body['Code']).toBe('SignatureDoesNotMatch')
    expect(refused.body['Message']).toMatch(
      /^Specified signature does not match our calculation\. server StringToSign is \[ACS3-HMAC-SHA256 [0-9a-f]{64}\]$/,
    )
    await stillServes()
  })

  it('accepts a hand-signed request of each kind', async () => {
    const v1 = await answer(
      await fetch(`${server.url}/?${alibabaQuery({ Action: 'GetSecretValue', SecretName: 'auth/known' }, key)}`),
    )
    expect(v1.status).toBe(200)
    expect(v1.body['SecretData']).toBe('known value')
    const v3 = acs3Request(server.host, 'GetSecretValue', { SecretName: 'auth/known' }, key)
    const ok = await answer(await fetch(`${server.url}${v3.path}`, { method: 'POST', headers: v3.headers }))
    expect(ok.status).toBe(200)
    expect(ok.body['SecretData']).toBe('known value')
  })

  it('refuses a replayed request: 400 SignatureNonceUsed, for an SDK’s own request and for ACS3', async () => {
    // pop-core puts the URL it sent in its errors: a failed request is a captured request.
    const first = await popCore(server, 'GET')
      .call('GetSecretValue', { SecretName: 'auth/missing' })
      .then(
        () => '',
        (error: Error) => error.message,
      )
    const url = /URL: (\S+)$/.exec(first)?.[1]
    expect(url).toBeDefined()
    expect(await code(await fetch(url!))).toStrictEqual({ status: 400, code: 'SignatureNonceUsed' })

    const v3 = acs3Request(server.host, 'GetSecretValue', { SecretName: 'auth/known' }, key)
    expect((await fetch(`${server.url}${v3.path}`, { method: 'POST', headers: v3.headers })).status).toBe(200)
    expect(await code(await fetch(`${server.url}${v3.path}`, { method: 'POST', headers: v3.headers }))).toStrictEqual({
      status: 400,
      code: 'SignatureNonceUsed',
    })
    await stillServes()
  })

  it('refuses a request without a signature or with a malformed one: 400 IncompleteSignature', async () => {
    const unsigned = await fetch(`${server.url}/?Action=GetSecretValue&Version=2016-01-20&SecretName=auth%2Fknown`)
    expect(await code(unsigned)).toStrictEqual({ status: 400, code: 'IncompleteSignature' })
    const badHeader = await fetch(`${server.url}/?SecretName=auth%2Fknown`, {
      method: 'POST',
      headers: {
        'x-acs-action': 'GetSecretValue',
        'x-acs-version': '2016-01-20',
        authorization: 'ACS3-HMAC-SHA256 garbage',
      },
    })
    expect(await code(badHeader)).toStrictEqual({ status: 400, code: 'IncompleteSignature' })
    const md5 = alibabaQuery({ Action: 'GetSecretValue', SecretName: 'auth/known' }, key, {
      SignatureMethod: 'HMAC-MD5',
    })
    expect(await code(await fetch(`${server.url}/?${md5}`))).toStrictEqual({ status: 400, code: 'IncompleteSignature' })
    // An x-acs-* header left out of SignedHeaders could be changed freely.
    const v3 = acs3Request(server.host, 'GetSecretValue', { SecretName: 'auth/known' }, key)
    const extra = await fetch(`${server.url}${v3.path}`, {
      method: 'POST',
      headers: { ...v3.headers, 'x-acs-extra': '1' },
    })
    expect(await code(extra)).toStrictEqual({ status: 400, code: 'IncompleteSignature' })
    await stillServes()
  })
})

describe('timestamps, on an injected clock', () => {
  let server: RunningServer
  let offset = 0
  beforeAll(async () => {
    server = await startServer({ now: () => new Date(Date.now() + offset) })
  })
  afterAll(() => server.close())

  it('accepts a request 14 minutes off either way and refuses one 16 minutes off: 400 IllegalTimestamp', async () => {
    for (const [minutes, expected] of [
      [14, 'ok'],
      [-14, 'ok'],
      [16, 'IllegalTimestamp'],
      [-16, 'IllegalTimestamp'],
    ] as const) {
      offset = minutes * 60_000
      for (const client of [popCore(server, 'GET'), openApiClient(server, 'v3'), openApiClient(server, 'v2')]) {
        const call = client.call('GetSecretValue', { SecretName: 'ts/missing' })
        expect(await thrown(call)).toStrictEqual(
          expected === 'ok'
            ? { code: 'Forbidden.ResourceNotFound', status: 404 }
            : { code: 'IllegalTimestamp', status: 400 },
        )
      }
    }
  })

  it('refuses a missing or malformed timestamp', async () => {
    offset = 0
    const key = server.credentials[0]!
    for (const Timestamp of ['', 'yesterday', '2026-01-01 00:00:00']) {
      const query = alibabaQuery({ Action: 'GetSecretValue', SecretName: 'x' }, key, { Timestamp })
      expect(await code(await fetch(`${server.url}/?${query}`))).toStrictEqual({
        status: 400,
        code: 'IllegalTimestamp',
      })
    }
  })
})

describe('garbage', () => {
  let server: RunningServer
  const stillServes = async (): Promise<void> => {
    expect(await thrown(popCore(server, 'GET').call('GetSecretValue', { SecretName: 'g/none' }))).toStrictEqual({
      code: 'Forbidden.ResourceNotFound',
      status: 404,
    })
  }
  beforeAll(async () => {
    server = await startServer({ maxBodyBytes: 64 * 1024, headersTimeout: 2_000, requestTimeout: 3_000 })
  })
  afterAll(() => server.close())

  it('an unknown action is 404 InvalidAction.NotFound', async () => {
    expect(await thrown(popCore(server, 'GET').call('NoSuchAction', {}))).toStrictEqual({
      code: 'InvalidAction.NotFound',
      status: 404,
    })
    expect(await thrown(openApiClient(server, 'v3').call('NoSuchAction', {}))).toStrictEqual({
      code: 'InvalidAction.NotFound',
      status: 404,
    })
    await stillServes()
  })

  it('wrong methods, paths, versions and missing routing parameters get the gateway’s errors', async () => {
    expect(await code(await fetch(`${server.url}/`, { method: 'PUT', body: 'x' }))).toStrictEqual({
      status: 403,
      code: 'UnsupportedHTTPMethod',
    })
    expect(await code(await fetch(`${server.url}/`, { method: 'DELETE' }))).toStrictEqual({
      status: 403,
      code: 'UnsupportedHTTPMethod',
    })
    expect(await code(await fetch(`${server.url}/v1/secrets?Action=GetSecretValue`))).toStrictEqual({
      status: 404,
      code: 'InvalidAction.NotFound',
    })
    expect(await code(await fetch(`${server.url}/?Version=2016-01-20`))).toStrictEqual({
      status: 400,
      code: 'MissingParameter',
    })
    expect(await code(await fetch(`${server.url}/?Action=GetSecretValue`))).toStrictEqual({
      status: 400,
      code: 'MissingParameter',
    })
    expect(await code(await fetch(`${server.url}/?Action=GetSecretValue&Version=2014-01-01`))).toStrictEqual({
      status: 400,
      code: 'InvalidVersion',
    })
    await stillServes()
  })

  it('bad encodings and bodies are 400 ParseRequestParameterException, never a crash', async () => {
    const bad = [
      fetch(`${server.url}/?Action=GetSecretValue&Version=2016-01-20&SecretName=%FF%FE`),
      fetch(`${server.url}/?Action=GetSecretValue&Version=2016-01-20&SecretName=%zz`),
      fetch(`${server.url}/?Action=GetSecretValue&Version=2016-01-20&SecretName=%E2%82`),
      fetch(`${server.url}/?Action=GetSecretValue&Action=CreateSecret&Version=2016-01-20`),
      fetch(`${server.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"Action":"GetSecretValue"}',
      }),
      fetch(`${server.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new Uint8Array([0x41, 0x3d, 0xc3, 0x28]),
      }),
    ]
    for (const response of await Promise.all(bad)) {
      const { status, body } = await answer(response)
      expect({ status, code: body['Code'] }).toStrictEqual({ status: 400, code: 'ParseRequestParameterException' })
      expect(Object.keys(body).sort()).toStrictEqual([
        'Code',
        'HostId',
        'HttpStatus',
        'Message',
        'Recommend',
        'RequestId',
      ])
    }
    await stillServes()
  })

  it('an oversized body is 413, whether declared or streamed', async () => {
    const big = new Uint8Array(200 * 1024).fill(0x61)
    expect(
      await code(
        await fetch(`${server.url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: big,
        }),
      ),
    ).toStrictEqual({
      status: 413,
      code: 'RequestEntityTooLarge',
    })
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(16 * 1024).fill(0x61))
        controller.close()
      },
    })
    const streamed = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await code(streamed)).toStrictEqual({ status: 413, code: 'RequestEntityTooLarge' })
    await stillServes()
  })

  it('raw protocol garbage and a client that stalls cost one connection, not the server', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: server.port })
      let data = ''
      socket.on('data', (chunk) => (data += chunk.toString('latin1')))
      socket.on('close', () => resolve(data))
      socket.on('error', reject)
      socket.setTimeout(5_000, () => socket.destroy())
      socket.write('\x00\x01\x02 NOT HTTP \r\n\r\n')
    })
    expect(reply).toMatch(/^HTTP\/1\.1 400/)
    // A client that sends half a request and waits is cut off by the header timeout.
    const started = Date.now()
    const timedOut = await new Promise<string>((resolve) => {
      let data = ''
      const socket = connect({ host: '127.0.0.1', port: server.port })
      socket.on('data', (chunk) => (data += chunk.toString('latin1')))
      socket.on('close', () => resolve(data))
      socket.on('error', () => resolve(data))
      socket.setTimeout(8_000, () => socket.destroy())
      socket.write('GET /?Action=GetSecretValue HTTP/1.1\r\nHost: x\r\n')
    })
    expect(timedOut).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - started).toBeLessThan(7_500)
    await stillServes()
  })
})

describe('options', () => {
  it('serves unsigned requests only when verification is switched off', async () => {
    const server = await startServer({ verifySignatures: false })
    try {
      const created = await fetch(
        `${server.url}/?Action=CreateSecret&Version=2016-01-20&SecretName=open&VersionId=v1&SecretData=x`,
      )
      expect(created.status).toBe(200)
      const body = await answer(await fetch(`${server.url}/?Action=GetSecretValue&Version=2016-01-20&SecretName=open`))
      expect(body.body['SecretData']).toBe('x')
    } finally {
      await server.close()
    }
  })

  it('accepts exactly the configured key pairs', async () => {
    const credentials = [
      { accessKeyId: 'id-one', accessKeySecret: 'secret-one' },
      { accessKeyId: 'id-two', accessKeySecret: 'secret-two' },
    ]
    const server = await startServer({ credentials })
    try {
      expect(server.credentials).toStrictEqual(credentials)
      for (const key of credentials) {
        expect(await thrown(popCore(server, 'GET', key).call('GetSecretValue', { SecretName: 'x' }))).toStrictEqual({
          code: 'Forbidden.ResourceNotFound',
          status: 404,
        })
      }
      const defaultKey = { accessKeyId: 'secrets-engine-test-id', accessKeySecret: 'secrets-engine-test-secret' }
      expect(
        await thrown(popCore(server, 'GET', defaultKey).call('GetSecretValue', { SecretName: 'x' })),
      ).toStrictEqual({
        code: 'InvalidAccessKeyId.NotFound',
        status: 404,
      })
    } finally {
      await server.close()
    }
  })

  it('hands the engine the business parameters only, keeping RegionId for the tag operations', async () => {
    const seen: Array<Readonly<Record<string, string>>> = []
    const base = await startServer()
    await base.close()
    const server = await startServer({
      engine: {
        ...base.engine,
        request: (action, params) => (seen.push(params as Record<string, string>), base.engine.request(action, params)),
      },
    })
    try {
      await popCore(server, 'GET')
        .call('GetSecretValue', { SecretName: 'x', RegionId: 'cn-hangzhou' })
        .catch(() => undefined)
      expect({ ...seen[0] }).toStrictEqual({ SecretName: 'x' })
    } finally {
      await server.close()
    }
    const common = {
      Action: 'A',
      Version: '2016-01-20',
      Format: 'JSON',
      AccessKeyId: 'k',
      Signature: 's',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'n',
      Timestamp: 't',
      RegionId: 'cn-hangzhou',
    }
    expect({ ...businessParameters('CreateSecret', { ...common, SecretName: 'x' }) }).toStrictEqual({ SecretName: 'x' })
    for (const action of ['TagResources', 'UntagResources', 'ListTagResources']) {
      expect({ ...businessParameters(action, { ...common, ResourceType: 'secret' }) }).toStrictEqual({
        RegionId: 'cn-hangzhou',
        ResourceType: 'secret',
      })
    }
  })

  it('logs each request at debug level without values, secrets or signatures', async () => {
    const lines: Array<string> = []
    const server = await startServer({
      logger: { debug: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`) },
    })
    try {
      const client = popCore(server, 'GET')
      await client.call('CreateSecret', { SecretName: 'logged', VersionId: 'v1', SecretData: 'TOP-SECRET-VALUE-42' })
      await client.call('GetSecretValue', { SecretName: 'logged' })
      const failed = await client.call('GetSecretValue', { SecretName: 'nope' }).then(
        () => '',
        (e: Error) => e.message,
      )
      const signature = decodeURIComponent(/Signature=([^&\s]+)$/.exec(failed)?.[1] ?? 'none')
      expect(lines).toHaveLength(3)
      expect(lines[0]).toContain('"action":"CreateSecret"')
      expect(lines[2]).toContain('"code":"Forbidden.ResourceNotFound"')
      const log = lines.join('\n')
      for (const forbidden of ['TOP-SECRET-VALUE-42', signature, server.credentials[0]!.accessKeySecret]) {
        expect(log).not.toContain(forbidden)
      }
    } finally {
      await server.close()
    }
  })
})
