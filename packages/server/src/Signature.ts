/**
 * Verifies the two request signatures the official Alibaba Cloud SDKs send to an RPC API:
 * HMAC-SHA1 (`SignatureVersion=1.0`, pop-core, rpc-client, openapi-client with `signatureAlgorithm:
 * 'v2'`) and ACS3-HMAC-SHA256 (the `Authorization` header of openapi-client and the SDKs built on
 * it). The server computes the signature again from what it received, with the secret of the
 * access key the request names, exactly as the SDKs compute it (see Alibaba's "Signature" and
 * "V3 request structure and signature" documents). Verification is a pure function of the request,
 * the known keys and the time; remembering nonces is the caller's part.
 *
 * @since 0.1.0
 */
import { createHmac } from 'node:crypto'
import type { ApiError } from '@secrets-engine/alibaba'
import * as E from 'fp-ts/lib/Either.js'
import type { Pairs } from './FormEncoding.js'
import { percentEncode } from './FormEncoding.js'
import * as GatewayError from './GatewayError.js'
import * as Signing from './internal/Signing.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An access key pair the server accepts.
 *
 * @category model
 * @since 0.1.0
 */
export interface Credential {
  readonly accessKeyId: string
  readonly accessKeySecret: string
}

/**
 * What verification needs of one request.
 *
 * @category model
 * @since 0.1.0
 */
export interface SignedRequest {
  readonly method: string
  readonly path: string
  /** The query string's parameters, decoded. */
  readonly query: Pairs
  /** The query's and the form body's parameters together, decoded. */
  readonly params: Readonly<Record<string, string>>
  /** Every value of a header, by lower-case name. */
  readonly header: (name: string) => ReadonlyArray<string> | undefined
  readonly headerNames: ReadonlyArray<string>
  readonly body: Uint8Array
}

/**
 * @category model
 * @since 0.1.0
 */
export type Scheme = 'HMAC-SHA1' | 'ACS3-HMAC-SHA256'

/**
 * A request whose signature holds: who sent it, with which nonce, at what time.
 *
 * @category model
 * @since 0.1.0
 */
