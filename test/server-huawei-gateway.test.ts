// The server as Huawei Cloud's API gateway in front of CSMS: AK/SK signature failures, stale
// X-Sdk-Date, unauthenticated calls and garbage get the gateway's or CSMS's errors with their HTTP
// statuses and body shapes, and the server answers the next good request. Requests the SDK would
// never send are built by hand and signed by a test signer written from Huawei's API Request
// Signing Guide, which must agree with the SDK (the server accepts both).
import { createHash, createHmac } from 'node:crypto'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createCsms } from '@secrets-engine/huawei'
import { HuaweiGatewayError, HuaweiSignature, startServer, type RunningServer } from '@secrets-engine/server'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failure, huaweiSdk, type Body, type Key } from './server-huawei-client.js'

const encode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

const sdkDate = (d: Date): string =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')

interface Signed {
  readonly url: string
  readonly init: RequestInit
}

/** A request signed with SDK-HMAC-SHA256 as the Signing Guide describes it. */
const signed = (
  server: RunningServer,
  method: string,
  path: string,
  options: {
    readonly query?: Readonly<Record<string, string>>
    readonly body?: string | Uint8Array
    readonly key?: Key
    readonly date?: Date
    readonly headers?: Readonly<Record<string, string>>
    /** The headers to sign (lower case); every header but the authorization by default. */
    readonly sign?: ReadonlyArray<string>
  } = {},
): Signed => {
  const key = options.key ?? server.huawei.credentials[0]!
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: server.host,
    'x-sdk-date': sdkDate(options.date ?? new Date()),
    'x-project-id': server.huawei.projectId,
    ...options.headers,
  }
  const names = [...(options.sign ?? Object.keys(headers))].sort()
  const query = Object.keys(options.query ?? {})
    .sort()
    .map((k) => `${encode(k)}=${encode(options.query![k]!)}`)
    .join('&')
  const canonicalUri = path
    .split('/')
    .map((s) => {
      try {
        return encode(decodeURIComponent(s))
      } catch {
        return encode(s)
      }
    })
    .join('/')
  const body = options.body ?? ''
  const canonical = [
    method,
    canonicalUri.endsWith('/') ? canonicalUri : `${canonicalUri}/`,
    query,
    names.map((n) => `${n}:${headers[n] ?? ''}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n')
  const toSign = `SDK-HMAC-SHA256\n${headers['x-sdk-date']}\n${createHash('sha256').update(canonical).digest('hex')}`
  const signature = createHmac('sha256', key.sk).update(toSign).digest('hex')
  return {
    url: `${server.url}${path}${query === '' ? '' : `?${query}`}`,
    init: {
      method,
      headers: {
        ...headers,
        authorization: `SDK-HMAC-SHA256 Access=${key.ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
      },
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    },
  }
}

interface Answer {
  readonly status: number
  readonly body: Body | undefined
  readonly requestId: string | null
}

const answer = async (response: Response): Promise<Answer> => {
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as Body),
    requestId: response.headers.get('x-request-id'),
  }
}

const send = async (request: Signed): Promise<Answer> => answer(await fetch(request.url, request.init))

/** The gateway's body: the three fields, the request id the same as the header's. */
const gateway = (a: Answer): { status: number; code: unknown; message: unknown } => {
  expect(Object.keys(a.body ?? {}).sort()).toStrictEqual(['error_code', 'error_msg', 'request_id'])
  expect(a.body?.['request_id']).toBe(a.requestId)
  expect(a.requestId).toMatch(/^[0-9a-f]{32}$/)
  return { status: a.status, code: a.body?.['error_code'], message: a.body?.['error_msg'] }
}

const signatureFail = {
  status: 401,
  code: 'APIGW.0301',
  message: 'Incorrect IAM authentication information: verify aksk signature fail',
}

