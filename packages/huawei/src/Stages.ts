/**
 * Version stages: show, update (which creates a stage or moves it to another version) and delete.
 * The core's `moveStage` does the bookkeeping: a stage marks one version; moving SYSCURRENT hands
 * SYSPREVIOUS to the version that held it; at most 12 stages per secret (CSMS.0203); SYSCURRENT and
 * SYSPREVIOUS cannot be deleted (CSMS.0105).
 *
 * @since 0.1.0
 */
import { Secret, type StageLabel, type VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import { fromDomainError, type Request, param } from './Request.js'
import * as SecretRecord from './SecretRecord.js'
import * as Secrets from './Secrets.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface StageResponse {
  readonly stage: Wire.StageBody
}

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

/**
 * @category decoders
 * @since 0.1.0
 */
export const updateFields = {
  version_id: Body.required(
    Body.constrained(t.string, 'VersionId', (s) => /^v[0-9]{0,63}$/.test(s)) as t.Decoder<unknown, VersionId.VersionId>,
  ),
}

const stageName = (request: Request): E.Either<CsmsError.CsmsError, StageLabel.StageLabel> =>
  Body.pathParam('stage_name', Body.StageC)(param(request, 'stage_name'))

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `GET .../stages/{stage_name}`, in every state.
 *
 * @category handlers
 * @since 0.1.0
 */
export const show = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, StageResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.bindTo('name'),
    TE.bind('stage', () => TE.fromEither(stageName(request))),
    TE.bind('stored', ({ name }) => Engine.readExisting(env, name)),
    TE.flatMapEither(({ stage, stored }) =>
      pipe(
        Secret.findByStage(stage)(stored.record.secret),
        O.map((version) => ({ stage: Wire.stage(stored.record, stage, version.versionId) })),
        E.fromOption(() => CsmsError.resourceNotFound()),
      ),
    ),
  )

/**
 * `PUT .../stages/{stage_name}` with `{version_id}`: the stage marks that version from now on.
 *
 * @category handlers
 * @since 0.1.0
 */
export const update = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, StageResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.bindTo('name'),
    TE.bind('stage', () => TE.fromEither(stageName(request))),
    TE.bind('body', () => TE.fromEither(Body.decode(updateFields)(request.body))),
    TE.flatMap(({ name, stage, body }) =>
      Engine.transactExisting(env, name, (stored) =>
        pipe(
          Secrets.notPendingDeletion(stored.record),
          E.flatMap((record) =>
            pipe(
              Secret.moveStage(Dialect.rules)({ stage, to: body.version_id })(record.secret),
              E.mapLeft(fromDomainError),
              E.map((secret) => {
                const next = SecretRecord.withSecret(secret, env.now)({ ...record, updateTime: env.now })
                return Engine.commit(next, { stage: Wire.stage(next, stage, body.version_id) })
              }),
            ),
          ),
          TE.fromEither,
        ),
      ),
    ),
  )

/**
 * `DELETE .../stages/{stage_name}`: 204. SYSCURRENT and SYSPREVIOUS are refused with CSMS.0105, even
 * before any version carries SYSPREVIOUS.
 *
 * @category handlers
 * @since 0.1.0
 */
export const remove = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, object> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.bindTo('name'),
    TE.bind('stage', () => TE.fromEither(stageName(request))),
    TE.flatMap(({ name, stage }) =>
      Engine.transactExisting(env, name, (stored) =>
        pipe(
          Secrets.notPendingDeletion(stored.record),
          E.flatMap((record) => {
            if (stage === Dialect.currentStage || stage === Dialect.previousStage) {
              return E.left(CsmsError.make('CSMS.0105'))
            }
            return pipe(
              Secret.findByStage(stage)(record.secret),
              E.fromOption(() => CsmsError.resourceNotFound()),
              E.flatMap((holder) =>
                pipe(
                  Secret.moveStage(Dialect.rules)({ stage, from: holder.versionId })(record.secret),
                  E.mapLeft(fromDomainError),
                ),
              ),
              E.map((secret) =>
                Engine.commit(SecretRecord.withSecret(secret, env.now)({ ...record, updateTime: env.now }), {}),
              ),
            )
          }),
          TE.fromEither,
        ),
      ),
    ),
  )
