/**
 * `startServer`: the Alibaba Cloud KMS Secrets Manager RPC API over HTTP on 127.0.0.1, so that the
 * official SDKs (pop-core, openapi-client, @alicloud/kms20160120) reach an in-memory engine just by
 * being given its endpoint. The server plays Alibaba's API gateway: it routes on `Action` (or the
 * `x-acs-action` header), reads parameters from the query string and from a form body, checks the
 * access key, the signature (HMAC-SHA1 or ACS3-HMAC-SHA256), the timestamp and the nonce, then hands
 * the business parameters to the engine and writes its answer as JSON. Errors carry their HTTP status
 * and the gateway's body `{RequestId, HostId, Code, Message, Recommend, HttpStatus}`, which every SDK
 * reads; success bodies never contain `Code`, which pop-core would take for an error.
 *
 * Beside it, on the same port, the server answers Huawei Cloud CSMS's REST API
 * (`/v1/{project_id}/secrets...`, `/v1/{project_id}/csms/...`) with SDK-HMAC-SHA256 signatures
 * verified, in front of a `Csms` engine from `@secrets-engine/huawei` (see `HuaweiApi`). Every
 * response of either API carries `X-Request-Id`.
 *
 * Nothing a client sends can stop the server: bodies are capped and read under a timeout, parsing is
 * total, and a defect in one request is a 500 for that request only.
 *
 * @since 0.1.0
 */
import { randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { createSecretsManager, isAction, type ApiError, type SecretsManager } from '@secrets-engine/alibaba'
import { createCsms, defaults as csmsDefaults, type Csms } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import * as FormEncoding from './FormEncoding.js'
import * as GatewayError from './GatewayError.js'
import * as HuaweiApi from './HuaweiApi.js'
import type { HuaweiCredential } from './HuaweiSignature.js'
import * as NonceCache from './NonceCache.js'
import * as RequestBody from './RequestBody.js'
import * as Signature from './Signature.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Receives one line per request at debug level. The fields never contain parameter values,
 * secret values or signatures.
 *
 * @category model
 * @since 0.1.0
 */
export interface Logger {
  readonly debug: (message: string, fields: Readonly<Record<string, unknown>>) => void
}

/**
 * The Huawei Cloud CSMS side of the server.
 *
 * @category model
 * @since 0.1.0
 */
export interface HuaweiOptions {
  /** The engine behind the CSMS API; a new `createCsms({ projectId })` by default. */
  readonly csms?: Csms
  /** The AK/SK pairs accepted; `defaults.huawei.credentials` (one documented test pair) by default. */
  readonly credentials?: ReadonlyArray<HuaweiCredential>
  /**
   * The project id of every path: the `csms` engine's own when one is given (a different one is an
   * error), otherwise `defaults.huawei.projectId`, a fixed 32-hex test id.
   */
  readonly projectId?: string
  /** The largest body accepted, in bytes; 6 MiB by default (a `secret_blob` may be 5,242,880 characters). */
  readonly maxBodyBytes?: number
}

/**
 * The Huawei side of a running server: what an SDK needs to reach it.
 *
 * @category model
 * @since 0.1.0
 */
export interface RunningHuawei {
  /** `http://127.0.0.1:<port>`: the SDK's `withEndpoint`. */
  readonly endpoint: string
  /** The AK/SK pairs the server accepts. */
  readonly credentials: ReadonlyArray<HuaweiCredential>
  /** The project id of every path: the SDK credentials' `withProjectId`. */
  readonly projectId: string
  readonly csms: Csms
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ServerOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number
  /** The engine behind the API; a new `createSecretsManager()` by default. */
  readonly engine?: SecretsManager
  /** The access key pairs accepted; `defaults.credentials` (one documented test pair) by default. */
  readonly credentials?: ReadonlyArray<Signature.Credential>
  /** Check access keys, signatures, timestamps and nonces (Alibaba) and AK/SK signatures (Huawei); true by default. */
  readonly verifySignatures?: boolean
  /** The Huawei Cloud CSMS API: its engine, AK/SK pairs and project id. */
  readonly huawei?: HuaweiOptions
  /** The server's clock, for timestamp and nonce checks (the engine has its own); the system clock by default. */
  readonly now?: () => Date
  /** A request log at debug level; none by default. */
  readonly logger?: Logger
  /** The largest body accepted, in bytes; 256 KiB by default. */
  readonly maxBodyBytes?: number
  /** Milliseconds a client has to send the request headers; 10 s by default. */
  readonly headersTimeout?: number
  /** Milliseconds a client has to send the whole request; 30 s by default. */
  readonly requestTimeout?: number
}

/**
 * @category model
 * @since 0.1.0
 */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`: pop-core takes it as is; the tea-based SDKs take `host` with `protocol: 'http'`. */
  readonly url: string
  /** `127.0.0.1:<port>`. */
  readonly host: string
  readonly port: number
  /** The access key pairs the server accepts. */
  readonly credentials: ReadonlyArray<Signature.Credential>
  readonly engine: SecretsManager
  /** The Huawei Cloud CSMS API on the same port. */
  readonly huawei: RunningHuawei
  /** Stops listening and closes every connection. */
  readonly close: () => Promise<void>
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const defaults = {
  /** The one test key pair a server accepts when given no `credentials`. Never a real key. */
  credentials: [{ accessKeyId: 'secrets-engine-test-id', accessKeySecret: 'secrets-engine-test-secret' }],
  maxBodyBytes: 256 * 1024,
  /**
   * The largest request line and headers read, in bytes: room for the largest valid request with
   * every parameter in its URL, as pop-core (GET), openapi-client and kms20160120 1.2.0 send it.
   * Percent-encoding writes a byte as up to three characters: SecretData (30,720 bytes) and Policy
   * (32,768 bytes) take up to 190,464 characters, ExtendedConfig (1,024 characters of up to 4 bytes)
   * 12,288, twenty tags in JSON (5,681 characters) 17,043; with Node's default 16 KiB for the rest
   * (the other parameters, the signature, the other headers), 236,179 bytes. Node's default alone
   * refused any SecretData over about 16 KB, or 5 KB of text that is percent-encoded whole.
   */
  maxHeaderBytes: 256 * 1024,
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  huawei: {
    /** The one AK/SK pair the Huawei API accepts when given no `credentials`. Never a real key. */
    credentials: [{ ak: 'SECRETSENGINETESTAK0', sk: 'secrets-engine-huawei-test-sk-0000000000' }],
    /** The project id of every CSMS path: a fixed 32-hex test id, as `createCsms` uses by default. */
    projectId: csmsDefaults.projectId,
    maxBodyBytes: 6 * 1024 * 1024,
  },
} as const

/**
 * The API version of KMS that the server speaks.
 *
 * @category constants
 * @since 0.1.0
 */
export const apiVersion = '2016-01-20'

/**
 * The common parameters of the RPC protocol: the gateway consumes them, the operation never sees them.
 * `RegionId` is one too, except for the tag operations, whose own parameter it is.
 *
 * @category constants
 * @since 0.1.0
 */
export const commonParameters: ReadonlyArray<string> = [
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'SecurityToken',
  'Timestamp',
]

const regionIdIsBusiness: ReadonlySet<string> = new Set(['TagResources', 'UntagResources', 'ListTagResources'])

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Starts a server on 127.0.0.1 and resolves once it listens.
 *
 * @category constructors
 * @since 0.1.0
 */
export const startServer = async (options: ServerOptions = {}): Promise<RunningServer> => {
  const engine = options.engine ?? createSecretsManager()
  const credentials = options.credentials ?? defaults.credentials
  const secrets = new Map(credentials.map((c) => [c.accessKeyId, c.accessKeySecret]))
  const now = options.now ?? (() => new Date())
  const maxBodyBytes = options.maxBodyBytes ?? defaults.maxBodyBytes
  const nonces = NonceCache.make({ ttl: 2 * Signature.timestampTolerance, maxEntries: 1_000_000 })
  const context: Context = {
    engine,
    secretOf: (id) => secrets.get(id),
    verify: options.verifySignatures ?? true,
    now: () => now().getTime(),
    nonces,
    maxBodyBytes,
    hostId: '',
  }
  const huawei = huaweiContext(options.huawei ?? {}, context.verify, context.now)

  const server = createServer({
    maxHeaderSize: defaults.maxHeaderBytes,
    headersTimeout: options.headersTimeout ?? defaults.headersTimeout,
    requestTimeout: options.requestTimeout ?? defaults.requestTimeout,
    // How often those two timeouts are checked; Node's default (30 s) would outlast them.
    connectionsCheckingInterval: 1_000,
  })
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serve(context, huawei.context, options.logger, req, res)
  })
  // A client Node refuses before there is a request hears why, then loses its connection.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) socket.end(clientErrorResponse(context, error, options.logger), () => socket.destroy())
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const host = `127.0.0.1:${port}`
  context.hostId = host

  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.close((error) => (error === undefined ? resolve() : reject(error)))
      server.closeAllConnections()
    })

  return {
    url: `http://${host}`,
    host,
    port,
    credentials,
    engine,
    huawei: {
      endpoint: `http://${host}`,
      credentials: huawei.credentials,
      projectId: huawei.context.csms.config.projectId,
      csms: huawei.context.csms,
    },
    close,
  }
}

