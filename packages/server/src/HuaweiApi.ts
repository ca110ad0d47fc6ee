/**
 * The Huawei Cloud CSMS side of the server: REST requests on `/v1/{project_id}/secrets...` and
 * `/v1/{project_id}/csms/...`, answered by a `Csms` engine from `@secrets-engine/huawei`. The server
 * plays Huawei's API gateway first (no such API: 404 APIGW.0101; body too large: 413 APIGW.0201;
 * AK/SK signature: 401 APIGW.0301, in the gateway's flat body with `request_id`), then CSMS (a body
 * that is not JSON: 400 CSMS.0004; everything else the engine's own answer, in the flat or nested
 * error shape that the operation documents). Every answer carries `X-Request-Id`, which the SDK
 * reports as `requestId`.
 *
 * @since 0.1.0
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { CsmsErrors, Routes, type Csms, type CsmsError } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import * as HuaweiGatewayError from './HuaweiGatewayError.js'
import * as HuaweiSignature from './HuaweiSignature.js'
import * as RequestBody from './RequestBody.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What the Huawei side runs on.
 *
 * @category model
 * @since 0.1.0
 */
export interface Context {
  readonly csms: Csms
  readonly skOf: (ak: string) => string | undefined
  readonly verify: boolean
  /** The server's clock, epoch ms. */
  readonly now: () => number
  readonly maxBodyBytes: number
}

/**
 * An answer: its status, its JSON body (`undefined`: none) and the fields of its log line, which
 * never hold a value, a secret key or a signature.
 *
 * @category model
 * @since 0.1.0
 */
export interface Reply {
  readonly status: number
  readonly body: object | undefined
  readonly requestId: string
  readonly fields: Readonly<Record<string, unknown>>
}

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

const huaweiPath = /^\/v1\/(?:csms(?:\/|$)|[^/?]+\/(?:secrets|csms)(?:[/?]|$))/

/**
 * Whether a request is for the Huawei API: a CSMS path, or any path with Huawei's signature (so a
 * Huawei SDK with a wrong path hears Huawei's 404, not Alibaba's).
 *
 * @category refinements
 * @since 0.1.0
 */
export const isHuaweiRequest = (req: IncomingMessage): boolean => {
  if (huaweiPath.test(req.url ?? '/')) return true
  const authorization = req.headers['authorization']
  return (
    req.headers['x-sdk-date'] !== undefined ||
    (typeof authorization === 'string' && authorization.trimStart().startsWith(HuaweiSignature.algorithm))
  )
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Answers one request. Total: every failure is an answer.
 *
 * @category destructors
 * @since 0.1.0
 */
export const handle = async (context: Context, req: IncomingMessage): Promise<Reply> => {
  const requestId = newRequestId()
  const method = req.method ?? 'GET'
  const url = req.url ?? '/'
  let fields: Record<string, unknown> = { api: 'huawei' }
  const gateway = (error: HuaweiGatewayError.HuaweiGatewayError): Reply => ({
    status: error.httpStatus,
    body: HuaweiGatewayError.toWire(error, requestId),
    requestId,
    fields: { ...fields, code: error.code },
  })
  const csmsError = (error: CsmsError, shape: 'flat' | 'nested'): Reply => ({
    status: error.httpStatus,
    body: CsmsErrors.toWire(error, shape),
    requestId,
    fields: { ...fields, code: error.error_code },
  })

  const matched = Routes.match(method, url, context.csms.config.projectId)
  if (E.isLeft(matched) && matched.left.error_code === 'APIGW.0101') return gateway(HuaweiGatewayError.apiNotFound())
  const named = E.isRight(matched) ? matched.right.route : routeUnderItsOwnProject(method, url)
  if (named !== undefined) fields = { ...fields, operation: named.operation }

  const body = await RequestBody.read(req, context.maxBodyBytes)
  if (E.isLeft(body)) {
    return gateway(body.left === 'too-large' ? HuaweiGatewayError.bodyTooLarge() : HuaweiGatewayError.badRequest())
  }

  if (context.verify) {
    const q = url.indexOf('?')
    const verified = HuaweiSignature.verify(
      {
        method,
        path: q < 0 ? url : url.slice(0, q),
        query: [...new URLSearchParams(q < 0 ? '' : url.slice(q + 1))],
        header: (name) => headerValue(req, name),
        body: body.right,
      },
      context.skOf,
      context.now(),
    )
    if (E.isLeft(verified)) return gateway(verified.left)
    fields = { ...fields, ak: verified.right.ak, signature: HuaweiSignature.algorithm }
  }

  // Known API, wrong project: CSMS's own answer, once the caller is known, in the shape of the
  // operation the path names. A path that does not decode names none: flat.
  if (E.isLeft(matched)) return csmsError(matched.left, named?.errorShape ?? 'flat')
  const { route } = matched.right

  const json = parseJson(body.right)
  if (E.isLeft(json)) return csmsError(CsmsErrors.malformedBody(), route.errorShape)

  const result = await context.csms.dispatch(matched.right, json.right)()
  if (E.isLeft(result)) return csmsError(result.left, route.errorShape)
  const empty = route.successStatus === 204 || Object.keys(result.right).length === 0
  return {
    status: route.successStatus,
    body: empty ? undefined : result.right,
    requestId,
    fields: { ...fields, code: undefined },
  }
}

/**
 * The answer to a defect: 500, in CSMS's flat shape.
 *
 * @category destructors
 * @since 0.1.0
 */
export const internalError = (): Reply => {
  const requestId = newRequestId()
  const error = CsmsErrors.internalError()
  return {
    status: error.httpStatus,
    body: CsmsErrors.toWire(error, 'flat'),
    requestId,
    fields: { api: 'huawei', code: error.error_code },
  }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

// The route of a path whose project id is not the server's: `match` refuses such a path before it
// says which route it is, so it is asked again with the path's own project id (every served path is
// `/v1/{project_id}/...`). A path that does not decode names no route.
const routeUnderItsOwnProject = (method: string, url: string): Routes.Route | undefined => {
  let projectId: string
  try {
    projectId = decodeURIComponent(new URL(url, 'http://csms.invalid').pathname.split('/')[2] ?? '')
  } catch {
    return undefined
  }
  const matched = Routes.match(method, url, projectId)
  return E.isRight(matched) ? matched.right.route : undefined
}

// 32 lower-case hex digits, as Huawei's request ids.
const newRequestId = (): string => randomUUID().replace(/-/g, '')

const headerValue = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

// No body reads as `undefined` (the engine takes it as `{}`); anything else must be UTF-8 JSON.
const parseJson = (bytes: Uint8Array): E.Either<'malformed', unknown> => {
  if (bytes.length === 0) return E.right(undefined)
  try {
    return E.right(JSON.parse(utf8.decode(bytes)) as unknown)
  } catch {
    return E.left('malformed')
  }
}