describe('the test signer', () => {
  it('computes the canonical forms the SDK computes', () => {
    expect(HuaweiSignature.canonicalUri('/v1/p/secrets')).toBe('/v1/p/secrets/')
    expect(HuaweiSignature.canonicalUri('/v1/p/csms/id/tags/a%20b%C3%BC')).toBe('/v1/p/csms/id/tags/a%20b%C3%BC/')
    expect(
      HuaweiSignature.canonicalQuery([
        ['marker', 'a b'],
        ['limit', '2'],
        ['k', '~*'],
      ]),
    ).toBe('k=~%2A&limit=2&marker=a%20b')
    expect(HuaweiSignature.parseSdkDate('20191115T033655Z')).toBe(Date.parse('2019-11-15T03:36:55Z'))
    for (const bad of ['20191315T033655Z', '20190230T000000Z', '20191115T246000Z', '2019-11-15T03:36:55Z', '']) {
      expect(HuaweiSignature.parseSdkDate(bad)).toBeUndefined()
    }
  })

  it('reproduces the Signing Guide’s Authorization header layout', () => {
    const toSign = HuaweiSignature.stringToSign('20191115T033655Z', 'GET\n/\n\nhost:x\n\nhost\nabc')
    expect(toSign.split('\n').slice(0, 2)).toStrictEqual(['SDK-HMAC-SHA256', '20191115T033655Z'])
    expect(HuaweiSignature.sign('sk', toSign)).toMatch(/^[0-9a-f]{64}$/)
  })

  // A known answer: the canonical request written out by hand from the Signing Guide (the empty
  // body's hash is the one it documents), signed here with node:crypto alone, and pinned.
  it('signs a documented canonical request to the signature node:crypto computes from it', () => {
    const project = '0123456789abcdef0123456789abcdef'
    const sk = 'secrets-engine-huawei-test-sk-0000000000'
    const date = '20191115T033655Z'
    const headers: Readonly<Record<string, string>> = {
      'content-type': 'application/json',
      host: '127.0.0.1:8088',
      'x-project-id': project,
      'x-sdk-date': date,
    }
    const signedHeaders = ['content-type', 'host', 'x-project-id', 'x-sdk-date']
    const canonical = [
      'GET',
      `/v1/${project}/secrets/`,
      'limit=2&marker=a%20b',
      `content-type:application/json\nhost:127.0.0.1:8088\nx-project-id:${project}\nx-sdk-date:${date}\n`,
      'content-type;host;x-project-id;x-sdk-date',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n')
    const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`
    const signature = createHmac('sha256', sk).update(toSign, 'utf8').digest('hex')
    expect(signature).toBe('3b463e5be956355335749d1516f66aeee358bf6b06140632afd5f5b036db44b3')

    const request = (authorization: string): HuaweiSignature.SignedRequest => ({
      method: 'GET',
      path: `/v1/${project}/secrets`,
      query: [
        ['marker', 'a b'],
        ['limit', '2'],
      ],
      header: (name) => ({ ...headers, authorization })[name],
      body: new Uint8Array(0),
    })
    const authorization = `SDK-HMAC-SHA256 Access=AK, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`
    expect(HuaweiSignature.canonicalRequest(request(authorization), signedHeaders)).toBe(canonical)
    expect(HuaweiSignature.stringToSign(date, canonical)).toBe(toSign)
    expect(HuaweiSignature.sign(sk, toSign)).toBe(signature)
    const skOf = (ak: string) => (ak === 'AK' ? sk : undefined)
    const at = Date.parse('2019-11-15T03:36:55Z')
    expect(HuaweiSignature.verify(request(authorization), skOf, at)).toStrictEqual(E.right({ ak: 'AK', timestamp: at }))
    expect(HuaweiSignature.verify(request(authorization.replace(/.$/, '0')), skOf, at)).toStrictEqual(
      E.left(HuaweiGatewayError.signatureMismatch()),
    )
  })
})

describe('authentication', () => {
  let server: RunningServer
  let p: string
  const wrongSk = (): Key => ({ ak: server.huawei.credentials[0]!.ak, sk: 'not-the-secret-key' })
  const stillServes = async (): Promise<void> => {
    const body = await huaweiSdk(server)('GET', '/v1/{project_id}/secrets/{secret_name}/versions/latest', {
      path: { secret_name: 'auth-known' },
    })
    expect((body['version'] as Body)['secret_string']).toBe('known value')
  }

  beforeAll(async () => {
    server = await startServer()
    p = `/v1/${server.huawei.projectId}`
    await huaweiSdk(server)('POST', '/v1/{project_id}/secrets', {
      body: { name: 'auth-known', secret_string: 'known value' },
    })
  })
  afterAll(() => server.close())

  it('uses the one documented test pair and the documented 32-hex project id by default', () => {
    expect(server.huawei.credentials).toStrictEqual([
      { ak: 'SECRETSENGINETESTAK0', sk: 'secrets-engine-huawei-test-sk-0000000000' },
    ])
    expect(server.huawei.projectId).toBe('2b31ed520b8a4a6cbebedb6e57c1a7e5')
    expect(server.huawei.endpoint).toBe(server.url)
  })

  it('accepts a hand-signed request, with a query and with a body', async () => {
    const listed = await send(signed(server, 'GET', `${p}/secrets`, { query: { limit: '10', marker: 'a-b' } }))
    expect(listed.status).toBe(200)
    expect(listed.requestId).toMatch(/^[0-9a-f]{32}$/)
    const body = JSON.stringify({ secret_string: 'v2 value' })
    const created = await send(signed(server, 'POST', `${p}/secrets/auth-other/versions`, { body }))
    expect(created.status).toBe(404)
    expect(created.body).toStrictEqual({ error_code: 'CSMS.0106', error_msg: 'The secret name not found int the db.' })
  })

  it('refuses a wrong secret key: 401 APIGW.0301 verify aksk signature fail', async () => {
    expect(await failure(huaweiSdk(server, wrongSk())('GET', '/v1/{project_id}/secrets'))).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 401,
      errorCode: 'APIGW.0301',
      errorMsg: 'Incorrect IAM authentication information: verify aksk signature fail',
    })
    expect(gateway(await send(signed(server, 'GET', `${p}/secrets`, { key: wrongSk() })))).toStrictEqual(signatureFail)
    await stillServes()
  })

  it('refuses an unknown AK: 401 APIGW.0301 Get secretKey failed', async () => {
    const unknown = { ak: 'NOBODYHASTHISAK00000', sk: 'x' }
    expect(await failure(huaweiSdk(server, unknown)('GET', '/v1/{project_id}/secrets'))).toStrictEqual({
      name: 'ClientRequestException',
      httpStatusCode: 401,
      errorCode: 'APIGW.0301',
      errorMsg:
        'Incorrect IAM authentication information: Get secretKey failed,ak:NOBODYHASTHISAK00000,err:ak not exist',
    })
    await stillServes()
  })

  it('refuses a request changed after signing: path, query, body, a signed header', async () => {
    const body = JSON.stringify({ name: 'tampered', secret_string: 'x' })
    const good = signed(server, 'POST', `${p}/secrets`, { body })
    const changedBody = { ...good.init, body: body.replace('tampered', 'tampered2') }
    expect(gateway(await send({ url: good.url, init: changedBody }))).toStrictEqual(signatureFail)
    const list = signed(server, 'GET', `${p}/secrets`, { query: { limit: '1' } })
    expect(gateway(await send({ url: list.url.replace('limit=1', 'limit=2'), init: list.init }))).toStrictEqual(
      signatureFail,
    )
    const show = signed(server, 'GET', `${p}/secrets/auth-known`)
    expect(gateway(await send({ url: show.url.replace('auth-known', 'auth-other'), init: show.init }))).toStrictEqual(
      signatureFail,
    )
    const headers = { ...(show.init.headers as Record<string, string>), 'x-project-id': 'another' }
    expect(gateway(await send({ url: show.url, init: { ...show.init, headers } }))).toStrictEqual(signatureFail)
    expect((await send(signed(server, 'POST', `${p}/secrets`, { body }))).status).toBe(200)
  })

  it('refuses a request without X-Sdk-Date among its signed headers, or with a malformed one', async () => {
    const unsignedDate = signed(server, 'GET', `${p}/secrets`, { sign: ['host', 'content-type'] })
    expect(gateway(await send(unsignedDate))).toStrictEqual(signatureFail)
    const badDate = signed(server, 'GET', `${p}/secrets`, { headers: { 'x-sdk-date': '2026-03-01T00:00:00Z' } })
    expect(gateway(await send(badDate))).toStrictEqual(signatureFail)
    await stillServes()
  })

  it('refuses an unsigned call: 401 x-auth-token not found; a token alone: decrypt token fail', async () => {
    expect(gateway(await answer(await fetch(`${server.url}${p}/secrets`)))).toStrictEqual({
      status: 401,
      code: 'APIGW.0301',
      message: 'Incorrect IAM authentication information: x-auth-token not found',
    })
    const token = await fetch(`${server.url}${p}/secrets`, { headers: { 'x-auth-token': 'MIIxyz' } })
    expect(gateway(await answer(token))).toStrictEqual({
      status: 401,
      code: 'APIGW.0301',
      message: 'Incorrect IAM authentication information: decrypt token fail',
    })
    for (const authorization of [
      'SDK-HMAC-SHA256 garbage',
      'SDK-HMAC-SHA256 Access=SECRETSENGINETESTAK0',
      'V11-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=00',
      'SDK-HMAC-SHA256 Access=SECRETSENGINETESTAK0, SignedHeaders=Host;X-Sdk-Date, Signature=00',
    ]) {
      const response = await fetch(`${server.url}${p}/secrets`, { headers: { authorization } })
      expect(gateway(await answer(response))).toStrictEqual(signatureFail)
    }
    await stillServes()
  })
})

describe('X-Sdk-Date, on an injected server clock', () => {
  let server: RunningServer
  let offset = 0
  beforeAll(async () => {
    server = await startServer({ now: () => new Date(Date.now() + offset) })
  })
  afterAll(() => server.close())

  it('accepts 14 minutes off either way and refuses 16: 401 APIGW.0301 signature expired', async () => {
    for (const [minutes, ok] of [
      [14, true],
      [-14, true],
      [16, false],
      [-16, false],
    ] as const) {
      offset = minutes * 60_000
      const call = huaweiSdk(server)('GET', '/v1/{project_id}/secrets')
      if (ok) expect((await call)['httpStatusCode']).toBe(200)
      else {
        const error = await failure(call)
        expect(error).toMatchObject({ name: 'ClientRequestException', httpStatusCode: 401, errorCode: 'APIGW.0301' })
        expect(error.errorMsg).toMatch(
          /^Incorrect IAM authentication information: verify aksk signature fail, signature expired, signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z$/,
        )
      }
    }
    offset = 0
    expect((await huaweiSdk(server)('GET', '/v1/{project_id}/secrets'))['httpStatusCode']).toBe(200)
  })
})

describe('garbage', () => {
  let server: RunningServer
  let p: string
  const stillServes = async (): Promise<void> => {
    expect((await huaweiSdk(server)('GET', '/v1/{project_id}/secrets'))['httpStatusCode']).toBe(200)
  }
  beforeAll(async () => {
    server = await startServer({ huawei: { maxBodyBytes: 64 * 1024 } })
    p = `/v1/${server.huawei.projectId}`
  })
  afterAll(() => server.close())

  it('a body that is not JSON is 400 CSMS.0004, in the operation’s error shape', async () => {
    for (const body of ['{"name": "x",', 'not json', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), '   ']) {
      const flat = await send(signed(server, 'POST', `${p}/secrets`, { body }))
      expect({ status: flat.status, body: flat.body }).toStrictEqual({
        status: 400,
        body: { error_code: 'CSMS.0004', error_msg: 'The requested body format is wrong.' },
      })
      const nested = await send(signed(server, 'POST', `${p}/csms/events`, { body }))
      expect({ status: nested.status, body: nested.body }).toStrictEqual({
        status: 400,
        body: { error: { error_code: 'CSMS.0004', error_msg: 'The requested body format is wrong.' } },
      })
    }
    for (const body of ['[]', '"x"', 'null', '42']) {
      const response = await send(signed(server, 'POST', `${p}/secrets`, { body }))
      expect(response.status).toBe(400)
      expect(response.body?.['error_code']).toBe('CSMS.0004')
    }
    await stillServes()
  })

  it('unknown paths and wrong methods are 404 APIGW.0101, before authentication', async () => {
    const notFound = {
      status: 404,
      code: 'APIGW.0101',
      message: 'The API does not exist or has not been published in the environment.',
    }
    for (const [method, path] of [
      ['PATCH', `${p}/secrets`],
      ['DELETE', `${p}/secrets`],
      ['GET', `${p}/secrets/x/unknown`],
      ['GET', `${p}/csms/`],
      ['OPTIONS', `${p}/secrets`],
    ] as const) {
      expect(gateway(await answer(await fetch(`${server.url}${path}`, { method })))).toStrictEqual(notFound)
      expect(gateway(await send(signed(server, method, path)))).toStrictEqual(notFound)
    }
    // A Huawei-signed request to a path of neither API hears Huawei, not Alibaba.
    expect(gateway(await send(signed(server, 'GET', '/v2/whatever')))).toStrictEqual(notFound)
    await stillServes()
  })

  it('another project id is 400 CSMS.0003 once authenticated', async () => {
    const other = '0123456789abcdef0123456789abcdef'
    const response = await send(signed(server, 'GET', `/v1/${other}/secrets`))
    expect({ status: response.status, body: response.body }).toStrictEqual({
      status: 400,
      body: { error_code: 'CSMS.0003', error_msg: 'The request is invalid.' },
    })
    expect(gateway(await answer(await fetch(`${server.url}/v1/${other}/secrets`)))).toMatchObject({ status: 401 })
  })

  it('an oversized body is 413 APIGW.0201, declared or streamed', async () => {
    const big = `{"name":"big","secret_string":"${'a'.repeat(100 * 1024)}"}`
    expect(gateway(await send(signed(server, 'POST', `${p}/secrets`, { body: big })))).toStrictEqual({
      status: 413,
      code: 'APIGW.0201',
      message: 'Request entity too large.',
    })
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(16 * 1024).fill(0x61))
        controller.close()
      },
    })
    const streamed = await fetch(`${server.url}${p}/secrets`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(gateway(await answer(streamed))).toMatchObject({ status: 413, code: 'APIGW.0201' })
    await stillServes()
  })

  it('bad escapes in the path or query are CSMS errors, never a crash', async () => {
    const invalidRequest = { error_code: 'CSMS.0003', error_msg: 'The request is invalid.' }
    const invalidValue = { error_code: 'CSMS.0002', error_msg: 'The value of parameter is invalid.' }
    for (const [path, body] of [
      [`${p}/secrets/%E2%82`, invalidRequest],
      [`${p}/secrets/%zz`, invalidRequest],
      [`${p}/secrets/%00`, invalidValue],
      [`${p}/secrets/a%2Fb`, invalidValue],
    ] as const) {
      expect(gateway(await answer(await fetch(`${server.url}${path}`)))).toMatchObject({ status: 401 })
      const response = await send(signed(server, 'GET', path))
      expect({ status: response.status, body: response.body }).toStrictEqual({ status: 400, body })
    }
    // Bytes that are not UTF-8 decode to U+FFFD, as the signer saw them; the value is then invalid.
    const query = signed(server, 'GET', `${p}/secrets`, { query: { limit: '\uFFFD\uFFFD' } })
    const response = await send({ ...query, url: `${server.url}${p}/secrets?limit=%FF%FE` })
    expect({ status: response.status, body: response.body }).toStrictEqual({ status: 400, body: invalidValue })
    await stillServes()
  })
})

describe('every response', () => {
  it('carries X-Request-Id, for both APIs, success and error', async () => {
    const server = await startServer()
    try {
      const p = `/v1/${server.huawei.projectId}`
      const ok = await send(signed(server, 'GET', `${p}/secrets`))
      const csmsError = await send(signed(server, 'GET', `${p}/secrets/none`))
      const gatewayError = await answer(await fetch(`${server.url}${p}/secrets`))
      const empty = await send(signed(server, 'DELETE', `${p}/secrets/none/stages/x`))
      const alibaba = await fetch(`${server.url}/?Action=GetSecretValue&Version=2016-01-20`)
      for (const a of [ok, csmsError, gatewayError, empty]) expect(a.requestId).toMatch(/^[0-9a-f]{32}$/)
      expect(alibaba.headers.get('x-request-id')).toBe(alibaba.headers.get('x-acs-request-id'))
      expect(alibaba.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    } finally {
      await server.close()
    }
  })
})

describe('options', () => {
  it('takes a csms instance, credentials and a project id', async () => {
    const csms = createCsms({ projectId: 'abcdefabcdefabcdefabcdefabcdef01' })
    const credentials = [
      { ak: 'AKONE000000000000000', sk: 'sk-one' },
      { ak: 'AKTWO000000000000000', sk: 'sk-two' },
    ]
    const server = await startServer({ huawei: { csms, credentials } })
    try {
      expect(server.huawei.csms).toBe(csms)
      expect(server.huawei.projectId).toBe('abcdefabcdefabcdefabcdefabcdef01')
      expect(server.huawei.credentials).toStrictEqual(credentials)
      for (const key of credentials) {
        expect((await huaweiSdk(server, key)('GET', '/v1/{project_id}/secrets'))['httpStatusCode']).toBe(200)
      }
      expect(
        await failure(huaweiSdk(server, { ak: 'SECRETSENGINETESTAK0', sk: 'x' })('GET', '/v1/{project_id}/secrets')),
      ).toMatchObject({
        httpStatusCode: 401,
        errorCode: 'APIGW.0301',
      })
    } finally {
      await server.close()
    }
    const byId = await startServer({ huawei: { projectId: '0123456789abcdef0123456789abcdef' } })
    try {
      expect(byId.huawei.projectId).toBe('0123456789abcdef0123456789abcdef')
      expect(byId.huawei.csms.config.projectId).toBe('0123456789abcdef0123456789abcdef')
    } finally {
      await byId.close()
    }
    await expect(startServer({ huawei: { csms, projectId: '0123456789abcdef0123456789abcdef' } })).rejects.toThrow(
      /project id/,
    )
  })

  it('serves unsigned requests only when verification is switched off', async () => {
    const server = await startServer({ verifySignatures: false })
    try {
      const p = `/v1/${server.huawei.projectId}`
      const created = await fetch(`${server.url}${p}/secrets`, {
        method: 'POST',
        body: JSON.stringify({ name: 'open', secret_string: 'x' }),
      })
      expect(created.status).toBe(200)
      const got = await answer(await fetch(`${server.url}${p}/secrets/open/versions/latest`))
      expect((got.body?.['version'] as Body)['secret_string']).toBe('x')
    } finally {
      await server.close()
    }
  })

  it('logs each request without values, secret keys or signatures', async () => {
    const lines: Array<string> = []
    const server = await startServer({
      logger: { debug: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`) },
    })
    try {
      const sdk = huaweiSdk(server)
      await sdk('POST', '/v1/{project_id}/secrets', { body: { name: 'logged', secret_string: 'TOP-SECRET-VALUE-42' } })
      await sdk('GET', '/v1/{project_id}/secrets/{secret_name}/versions/latest', { path: { secret_name: 'logged' } })
      await failure(sdk('GET', '/v1/{project_id}/secrets/{secret_name}', { path: { secret_name: 'nope' } }))
      const bad = signed(server, 'GET', `/v1/${server.huawei.projectId}/secrets`, {
        key: { ak: 'SECRETSENGINETESTAK0', sk: 'wrong' },
      })
      await send(bad)
      const signature = /Signature=([0-9a-f]+)/.exec(
        String((bad.init.headers as Record<string, string>)['authorization']),
      )![1]!
      expect(lines).toHaveLength(4)
      expect(lines[0]).toContain('"operation":"createSecret"')
      expect(lines[0]).toContain('"ak":"SECRETSENGINETESTAK0"')
      expect(lines[2]).toContain('"code":"CSMS.0106"')
      expect(lines[3]).toContain('"code":"APIGW.0301"')
      const log = lines.join('\n')
      for (const forbidden of ['TOP-SECRET-VALUE-42', signature, server.huawei.credentials[0]!.sk, 'Signature=']) {
        expect(log).not.toContain(forbidden)
      }
    } finally {
      await server.close()
    }
  })
})

describe('the command line', () => {
  it('prints the Huawei endpoint, AK/SK and project id', async () => {
    const cli = fileURLToPath(new URL('../packages/server/src/cli.ts', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', cli, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = ''
        const timer = setTimeout(() => reject(new Error(`no banner in 20 s: ${text}`)), 20_000)
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8')
          if (text.includes('project id')) {
            clearTimeout(timer)
            resolve(text)
          }
        })
        child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${text}`)))
      })
      expect(out).toContain('Huawei Cloud CSMS')
      expect(out).toMatch(/AK\s+SECRETSENGINETESTAK0/)
      expect(out).toMatch(/SK\s+secrets-engine-huawei-test-sk-0000000000/)
      expect(out).toMatch(/project id\s+2b31ed520b8a4a6cbebedb6e57c1a7e5/)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
