/**
 * Verifies Huawei Cloud's AK/SK request signature, `SDK-HMAC-SHA256`, as the official SDKs compute
 * it (Huawei's "API Request Signing Guide"; `core/auth/AKSKSigner` of huaweicloud-sdk-nodejs-v3):
 * a canonical request of the method, the URI-encoded path with a trailing `/`, the sorted and
 * encoded query, the signed headers and the hex SHA-256 of the body; a string to sign of the
 * algorithm, `X-Sdk-Date` and the canonical request's hash; the hex HMAC-SHA256 of that under the
 * secret key. The `Authorization` header carries `Access`, `SignedHeaders` and `Signature`;
 * `X-Sdk-Date` must be signed and within 15 minutes of the server's clock. Verification is a pure
 * function of the request, the known keys and the time.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { percentEncode } from './FormEncoding.js'
import * as HuaweiGatewayError from './HuaweiGatewayError.js'
import * as Signing from './internal/Signing.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An AK/SK pair the server accepts, named as the SDK's `BasicCredentials` names them.
 *
 * @category model
 * @since 0.1.0
 */
export interface HuaweiCredential {
  readonly ak: string
  readonly sk: string
}

/**
 * What verification needs of one request.
 *
 * @category model
 * @since 0.1.0
 */
export interface SignedRequest {
  readonly method: string
  /** The path as received, still percent-encoded, without the query string. */
  readonly path: string
  /** The query string's parameters, decoded, in the order received. */
  readonly query: ReadonlyArray<readonly [string, string]>
  /** A header's value by lower-case name, repeated values joined by commas. */
  readonly header: (name: string) => string | undefined
  readonly body: Uint8Array
}

/**
 * A request whose signature holds.
 *
 * @category model
 * @since 0.1.0
 */