/**
 * The parameters an operation sees: all but the common ones, keeping `RegionId` for the tag
 * operations, whose own parameter it is.
 *
 * @category destructors
 * @since 0.1.0
 */
export const businessParameters = (
  action: string,
  params: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> => {
  const business: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, value] of Object.entries(params)) {
    if (commonParameters.includes(name)) continue
    if (name === 'RegionId' && !regionIdIsBusiness.has(action)) continue
    Object.defineProperty(business, name, { value, enumerable: true })
  }
  return business
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

interface Context {
  readonly engine: SecretsManager
  readonly secretOf: (accessKeyId: string) => string | undefined
  readonly verify: boolean
  readonly now: () => number
  readonly nonces: NonceCache.NonceCache
  readonly maxBodyBytes: number
  hostId: string
}

interface Outcome {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly requestId: string
  readonly action?: string
  readonly accessKeyId?: string
  readonly scheme?: Signature.Scheme
}

const serve = async (
  context: Context,
  huawei: HuaweiApi.Context,
  logger: Logger | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  const started = performance.now()
  const forHuawei = HuaweiApi.isHuaweiRequest(req)
  let reply: HuaweiApi.Reply
  try {
    reply = forHuawei ? await HuaweiApi.handle(huawei, req) : alibabaReply(await handle(context, req))
  } catch {
    reply = forHuawei
      ? HuaweiApi.internalError()
      : alibabaReply(failure(context, GatewayError.internalFailure(), randomUUID()))
  }
  const json = reply.body === undefined ? '' : JSON.stringify(reply.body)
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { 'content-type': 'application/json;charset=utf-8' }),
      'content-length': Buffer.byteLength(json),
      'x-request-id': reply.requestId,
      ...(forHuawei ? {} : { 'x-acs-request-id': reply.requestId }),
      ...(req.complete ? {} : { connection: 'close' }),
    })
    res.end(json)
  }
  // A body left unread (too large, or refused before reading) is drained, not kept; the request
  // timeout ends a client that never stops sending.
  if (!req.complete) req.resume()
  logger?.debug('request', {
    requestId: reply.requestId,
    method: req.method,
    ...reply.fields,
    status: reply.status,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
  })
}

const alibabaReply = (outcome: Outcome): HuaweiApi.Reply => ({
  status: outcome.status,
  body: outcome.body,
  requestId: outcome.requestId,
  fields: {
    action: outcome.action,
    accessKeyId: outcome.accessKeyId,
    signature: outcome.scheme,
    code: outcome.body['Code'],
  },
})

const huaweiContext = (
  options: HuaweiOptions,
  verify: boolean,
  now: () => number,
): { readonly context: HuaweiApi.Context; readonly credentials: ReadonlyArray<HuaweiCredential> } => {
  if (
    options.csms !== undefined &&
    options.projectId !== undefined &&
    options.projectId !== options.csms.config.projectId
  ) {
    throw new Error('huawei.projectId differs from the project id of huawei.csms: give one or the other')
  }
  const csms = options.csms ?? createCsms({ projectId: options.projectId ?? defaults.huawei.projectId })
  const credentials = options.credentials ?? defaults.huawei.credentials
  const keys = new Map(credentials.map((c) => [c.ak, c.sk]))
  return {
    context: {
      csms,
      skOf: (ak) => keys.get(ak),
      verify,
      now,
      maxBodyBytes: options.maxBodyBytes ?? defaults.huawei.maxBodyBytes,
    },
    credentials,
  }
}

