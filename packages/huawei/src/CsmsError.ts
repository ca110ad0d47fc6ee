/**
 * The errors of the Huawei Cloud CSMS API as the wire shows them: `error_code`, `error_msg` and the
 * HTTP status. This module is the one table of every code the engine answers with: each code always
 * carries the same status and the same message. Codes marked "official" are rows of Huawei's DEW
 * error-code page (messages verbatim, typos included); the others are the engine's own choices where
 * Huawei documents no code (see `docs/fidelity.md`, section Huawei Cloud CSMS). They are taken from gaps of the official numbering
 * (0006, 0109 to 0116), which the published rows show to be unused, so none can clash with a real code.
 * A message never contains a secret value.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface CsmsError {
  readonly error_code: Code
  readonly error_msg: string
  readonly httpStatus: number
  /** The request field or path parameter at fault, when there is one. Never its value. */
  readonly parameter?: string
}

/**
 * One row of the table.
 *
 * @category model
 * @since 0.1.0
 */
export interface Row {
  readonly status: number
  readonly message: string
  /** `true` for rows of Huawei's published table, `false` for the engine's own choices. */
  readonly official: boolean
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Every code the engine answers with.
 *
 * @category constants
 * @since 0.1.0
 */
export const table = {
  // The API gateway's answer for a method and path that name no API (official, gateway).
  'APIGW.0101': {
    status: 404,
    message: 'The API does not exist or has not been published in the environment.',
    official: true,
  },
  'CSMS.0002': { status: 400, message: 'The value of parameter is invalid.', official: true },
  // Official; used for a path whose project id is not the engine's.
  'CSMS.0003': { status: 400, message: 'The request is invalid.', official: true },
  // Official; used for a body that is not a JSON object.
  'CSMS.0004': { status: 400, message: 'The requested body format is wrong.', official: true },
  // Official code and message; the status is 404, as Huawei's Terraform provider expects of a
  // missing resource (the published row says 400).
  'CSMS.0005': { status: 404, message: 'The resource does not exist.', official: true },
  'CSMS.0006': { status: 500, message: 'Internal service error.', official: false },
  'CSMS.0103': { status: 400, message: 'The secret is in the scheduled deletion state.', official: true },
  'CSMS.0105': { status: 400, message: 'Can not delete the system internal stage.', official: true },
  // Official code and message; status 404 for the same reason as CSMS.0005.
  'CSMS.0106': { status: 404, message: 'The secret name not found int the db.', official: true },
  'CSMS.0107': { status: 400, message: 'The secret is in schedule delete state.', official: true },
  'CSMS.0108': { status: 400, message: 'The secret is not in schedule delete state.', official: true },
  'CSMS.0109': { status: 400, message: 'The secret already exists.', official: false },
  'CSMS.0110': { status: 400, message: 'The secret is not in ENABLED state.', official: false },
  'CSMS.0111': { status: 400, message: 'The secret type does not support rotation.', official: false },
  'CSMS.0112': { status: 400, message: 'The secret blob is invalid.', official: false },
  'CSMS.0113': { status: 400, message: 'The event is subscribed by secrets.', official: false },
  'CSMS.0114': { status: 400, message: 'The event already exists.', official: false },
  'CSMS.0115': { status: 400, message: 'The KMS key is not usable.', official: false },
  'CSMS.0116': { status: 400, message: 'The number of tags has reached the upper limit.', official: false },
  'CSMS.0202': { status: 400, message: 'The number of secret has reached the upper limit.', official: true },
  'CSMS.0203': { status: 400, message: 'The number of stage has reached the upper limit.', official: true },
} as const satisfies Readonly<Record<string, Row>>

/**
 * @category model
 * @since 0.1.0
 */
export type Code = keyof typeof table

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The error of `code`, with its status and message from the table.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (code: Code, parameter?: string): CsmsError => {
  const row: Row = table[code]
  return {
    error_code: code,
    error_msg: row.message,
    httpStatus: row.status,
    ...(parameter === undefined ? {} : { parameter }),
  }
}

/**
 * A field or path parameter that is absent when required, or breaks a rule.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidParameter = (parameter: string): CsmsError => make('CSMS.0002', parameter)

/**
 * @category constructors
 * @since 0.1.0
 */
export const malformedBody = (): CsmsError => make('CSMS.0004')

/**
 * @category constructors
 * @since 0.1.0
 */
export const secretNotFound = (): CsmsError => make('CSMS.0106')

/**
 * A version, stage, tag, event or secret id that names nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const resourceNotFound = (): CsmsError => make('CSMS.0005')

/**
 * @category constructors
 * @since 0.1.0
 */
export const internalError = (): CsmsError => make('CSMS.0006')

/**
 * @category constructors
 * @since 0.1.0
 */
export const routeNotFound = (): CsmsError => make('APIGW.0101')

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The body the wire carries: `{error_code, error_msg}`, flat or nested under `error` as the
 * operation's documented shape says.
 *
 * @category destructors
 * @since 0.1.0
 */
export const toWire = (
  error: CsmsError,
  shape: 'flat' | 'nested',
): { readonly error_code: string; readonly error_msg: string } | { readonly error: object } => {
  const body = { error_code: error.error_code, error_msg: error.error_msg }
  return shape === 'flat' ? body : { error: body }
}
