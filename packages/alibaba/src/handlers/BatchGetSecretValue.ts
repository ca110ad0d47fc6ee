/**
 * BatchGetSecretValue: reads up to 20 secrets' values in one request, each exactly as
 * GetSecretValue would (the same `readValue`). The request succeeds whenever its list decodes;
 * each secret that cannot be read (unknown: 404 Forbidden.ResourceNotFound; pending deletion: 409
 * Rejected.ResourceInDeleteWindow; ...) becomes an entry of `Errors` with its code and status,
 * and the others are in `SecretValues`, both in request order and both bare arrays.
 *
 * @since 0.1.0
 */
import * as A from 'fp-ts/lib/Array.js'
import * as E from 'fp-ts/lib/Either.js'
import * as T from 'fp-ts/lib/Task.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from '../ApiError.js'
import type { BatchGetSecretValueCommand } from '../BatchGetSecretValue.js'
import type * as Engine from '../Engine.js'
import type { GetSecretValueResponse } from './GetSecretValue.js'
import { readValue } from './GetSecretValue.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One secret that could not be read.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretError {
  /** As the request named it (a name or an ARN). */
  readonly SecretName: string
  readonly Code: string
  readonly HttpStatus: number
  readonly Message: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface BatchGetSecretValueResponse {
  readonly SecretValues: ReadonlyArray<GetSecretValueResponse>
  readonly Errors: ReadonlyArray<SecretError>
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * The secrets are read one after another, each at the request's time.
 *
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: BatchGetSecretValueCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, BatchGetSecretValueResponse> =>
  pipe(
    [...command.secrets],
    A.traverse(T.ApplicativeSeq)((reference) =>
      pipe(
        readValue(env, reference),
        TE.mapLeft((error): SecretError => ({
          SecretName: reference.secretName,
          Code: error.code,
          HttpStatus: error.httpStatus,
          Message: error.message,
        })),
      ),
    ),
    T.map((results) => {
      const { left, right } = A.separate(results)
      return E.right({ SecretValues: right, Errors: left })
    }),
  )
