/**
 * One request as a handler sees it: the path parameters its route captured, the query string and the
 * parsed JSON body. Also the mapping of the core's domain errors to CSMS errors, shared by every
 * handler.
 *
 * @since 0.1.0
 */
import type { DomainError } from '@secrets-engine/core'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as CsmsError from './CsmsError.js'
import type { Env } from './Engine.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Request {
  readonly params: { readonly [name: string]: string }
  readonly query: URLSearchParams
  readonly body: unknown
}

/**
 * @category model
 * @since 0.1.0
 */
export type Handler = (env: Env, request: Request) => TE.TaskEither<CsmsError.CsmsError, object>

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * A path parameter the route captured (the router guarantees it is there).
 *
 * @category destructors
 * @since 0.1.0
 */
export const param = (request: Request, name: string): string => request.params[name] ?? ''

/**
 * How a refusal of the core reads in CSMS.
 *
 * @category destructors
 * @since 0.1.0
 */
export const fromDomainError = (error: DomainError.DomainError): CsmsError.CsmsError => {
  switch (error._tag) {
    case 'StageLabelLimitExceeded':
      return CsmsError.make('CSMS.0203')
    case 'VersionNotFound':
    case 'StageLabelNotFound':
    case 'StageLabelNotOnVersion':
      return CsmsError.resourceNotFound()
    case 'ProtectedStageLabel':
      return CsmsError.make('CSMS.0105')
    case 'VersionAlreadyExists':
      return CsmsError.internalError()
    case 'InvalidSecretName':
      return CsmsError.invalidParameter('name')
    case 'InvalidVersionId':
      return CsmsError.invalidParameter('version_id')
    case 'InvalidStageLabel':
    case 'StageMoveUnspecified':
      return CsmsError.invalidParameter('stage_name')
  }
}