export interface Verified {
  readonly scheme: Scheme
  readonly accessKeyId: string
  readonly nonce: string
  /** The request's own time, epoch ms. */
  readonly timestamp: number
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * How far a request's time may be from the server's, either way: 15 minutes, as Alibaba's gateway.
 *
 * @category constants
 * @since 0.1.0
 */
export const timestampTolerance: number = Signing.timeTolerance

const acs3 = 'ACS3-HMAC-SHA256'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Checks the signature of a request against the keys the server knows, at the time `now` (epoch ms).
 * The checks run in the gateway's order: the shape of the signature, the key, the time, the signature.
 *
 * @category destructors
 * @since 0.1.0
 */
export const verify = (
  request: SignedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
  now: number,
): E.Either<ApiError, Verified> => {
  const authorization = request.header('authorization')?.[0]
  if (authorization !== undefined && authorization.trimStart().startsWith(`${acs3} `)) {
    return verifyAcs3(request, authorization, secretOf, now)
  }
  if (authorization !== undefined && request.params['Signature'] === undefined) {
    return E.left(GatewayError.incompleteSignature('Only ACS3-HMAC-SHA256 and HMAC-SHA1 signatures are supported.'))
  }
  return verifyHmacSha1(request, secretOf, now)
}

// -------------------------------------------------------------------------------------
// HMAC-SHA1, signature version 1.0
// -------------------------------------------------------------------------------------

/**
 * The string an HMAC-SHA1 signature signs: the method, `/`, and every parameter but `Signature`,
 * sorted by name, each name and value percent-encoded, the whole percent-encoded again.
 *
 * @category destructors
 * @since 0.1.0
 */
export const hmacSha1StringToSign = (method: string, params: Readonly<Record<string, string>>): string => {
  const canonical = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join('&')
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`
}

/**
 * @category destructors
 * @since 0.1.0
 */
export const hmacSha1 = (secret: string, stringToSign: string): string =>
  createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64')

const verifyHmacSha1 = (
  request: SignedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
  now: number,
): E.Either<ApiError, Verified> => {
  const p = request.params
  const signature = p['Signature']
  const accessKeyId = p['AccessKeyId']
  const nonce = p['SignatureNonce']
  if (signature === undefined || signature === '')
    return E.left(GatewayError.incompleteSignature('Signature is missing.'))
  if (accessKeyId === undefined || accessKeyId === '') {
    return E.left(GatewayError.incompleteSignature('AccessKeyId is missing.'))
  }
  if (p['SignatureMethod'] !== 'HMAC-SHA1' || p['SignatureVersion'] !== '1.0') {
    return E.left(GatewayError.incompleteSignature('SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.'))
  }
  if (nonce === undefined || nonce === '') return E.left(GatewayError.incompleteSignature('SignatureNonce is missing.'))
  const secret = secretOf(accessKeyId)
  if (secret === undefined) return E.left(GatewayError.invalidAccessKeyIdNotFound())
  const timestamp = parseTimestamp(p['Timestamp'])
  if (timestamp === undefined || !Signing.isTimely(now, timestamp)) {
    return E.left(GatewayError.illegalTimestamp())
  }
  const expected = hmacSha1(secret, hmacSha1StringToSign(request.method, p))
  return Signing.signaturesEqual(expected, signature)
    ? E.right({ scheme: 'HMAC-SHA1', accessKeyId, nonce, timestamp })
    : E.left(GatewayError.signatureDoesNotMatch())
}

// -------------------------------------------------------------------------------------
// ACS3-HMAC-SHA256
// -------------------------------------------------------------------------------------

interface Authorization {
  readonly credential: string
  readonly signedHeaders: ReadonlyArray<string>
  readonly signature: string
}

const parseAuthorization = (header: string): Authorization | undefined => {
  const fields = new Map<string, string>()
  for (const part of header.trim().slice(acs3.length).split(',')) {
    const eq = part.indexOf('=')
    if (eq < 0) return undefined
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const credential = fields.get('Credential')
  const signedHeaders = fields.get('SignedHeaders')
  const signature = fields.get('Signature')
  if (!credential || !signedHeaders || !signature) return undefined
  return { credential, signedHeaders: signedHeaders.split(';'), signature }
}

/**
 * The canonical request of ACS3-HMAC-SHA256: method, path, sorted and encoded query, the signed
 * headers (lower-case names, trimmed values, repeated values sorted and joined by commas), their
 * names, and the hex SHA-256 of the body.
 *
 * @category destructors
 * @since 0.1.0
 */
export const acs3CanonicalRequest = (request: SignedRequest, signedHeaders: ReadonlyArray<string>): string => {
  const query = [...request.query]
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  const headers = signedHeaders
    .map(
      (name) =>
        `${name}:${[...(request.header(name) ?? [])]
          .map((v) => v.replace(/[\t\n\r\f]/g, ' ').trim())
          .sort()
          .join(',')}\n`,
    )
    .join('')
  const payload = Signing.sha256Hex(request.body)
  return [request.method, request.path, query, headers, signedHeaders.join(';'), payload].join('\n')
}

/**
 * @category destructors
 * @since 0.1.0
 */
export const acs3StringToSign = (canonicalRequest: string): string => `${acs3}\n${Signing.sha256Hex(canonicalRequest)}`

const verifyAcs3 = (
  request: SignedRequest,
  header: string,
  secretOf: (accessKeyId: string) => string | undefined,
  now: number,
): E.Either<ApiError, Verified> => {
  const authorization = parseAuthorization(header)
  if (authorization === undefined) {
    return E.left(GatewayError.incompleteSignature('Authorization must carry Credential, SignedHeaders and Signature.'))
  }
  const signed = new Set(authorization.signedHeaders)
  const sorted = [...signed].sort()
  // Every x-acs-* header and host must be signed, so that none can be changed or replayed apart.
  const unsigned = request.headerNames.filter(
    (name) => (name === 'host' || name.startsWith('x-acs-')) && !signed.has(name),
  )
  if (unsigned.length > 0 || sorted.join(';') !== authorization.signedHeaders.join(';')) {
    return E.left(
      GatewayError.incompleteSignature('SignedHeaders must list host and every x-acs-* header, sorted, in lower case.'),
    )
  }
  const nonce = request.header('x-acs-signature-nonce')?.[0]
  if (nonce === undefined || nonce === '') {
    return E.left(GatewayError.incompleteSignature('x-acs-signature-nonce is missing.'))
  }
  const secret = secretOf(authorization.credential)
  if (secret === undefined) return E.left(GatewayError.invalidAccessKeyIdNotFound())
  const timestamp = parseTimestamp(request.header('x-acs-date')?.[0])
  if (timestamp === undefined || !Signing.isTimely(now, timestamp)) {
    return E.left(GatewayError.illegalTimestamp())
  }
  const stringToSign = acs3StringToSign(acs3CanonicalRequest(request, authorization.signedHeaders))
  const expected = Signing.hmacSha256Hex(secret, stringToSign)
  return Signing.signaturesEqual(expected, authorization.signature.toLowerCase())
    ? E.right({ scheme: acs3, accessKeyId: authorization.credential, nonce, timestamp })
    : E.left(GatewayError.signatureDoesNotMatch(stringToSign.replace('\n', ' ')))
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

// ISO 8601 in UTC, as every SDK writes it: `2024-04-15T07:02:14Z`, fractions of a second allowed.
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/

const parseTimestamp = (value: string | undefined): number | undefined => {
  if (value === undefined || !timestampPattern.test(value)) return undefined
  const millis = Date.parse(value.replace(/(\.\d{3})\d+Z$/, '$1Z'))
  return Number.isNaN(millis) ? undefined : millis
}
