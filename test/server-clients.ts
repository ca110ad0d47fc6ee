// The official Alibaba Cloud Node clients, each behind one small interface, pointed at a running
// server: `call(action, params)` sends wire-shaped parameters the way that client sends them and
// answers with the response body as plain data. The clients are CommonJS and their bundled types
// do not match their exports, so they are loaded with `require` and typed here by what is used.
import { createRequire } from 'node:module'
import type { RunningServer } from '@secrets-engine/server'

const require = createRequire(import.meta.url)

export type Params = Readonly<Record<string, string>>
export type Body = Record<string, unknown>

export interface SdkClient {
  readonly name: string
  readonly call: (action: string, params: Params) => Promise<Body>
  /** The `code` of the error this client throws for a gateway `Code`. */
  readonly codeOf: (code: string) => string
}

export interface Key {
  readonly accessKeyId: string
  readonly accessKeySecret: string
}

/** The error a client threw, reduced to what the tests compare. */
export interface Thrown {
  readonly code: unknown
  readonly status: unknown
}

// Plain data: pop-core answers objects without prototype, the tea clients model instances.
const plain = (u: unknown): Body => JSON.parse(JSON.stringify(u)) as Body

interface PopCore {
  readonly request: (action: string, params: object, options: object) => Promise<unknown>
}
const { RPCClient } = require('@alicloud/pop-core') as {
  RPCClient: new (config: object) => PopCore
}

/** pop-core 1.8.0: HMAC-SHA1, every parameter in the query (GET) or in a form body (POST). */
export const popCore = (
  server: RunningServer,
  method: 'GET' | 'POST',
  key: Key = server.credentials[0]!,
): SdkClient => {
  const client = new RPCClient({ ...key, endpoint: server.url, apiVersion: '2016-01-20' })
  return {
    name: `@alicloud/pop-core 1.8.0 (${method})`,
    call: async (action, params) => plain(await client.request(action, params, { method, timeout: 10_000 })),
    codeOf: (code) => code,
  }
}

interface OpenApiModule {
  default: new (config: object) => {
    callApi: (params: object, request: object, runtime: object) => Promise<{ body: unknown }>
  }
  Config: new (map: object) => object
  Params: new (map: object) => object
  OpenApiRequest: new (map: object) => object
}
const OpenApi = require('@alicloud/openapi-client') as OpenApiModule

/**
 * openapi-client 0.4.15 called as the generated kms20160120 2.x client calls it: POST, business
 * parameters in the query, ACS3-HMAC-SHA256 by default or HMAC-SHA1 with `signatureAlgorithm: 'v2'`.
 */
export const openApiClient = (
  server: RunningServer,
  signature: 'v3' | 'v2',
  key: Key = server.credentials[0]!,
): SdkClient => {
  const client = new OpenApi.default(
    new OpenApi.Config({
      ...key,
      endpoint: server.host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      ...(signature === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  )
  return {
    name: `@alicloud/openapi-client 0.4.15 (${signature === 'v3' ? 'ACS3-HMAC-SHA256' : 'HMAC-SHA1'})`,
    call: async (action, params) => {
      const apiParams = new OpenApi.Params({
        action,
        version: '2016-01-20',
        protocol: 'HTTPS',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      })
      const response = await client.callApi(apiParams, new OpenApi.OpenApiRequest({ query: { ...params } }), {
        readTimeout: 10_000,
        connectTimeout: 10_000,
      })
      return plain(response.body)
    },
    codeOf: (code) => code,
  }
}

interface Model {
  readonly toMap: () => unknown
}
type KmsModule = Record<string, unknown> & {
  default: new (config: object) => Record<string, unknown> & {
    doRequest: (...args: ReadonlyArray<unknown>) => Promise<unknown>
  }
}
const Kms = require('@alicloud/kms20160120') as KmsModule

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1)

/**
 * @alicloud/kms20160120 1.2.0 through its typed methods (`createSecret(new CreateSecretRequest(...))`).
 * Where its request model lacks a parameter (1.2.0 predates `ListSecrets` filters), the call goes
 * through the client's own `doRequest`, which every typed method uses.
 */
export const kms120 = (server: RunningServer, key: Key = server.credentials[0]!): SdkClient => {
  const client = new Kms.default({ ...key, endpoint: server.host, protocol: 'http', regionId: 'cn-hangzhou' })
  return {
    name: '@alicloud/kms20160120 1.2.0',
    call: async (action, params) => {
      const Request = Kms[`${action}Request`] as (new (map: object) => object) & { names: () => object }
      const method = client[lowerFirst(action)] as ((request: object) => Promise<Model>) | undefined
      const known = new Set(Object.values(Request?.names() ?? {}))
      if (Request !== undefined && method !== undefined && Object.keys(params).every((name) => known.has(name))) {
        const model = Object.fromEntries(Object.entries(params).map(([name, value]) => [lowerFirst(name), value]))
        const response = await method.call(client, new Request(model))
        return plain(response.toMap())
      }
      return plain(await client.doRequest(action, 'HTTPS', 'POST', '2016-01-20', 'AK', { ...params }, null, {}))
    },
    codeOf: (code) => `${code}Error`,
  }
}

/** What a failed call threw: the client's error code and the HTTP status it saw, where it keeps one. */
export const thrown = async (call: Promise<unknown>): Promise<Thrown> => {
  try {
    await call
  } catch (error) {
    const e = error as { code?: unknown; statusCode?: unknown; data?: { HttpStatus?: unknown }; message?: unknown }
    const fromMessage = /code: (\d{3})/.exec(String(e.message))?.[1]
    return {
      code: e.code,
      status: e.statusCode ?? e.data?.HttpStatus ?? (fromMessage === undefined ? undefined : Number(fromMessage)),
    }
  }
  throw new Error('the call succeeded')
}
