/**
 * The errors that Alibaba Cloud's API gateway (POP) answers before a request reaches KMS: routing,
 * parsing and authentication. They have the engine's `ApiError` shape, so the server renders every
 * error the same way. Codes, statuses and messages are the gateway's own, as they appear in error
 * bodies quoted in public bug reports (see the package README, "Errors"); where no public source
 * shows what the gateway does (an oversized body or URL, a malformed form) the choice is ours and
 * says so. A message never quotes a parameter value: values may be secrets.
 *
 * @since 0.1.0
 */
import { ApiErrors, type ApiError } from '@secrets-engine/alibaba'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const { make } = ApiErrors

const because = (message: string, reason: string | undefined): string =>
  reason === undefined ? message : `${message} ${reason}`

/**
 * The `AccessKeyId` is not one the server accepts.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidAccessKeyIdNotFound = (): ApiError =>
  make('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.')

/**
 * The signature is absent, or the request lacks a part that a signed request must have
 * (`SignatureNonce`, an `Authorization` header with `Credential`, `SignedHeaders` and `Signature`, ...).
 *
 * @category constructors
 * @since 0.1.0
 */
export const incompleteSignature = (reason?: string): ApiError =>
  make(
    'IncompleteSignature',
    400,
    because('The request signature does not conform to Alibaba Cloud standards.', reason),
  )

/**
 * The signature is well formed but is not the one the server computes with the key's secret. For
 * ACS3 the gateway quotes its string to sign, a hash that reveals nothing; for HMAC-SHA1 the string
 * to sign contains every parameter value, so it is left out.
 *
 * @category constructors
 * @since 0.1.0
 */
export const signatureDoesNotMatch = (stringToSign?: string): ApiError =>
  stringToSign === undefined
    ? make('SignatureDoesNotMatch', 400, 'Specified signature is not matched with our calculation.')
    : make(
        'SignatureDoesNotMatch',
        400,
        `Specified signature does not match our calculation. server StringToSign is [${stringToSign}]`,
      )

/**
 * `Timestamp` (or `x-acs-date`) is absent, malformed, or more than 15 minutes from the server's clock.
 * KMS documents this code for all three; newer gateways of other products say `InvalidTimeStamp.Expired`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const illegalTimestamp = (): ApiError =>
  make(
    'IllegalTimestamp',
    400,
    'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.',
  )

/**
 * The `SignatureNonce` of a correctly signed request was seen within the last 15 minutes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const signatureNonceUsed = (): ApiError =>
  make('SignatureNonceUsed', 400, 'Specified signature nonce was used already.')

/**
 * @category constructors
 * @since 0.1.0
 */
export const unsupportedHttpMethod = (): ApiError =>
  make('UnsupportedHTTPMethod', 403, 'This http method is not supported.')

/**
 * A path other than `/`: the RPC API has no other route. The engine's answer for an unknown `Action`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const apiNotFound: () => ApiError = ApiErrors.invalidActionNotFound

/**
 * @category constructors
 * @since 0.1.0
 */
export const invalidVersion = (): ApiError => make('InvalidVersion', 400, 'Specified parameter Version is not valid.')

/**
 * `Action` or `Version` is in neither the parameters nor the `x-acs-*` headers: the engine's own
 * MissingParameter.
 *
 * @category constructors
 * @since 0.1.0
 */
export const missingParameter: (name: string) => ApiError = ApiErrors.missingParameter

/**
 * The query string or the form body cannot be read: a bad percent escape, bytes that are not UTF-8,
 * a parameter given twice, a body that is not a form. Our choice of status and wording; the code
 * is the one KMS lists for unparseable parameters.
 *
 * @category constructors
 * @since 0.1.0
 */
export const malformedRequest = (reason: string): ApiError =>
  make(
    'ParseRequestParameterException',
    400,
    `Server parse parameters exception. Please check your input params. ${reason}`,
  )

/**
 * The body is larger than the server accepts. Our choice: HTTP's own status for it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const bodyTooLarge = (limit: number): ApiError =>
  make('RequestEntityTooLarge', 413, `The request body is larger than ${limit} bytes.`)

/**
 * The request line and headers are larger than the server reads: a URL that carries more than the
 * largest valid request. Our choice, as for the body: HTTP's own status for it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const headersTooLarge = (limit: number): ApiError =>
  make('RequestHeaderFieldsTooLarge', 431, `The request line and headers are larger than ${limit} bytes.`)

/**
 * @category constructors
 * @since 0.1.0
 */
export const internalFailure: () => ApiError = ApiErrors.internalFailure
