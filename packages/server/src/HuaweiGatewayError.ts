/**
 * The errors that Huawei Cloud's API gateway (APIGW) answers before a request reaches CSMS: no such
 * API, a body too large, failed AK/SK authentication. The wire body is the gateway's flat shape with
 * the request id, `{"error_code": "APIGW.0301", "error_msg": "...", "request_id": "..."}`. Codes,
 * statuses and messages are those of Huawei's API Request Signing Guide and API Gateway documents
 * (see the package README, "Huawei errors"); where they are silent, the choice is ours and says so.
 * A message never quotes a secret key, a signature or a body.
 *
 * @since 0.1.0
 */
import { CsmsErrors } from '@secrets-engine/huawei'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface HuaweiGatewayError {
  readonly code: string
  readonly httpStatus: number
  readonly message: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const make = (code: string, httpStatus: number, message: string): HuaweiGatewayError => ({
  code,
  httpStatus,
  message,
})

const iam = (detail: string): HuaweiGatewayError =>
  make('APIGW.0301', 401, `Incorrect IAM authentication information: ${detail}`)

/**
 * No `Authorization` header and no `X-Auth-Token`: the gateway's answer to an unauthenticated call.
 *
 * @category constructors
 * @since 0.1.0
 */
export const authenticationMissing = (): HuaweiGatewayError => iam('x-auth-token not found')

/**
 * An `X-Auth-Token` without an AK/SK signature: the server has no IAM to decrypt tokens with, so
 * every token is one the gateway cannot decrypt.
 *
 * @category constructors
 * @since 0.1.0
 */
export const tokenUnsupported = (): HuaweiGatewayError => iam('decrypt token fail')

/**
 * The signature is malformed, lacks a signed `X-Sdk-Date`, or is not the one the server computes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const signatureMismatch = (): HuaweiGatewayError => iam('verify aksk signature fail')

/**
 * `X-Sdk-Date` is more than 15 minutes from the server's clock. The Signing Guide lists this as a
 * cause of "verify aksk signature fail"; the times after it are the gateway's APP-auth wording.
 *
 * @category constructors
 * @since 0.1.0
 */
export const signatureExpired = (signatureTime: string, serverTime: string): HuaweiGatewayError =>
  iam(`verify aksk signature fail, signature expired, signature time:${signatureTime},server time:${serverTime}`)

/**
 * The `Access` key is not one the server accepts. The key id is not a secret; it is cut to 64
 * characters so a caller cannot grow the answer.
 *
 * @category constructors
 * @since 0.1.0
 */
export const accessKeyNotFound = (ak: string): HuaweiGatewayError =>
  iam(`Get secretKey failed,ak:${ak.slice(0, 64)},err:ak not exist`)

/**
 * No API has this method and path: the engine's own APIGW.0101 row, with the request id the gateway
 * adds.
 *
 * @category constructors
 * @since 0.1.0
 */
export const apiNotFound = (): HuaweiGatewayError => {
  const { error_code, httpStatus, error_msg } = CsmsErrors.routeNotFound()
  return make(error_code, httpStatus, error_msg)
}

/**
 * The body is larger than the server accepts.
 *
 * @category constructors
 * @since 0.1.0
 */
export const bodyTooLarge = (): HuaweiGatewayError => make('APIGW.0201', 413, 'Request entity too large.')

/**
 * The body could not be read (the client went away, or broke the framing).
 *
 * @category constructors
 * @since 0.1.0
 */
export const badRequest = (): HuaweiGatewayError => make('APIGW.0201', 400, 'API request error.')

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The gateway's error body.
 *
 * @category destructors
 * @since 0.1.0
 */
export const toWire = (
  error: HuaweiGatewayError,
  requestId: string,
): { readonly error_code: string; readonly error_msg: string; readonly request_id: string } => ({
  error_code: error.code,
  error_msg: error.message,
  request_id: requestId,
})