const handle = async (context: Context, req: IncomingMessage): Promise<Outcome> => {
  const requestId = randomUUID()
  const fail = (error: ApiError, extra: Partial<Outcome> = {}): Outcome => ({
    ...failure(context, error, requestId),
    ...extra,
  })

  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  if (req.method !== 'GET' && req.method !== 'POST') return fail(GatewayError.unsupportedHttpMethod())
  if (path !== '/') return fail(GatewayError.apiNotFound())

  const body = await readBody(req, context.maxBodyBytes)
  if (E.isLeft(body)) return fail(body.left)

  const query = FormEncoding.decode(Buffer.from(q < 0 ? '' : url.slice(q + 1), 'latin1'))
  if (E.isLeft(query)) return fail(GatewayError.malformedRequest(query.left))
  let form: FormEncoding.Pairs = []
  if (body.right.length > 0) {
    const type = (req.headers['content-type'] ?? '').toLowerCase()
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      return fail(GatewayError.malformedRequest('A body must be application/x-www-form-urlencoded.'))
    }
    const decoded = FormEncoding.decode(body.right)
    if (E.isLeft(decoded)) return fail(GatewayError.malformedRequest(decoded.left))
    form = decoded.right
  }
  const params: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, value] of [...query.right, ...form]) {
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      return fail(GatewayError.malformedRequest(`The parameter "${name.slice(0, 64)}" is given more than once.`))
    }
    Object.defineProperty(params, name, { value, enumerable: true })
  }

  const action = params['Action'] ?? firstHeader(req, 'x-acs-action')
  const version = params['Version'] ?? firstHeader(req, 'x-acs-version')
  if (action === undefined || action === '') return fail(GatewayError.missingParameter('Action'))
  if (version === undefined || version === '') return fail(GatewayError.missingParameter('Version'))
  if (version !== apiVersion) return fail(GatewayError.invalidVersion(), { action })
  if (!isAction(action)) return fail(GatewayError.apiNotFound(), { action })

  let verified: Signature.Verified | undefined
  if (context.verify) {
    const headers = req.headersDistinct
    const checked = Signature.verify(
      {
        method: req.method,
        path,
        query: query.right,
        params,
        header: (name) => headers[name],
        headerNames: Object.keys(headers),
        body: body.right,
      },
      context.secretOf,
      context.now(),
    )
    if (E.isLeft(checked)) return fail(checked.left, { action })
    verified = checked.right
    // Claimed only once the signature holds, so a forged request cannot burn a caller's nonce.
    if (!context.nonces.claim(`${verified.accessKeyId}\n${verified.nonce}`, context.now())) {
      return fail(GatewayError.signatureNonceUsed(), { action, accessKeyId: verified.accessKeyId })
    }
  }
  const who = verified === undefined ? {} : { accessKeyId: verified.accessKeyId, scheme: verified.scheme }

  const result = await context.engine.request(action, businessParameters(action, params))()
  if (E.isLeft(result)) return fail(result.left, { action, ...who })
  return { status: 200, body: result.right, requestId: result.right.RequestId, action, ...who }
}

const failure = (context: Context, error: ApiError, requestId: string): Outcome => ({
  status: error.httpStatus,
  requestId,
  body: {
    RequestId: requestId,
    HostId: context.hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=${encodeURIComponent(error.code)}&product=Kms&requestId=${requestId}`,
    HttpStatus: error.httpStatus,
  },
})

// What Node's parser refuses: a client that breaks the protocol gets a plain 400 (408 if it stalls),
// nothing more. Headers over `maxHeaderBytes` are a request all the same (a URL carrying too much),
// so they get the gateway's 431 with a request id; the path is not parsed yet, so which API it was
// meant for is unknown, and the answer has Alibaba's shape, the API of every path but Huawei's.
const clientErrorResponse = (context: Context, error: NodeJS.ErrnoException, logger: Logger | undefined): string => {
  if (error.code !== 'HPE_HEADER_OVERFLOW') {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'
    return `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
  }
  const requestId = randomUUID()
  const outcome = failure(context, GatewayError.headersTooLarge(defaults.maxHeaderBytes), requestId)
  logger?.debug('request', { requestId, status: outcome.status, code: outcome.body['Code'] })
  return rawResponse(outcome)
}

// An Alibaba answer written straight to the socket, with the headers `serve` gives one.
const rawResponse = (outcome: Outcome): string => {
  const json = JSON.stringify(outcome.body)
  return [
    `HTTP/1.1 ${outcome.status} ${STATUS_CODES[outcome.status] ?? ''}`,
    'content-type: application/json;charset=utf-8',
    `content-length: ${Buffer.byteLength(json)}`,
    `x-request-id: ${outcome.requestId}`,
    `x-acs-request-id: ${outcome.requestId}`,
    'connection: close',
    '',
    json,
  ].join('\r\n')
}

const firstHeader = (req: IncomingMessage, name: string): string | undefined => req.headersDistinct[name]?.[0]

// The whole body, or 413 as soon as it is known to be too large (from Content-Length, or counted).
const readBody = async (req: IncomingMessage, limit: number): Promise<E.Either<ApiError, Buffer>> =>
  E.mapLeft((failure: RequestBody.Failure) =>
    failure === 'too-large'
      ? GatewayError.bodyTooLarge(limit)
      : GatewayError.malformedRequest('The body could not be read.'),
  )(await RequestBody.read(req, limit))
