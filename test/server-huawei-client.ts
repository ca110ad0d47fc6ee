// Huawei Cloud's official Node SDK core, pointed at a running server. The CSMS service package
// (@huaweicloud/huaweicloud-sdk-csms) is not on the registry reachable here, so each CSMS call is
// sent the way its generated `CsmsClient` sends it: `HcClient.sendRequest` with the operation's
// method, URL template, content type, path and query parameters and body, signed by the core's
// AK/SK signer with `BasicCredentials`. The core is CommonJS and its declared types do not cover
// what is used here, so it is loaded with `require` and typed by what is used.
import { createRequire } from 'node:module'
import type { RunningServer } from '@secrets-engine/server'

const require = createRequire(import.meta.url)

export type Body = Record<string, unknown>

interface Credentials {
  withAk: (ak: string) => Credentials
  withSk: (sk: string) => Credentials
  withProjectId: (projectId: string) => Credentials
}
interface HcClient {
  sendRequest: (options: object) => Promise<Body>
  httpClient: { _logger: object }
}
interface Builder {
  withCredential: (credential: Credentials) => Builder
  withEndpoint: (endpoint: string) => Builder
  withOptions: (options: object) => Builder
  build: () => HcClient
}
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core') as {
  BasicCredentials: new () => Credentials
}
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder') as {
  ClientBuilder: new (init: (client: HcClient) => HcClient) => Builder
}

export interface Key {
  readonly ak: string
  readonly sk: string
}

export interface CallOptions {
  readonly path?: Readonly<Record<string, string>>
  readonly query?: Readonly<Record<string, string>>
  readonly body?: object
}

/** One CSMS operation as the generated client sends it; answers the parsed body plus `httpStatusCode`. */
export type Send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options?: CallOptions) => Promise<Body>

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

/**
 * A client of `@huaweicloud/huaweicloud-sdk-core` 3.1.211 for the server: `BasicCredentials` with the
 * project id (without one the SDK would ask IAM for it, off the loopback), the server's endpoint, and
 * a custom User-Agent (the default one writes ~/.huaweicloud/application_id).
 */
export const huaweiSdk = (
  server: RunningServer,
  key: Key = server.huawei.credentials[0]!,
  projectId: string = server.huawei.projectId,
): Send => {
  const credentials = new BasicCredentials().withAk(key.ak).withSk(key.sk).withProjectId(projectId)
  const client = new ClientBuilder((c) => c)
    .withCredential(credentials)
    .withEndpoint(server.huawei.endpoint)
    .withOptions({ customUserAgent: 'secrets-engine-tests' })
    .build()
  // The SDK logs every failed call at ERROR level, axios error and all; the tests check the errors.
  client.httpClient._logger = silent
  return (method, url, options = {}) =>
    client.sendRequest({
      method,
      url,
      // The generated client's content types: JSON with charset for a body, plain JSON otherwise.
      contentType: options.body === undefined ? 'application/json' : 'application/json;charset=UTF-8',
      headers: {},
      pathParams: { ...options.path },
      queryParams: { ...options.query },
      ...(options.body === undefined ? {} : { data: options.body }),
    })
}

/** What the SDK threw, reduced to what the tests compare. */
export interface Thrown {
  readonly name: string
  readonly httpStatusCode: unknown
  readonly errorCode: unknown
  readonly errorMsg: unknown
  readonly requestId: unknown
}

export const thrown = async (call: Promise<unknown>): Promise<Thrown> => {
  try {
    await call
  } catch (error) {
    const e = error as Record<string, unknown> & { constructor: { name: string } }
    return {
      name: e.constructor.name,
      httpStatusCode: e['httpStatusCode'],
      errorCode: e['errorCode'],
      errorMsg: e['errorMsg'],
      requestId: e['requestId'],
    }
  }
  throw new Error('the call succeeded')
}

/** The error part of `thrown`: the SDK's exception class, status, code and message. */
export const failure = async (call: Promise<unknown>): Promise<Omit<Thrown, 'requestId'>> => {
  const { requestId: _requestId, ...rest } = await thrown(call)
  return rest
}