export interface Verified {
  readonly ak: string
  /** The request's `X-Sdk-Date`, epoch ms. */
  readonly timestamp: number
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const algorithm = 'SDK-HMAC-SHA256'

/**
 * How far `X-Sdk-Date` may be from the server's clock, either way: 15 minutes, as Huawei's gateway.
 *
 * @category constants
 * @since 0.1.0
 */
export const dateTolerance: number = Signing.timeTolerance

/**
 * The payload hash a client may sign instead of the body's, with `X-Sdk-Content-Sha256`.
 *
 * @category constants
 * @since 0.1.0
 */
export const unsignedPayload = 'UNSIGNED-PAYLOAD'

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * RFC 3986 percent-encoding, as the signer's `urlEncode`: everything but `A-Za-z0-9-_.~`, as UTF-8.
 * The same encoding as the Alibaba side's (`FormEncoding.percentEncode`).
 *
 * @category destructors
 * @since 0.1.0
 */
export const uriEncode: (s: string) => string = percentEncode

/**
 * The canonical URI of the Signing Guide: each segment of the decoded path encoded again, and a
 * trailing `/`. A segment that does not decode is encoded as received (the signature then fails, as
 * it should).
 *
 * @category destructors
 * @since 0.1.0
 */
export const canonicalUri = (path: string): string => canonicalUriOf(path, uriEncode)

/**
 * The canonical URI as the Node SDK's signer computes it. `AKSKSigner` encodes the segments of the
 * pathname that Node's legacy `url.parse` gives for the URL with the raw path values in it, and that
 * pathname has already escaped a few characters (space, `"`, `'`, `<`, `>`, `^`, `` ` ``, `{`, `|`,
 * `}`, tab, LF, CR), so the SDK encodes those twice: a tag key `a b` is signed as `a%2520b`, where
 * the Signing Guide says `a%20b`. For any other path the two canonical URIs are the same.
 *
 * @category destructors
 * @since 0.1.0
 */
export const sdkCanonicalUri = (path: string): string =>
  canonicalUriOf(path, (segment) => uriEncode(segment.replace(legacyEscaped, legacyEscape)))

/**
 * The canonical query string: parameters sorted by name (the values of a repeated name sorted too),
 * each `encode(name)=encode(value)`, joined by `&`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const canonicalQuery = (query: ReadonlyArray<readonly [string, string]>): string =>
  [...query]
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
    .join('&')

/**
 * The canonical request that `SDK-HMAC-SHA256` signs, for the signed headers in the order given and
 * a canonical URI (the Signing Guide's by default).
 *
 * @category destructors
 * @since 0.1.0
 */
export const canonicalRequest = (
  request: SignedRequest,
  signedHeaders: ReadonlyArray<string>,
  uri: string = canonicalUri(request.path),
): string => {
  const headers = signedHeaders.map((name) => `${name}:${(request.header(name) ?? '').trim()}\n`).join('')
  const payload =
    request.header('x-sdk-content-sha256') === unsignedPayload ? unsignedPayload : Signing.sha256Hex(request.body)
  return [request.method, uri, canonicalQuery(request.query), headers, signedHeaders.join(';'), payload].join('\n')
}

/**
 * @category destructors
 * @since 0.1.0
 */
export const stringToSign = (sdkDate: string, canonical: string): string =>
  `${algorithm}\n${sdkDate}\n${Signing.sha256Hex(canonical)}`

/**
 * The hex signature of a string to sign under a secret key.
 *
 * @category destructors
 * @since 0.1.0
 */
export const sign = (sk: string, toSign: string): string => Signing.hmacSha256Hex(sk, toSign)

/**
 * `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`, UTC) as epoch ms, or `undefined` when it is not a real time.
 *
 * @category destructors
 * @since 0.1.0
 */
export const parseSdkDate = (value: string | undefined): number | undefined => {
  const m = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (m === null) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const millis = Date.UTC(year, month - 1, day, hour, minute, second)
  const back = new Date(millis)
  // Date.UTC rolls 20260231 over to March: such a date is not one.
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
    ? millis
    : undefined
}

/**
 * `X-Sdk-Date`'s format, for a time in epoch ms.
 *
 * @category destructors
 * @since 0.1.0
 */
export const formatSdkDate = (millis: number): string =>
  new Date(millis)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')

/**
 * Checks a request's signature against the known keys at the time `now` (epoch ms), in the
 * gateway's order: an `Authorization` header at all, its shape, the key, the date, the signature.
 * The signature may be over either canonical URI, the Signing Guide's or the Node SDK's
 * (`sdkCanonicalUri`), so that both a client written from the guide and the SDK pass.
 *
 * @category destructors
 * @since 0.1.0
 */
export const verify = (
  request: SignedRequest,
  skOf: (ak: string) => string | undefined,
  now: number,
): E.Either<HuaweiGatewayError.HuaweiGatewayError, Verified> => {
  const header = request.header('authorization')
  if (header === undefined || header.trim() === '') {
    return E.left(
      request.header('x-auth-token') === undefined
        ? HuaweiGatewayError.authenticationMissing()
        : HuaweiGatewayError.tokenUnsupported(),
    )
  }
  const authorization = parseAuthorization(header)
  if (authorization === undefined) return E.left(HuaweiGatewayError.signatureMismatch())
  const sk = skOf(authorization.access)
  if (sk === undefined) return E.left(HuaweiGatewayError.accessKeyNotFound(authorization.access))
  // Only X-Sdk-Date must be signed; without it a request could be replayed at any time.
  if (!authorization.signedHeaders.includes('x-sdk-date')) return E.left(HuaweiGatewayError.signatureMismatch())
  const sdkDate = request.header('x-sdk-date')
  const timestamp = parseSdkDate(sdkDate)
  if (sdkDate === undefined || timestamp === undefined) return E.left(HuaweiGatewayError.signatureMismatch())
  if (!Signing.isTimely(now, timestamp)) {
    return E.left(HuaweiGatewayError.signatureExpired(sdkDate, formatSdkDate(now)))
  }
  const given = authorization.signature.toLowerCase()
  const holdsOver = (uri: string): boolean =>
    Signing.signaturesEqual(
      sign(sk, stringToSign(sdkDate, canonicalRequest(request, authorization.signedHeaders, uri))),
      given,
    )
  const guide = canonicalUri(request.path)
  const sdk = sdkCanonicalUri(request.path)
  return holdsOver(guide) || (sdk !== guide && holdsOver(sdk))
    ? E.right({ ak: authorization.access, timestamp })
    : E.left(HuaweiGatewayError.signatureMismatch())
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

// Each segment decoded (as received when it does not decode), then `encode`d; a trailing `/`.
const canonicalUriOf = (path: string, encode: (segment: string) => string): string => {
  const encoded = path
    .split('/')
    .map((segment) => {
      try {
        return encode(decodeURIComponent(segment))
      } catch {
        return encode(segment)
      }
    })
    .join('/')
  return encoded.endsWith('/') ? encoded : `${encoded}/`
}

// What Node's legacy `url.parse` escapes in a pathname (its `autoEscape` characters; a backslash
// it turns into `/`, as the WHATWG URL the request is sent with does).
const legacyEscaped = /[\t\n\r "'<>^`{|}]/g
const legacyEscape = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`

interface Authorization {
  readonly access: string
  readonly signedHeaders: ReadonlyArray<string>
  readonly signature: string
}

// `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>`.
const parseAuthorization = (header: string): Authorization | undefined => {
  const trimmed = header.trim()
  if (!trimmed.startsWith(`${algorithm} `)) return undefined
  const fields = new Map<string, string>()
  for (const part of trimmed.slice(algorithm.length).split(',')) {
    const eq = part.indexOf('=')
    if (eq < 0) return undefined
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const access = fields.get('Access')
  const signedHeaders = fields.get('SignedHeaders')
  const signature = fields.get('Signature')
  if (!access || !signedHeaders || !signature) return undefined
  const names = signedHeaders.split(';')
  if (names.some((name) => name === '' || name !== name.toLowerCase())) return undefined
  return { access, signedHeaders: names, signature }
}
