// The HTTP server itself: the largest valid request fits in a URL, for the SDKs that put every
// parameter there; request lines and headers past the limit hear the gateway's 431; and a nonce is
// refused at the very edge of the timestamp window, on a fixed clock.
import { connect } from 'node:net'
import { CreateSecret } from '@secrets-engine/alibaba'
import { defaults, startServer, type RunningServer } from '@secrets-engine/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kms120, openApiClient, popCore, type SdkClient } from '../../../test/server-clients.js'
import { alibabaQuery, isoSeconds, send } from '../../../test/server-signers.js'

/** A valid policy document of `bytes` UTF-8 bytes or a little less, nearly all of it 3-byte characters. */
const policyOf = (bytes: number): string => {
  const document = (note: string): string =>
    JSON.stringify({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { RAM: ['acs:ram::1234567890123456:root'], Note: note },
          Action: ['kms:GetSecretValue'],
          Resource: ['*'],
        },
      ],
    })
  return document('秘'.repeat(Math.floor((bytes - Buffer.byteLength(document(''))) / 3)))
}

/** The raw answer to a raw request: the status line, the headers by lower-case name, the body. */
const rawExchange = (port: number, request: string): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString('utf8')))
    socket.on('close', () => resolve(data))
    // The server closes without reading what is left of a refused request: a reset may follow the answer.
    socket.on('error', () => resolve(data))
    socket.setTimeout(10_000, () => socket.destroy())
    socket.end(request)
  })

const parseResponse = (raw: string) => {
  const end = raw.indexOf('\r\n\r\n')
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n')
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  )
  return { statusLine, headers, body: JSON.parse(raw.slice(end + 4)) as Record<string, unknown> }
}

describe('a request with every parameter in its URL', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  const urlClients: ReadonlyArray<readonly [string, (server: RunningServer) => SdkClient]> = [
    ['pop-core GET', (s) => popCore(s, 'GET')],
    ['openapi-client ACS3-HMAC-SHA256', (s) => openApiClient(s, 'v3')],
    ['kms20160120 1.2.0', (s) => kms120(s)],
  ]

  it.each(urlClients)('%s: CreateSecret with the largest SecretData and Policy, read back', async (label, client) => {
    // Two-byte characters: every byte of SecretData is percent-encoded, 92,160 characters in the URL.
    const secretData = 'ü'.repeat(CreateSecret.limits.secretDataBytes / 2)
    const policy = policyOf(CreateSecret.limits.policyBytes)
    const name = `url/${label.replace(/[^A-Za-z0-9]+/g, '-')}`
    const sdk = client(server)
    const created = await sdk.call('CreateSecret', {
      SecretName: name,
      VersionId: 'v1',
      SecretData: secretData,
      Policy: policy,
    })
    expect(created).toMatchObject({ SecretName: name, VersionId: 'v1' })
    expect((await sdk.call('GetSecretValue', { SecretName: name }))['SecretData']).toBe(secretData)
    expect((await sdk.call('GetSecretPolicy', { SecretName: name }))['Policy']).toBe(policy)
  })

  it('past the limit of the request line and headers: 431 with the gateway’s body and request id', async () => {
    const raw = await rawExchange(
      server.port,
      `GET /?Action=GetSecretValue&Version=2016-01-20 HTTP/1.1\r\nHost: ${server.host}\r\n` +
        `x-padding: ${'a'.repeat(defaults.maxHeaderBytes)}\r\n\r\n`,
    )
    const { statusLine, headers, body } = parseResponse(raw)
    expect(statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large')
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(headers['x-acs-request-id']).toBe(headers['x-request-id'])
    expect(headers['content-type']).toBe('application/json;charset=utf-8')
    expect(body).toStrictEqual({
      RequestId: headers['x-request-id'],
      HostId: server.host,
      Code: 'RequestHeaderFieldsTooLarge',
      Message: `The request line and headers are larger than ${defaults.maxHeaderBytes} bytes.`,
      Recommend: `https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=RequestHeaderFieldsTooLarge&product=Kms&requestId=${headers['x-request-id']}`,
      HttpStatus: 431,
    })
    // The server goes on serving.
    const sdk = popCore(server, 'GET')
    await sdk.call('CreateSecret', { SecretName: 'after-431', VersionId: 'v1', SecretData: 'x' })
    expect((await sdk.call('GetSecretValue', { SecretName: 'after-431' }))['SecretData']).toBe('x')
  })
})

describe('a replayed nonce at the edge of the timestamp window, on a fixed clock', () => {
  const minutes = 60_000
  const timestamp = Date.parse('2026-03-01T12:00:00Z')
  let clock = timestamp
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ now: () => new Date(clock) })
    await server.engine.request('CreateSecret', { SecretName: 'edge', VersionId: 'v1', SecretData: 'edge value' })()
  })
  afterAll(() => server.close())

  it('is refused at exactly 15 minutes late when first sent 15 minutes early: 400 SignatureNonceUsed', async () => {
    const query = alibabaQuery({ Action: 'GetSecretValue', SecretName: 'edge' }, server.credentials[0]!, {
      Timestamp: isoSeconds(new Date(timestamp)),
    })
    const url = `${server.url}/?${query}`
    clock = timestamp - 15 * minutes
    const first = await send({ url })
    expect({ status: first.status, data: first.body?.['SecretData'] }).toStrictEqual({
      status: 200,
      data: 'edge value',
    })
    clock = timestamp + 15 * minutes
    const replayed = await send({ url })
    expect({ status: replayed.status, code: replayed.body?.['Code'] }).toStrictEqual({
      status: 400,
      code: 'SignatureNonceUsed',
    })
    // A millisecond later the timestamp itself is refused, so the nonce need not be remembered longer.
    clock = timestamp + 15 * minutes + 1
    const late = await send({ url })
    expect({ status: late.status, code: late.body?.['Code'] }).toStrictEqual({ status: 400, code: 'IllegalTimestamp' })
  })
})
