// Requests the SDKs cannot be made to send (a chosen Timestamp, another project id), signed by hand
// from the providers' documents rather than by the server's own code: Alibaba's "Signature"
// document for HMAC-SHA1, Huawei's API Request Signing Guide for SDK-HMAC-SHA256.
import { createHash, createHmac } from 'node:crypto'
import type { RunningServer } from '@secrets-engine/server'

/** RFC 3986 percent-encoding, as both documents use it. */
export const percentEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** A date as the Alibaba documents write it: UTC, whole seconds. */
export const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

let nonceCounter = 0
/** A nonce no other request of this process has. */
export const freshNonce = (): string => `test-nonce-${process.pid}-${++nonceCounter}`

/**
 * The query string of a GET signed with HMAC-SHA1, as in Alibaba's "Signature" document; `overrides`
 * replace common parameters (a chosen `Timestamp`, another `SignatureMethod`) before signing.
 */
export const alibabaQuery = (
  params: Readonly<Record<string, string>>,
  key: { readonly accessKeyId: string; readonly accessKeySecret: string },
  overrides: Readonly<Record<string, string>> = {},
): string => {
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: '2016-01-20',
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: freshNonce(),
    Timestamp: isoSeconds(new Date()),
    ...params,
    ...overrides,
  }
  const canonical = Object.keys(all)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(all[name]!)}`)
    .join('&')
  const stringToSign = `GET&%2F&${percentEncode(canonical)}`
  const signature = createHmac('sha1', `${key.accessKeySecret}&`).update(stringToSign).digest('base64')
  return `${canonical}&Signature=${percentEncode(signature)}`
}

export interface HuaweiRequest {
  readonly url: string
  readonly init: RequestInit
}

/**
 * A request signed with SDK-HMAC-SHA256 as the Signing Guide describes it: `path` is sent as given
 * (percent-encoded), and its canonical URI is each segment decoded and encoded again, with a
 * trailing `/`.
 */
export const huaweiSigned = (
  server: RunningServer,
  method: string,
  path: string,
  options: { readonly body?: string; readonly sk?: string } = {},
): HuaweiRequest => {
  const { ak, sk } = server.huawei.credentials[0]!
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: server.host,
    'x-sdk-date': new Date()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, ''),
  }
  const names = Object.keys(headers).sort()
  const uri = path
    .split('/')
    .map((segment) => percentEncode(decodeURIComponent(segment)))
    .join('/')
  const body = options.body ?? ''
  const canonical = [
    method,
    uri.endsWith('/') ? uri : `${uri}/`,
    '',
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n')
  const toSign = `SDK-HMAC-SHA256\n${headers['x-sdk-date']}\n${createHash('sha256').update(canonical).digest('hex')}`
  const signature = createHmac('sha256', options.sk ?? sk)
    .update(toSign)
    .digest('hex')
  return {
    url: `${server.url}${path}`,
    init: {
      method,
      headers: {
        ...headers,
        authorization: `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
      },
      ...(method === 'GET' ? {} : { body }),
    },
  }
}

/** An answer as the tests compare it: status, parsed body (none: undefined) and `X-Request-Id`. */
export interface Answer {
  readonly status: number
  readonly body: Record<string, unknown> | undefined
  readonly requestId: string | null
}

export const send = async (request: { readonly url: string; readonly init?: RequestInit }): Promise<Answer> => {
  const response = await fetch(request.url, request.init)
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    requestId: response.headers.get('x-request-id'),
  }
}
