/**
 * Secret versions: create (ids v1, v2, ... from a counter that never goes back; the core's
 * `putVersion` moves SYSCURRENT and SYSPREVIOUS, applies explicit `version_stages` and prunes the
 * oldest unstaged versions beyond 20), list, show with the value (by id or `latest`, the SYSCURRENT
 * version) and update `expire_time`.
 *
 * @since 0.1.0
 */
import { Redacted, Secret, type StageLabel, VersionId } from '@secrets-engine/core'
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
import * as SecretValues from './SecretValues.js'
import * as Secrets from './Secrets.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface VersionMetadataResponse {
  readonly version_metadata: Wire.VersionMetadata
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListVersionsResponse {
  readonly version_metadatas: ReadonlyArray<Wire.VersionMetadata>
  readonly page_info: Wire.PageInfo
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ShowVersionResponse {
  readonly version: {
    readonly version_metadata: Wire.VersionMetadata
    readonly secret_string?: string
    readonly secret_binary?: string
  }
}

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

/**
 * @category decoders
 * @since 0.1.0
 */
export const createFields: {
  readonly secret_string: Body.Field<Redacted.Redacted<string>, false>
  readonly secret_binary: Body.Field<Redacted.Redacted<string>, false>
  readonly version_stages: Body.Field<ReadonlyArray<StageLabel.StageLabel>, false>
  readonly expire_time: Body.Field<number, false>
} = {
  secret_string: Body.optional(Body.SecretStringC),
  secret_binary: Body.optional(Body.SecretBinaryC),
  version_stages: Body.optional(Body.VersionStagesC),
  expire_time: Body.optional(Body.ExpireTimeC),
}

/**
 * @category decoders
 * @since 0.1.0
 */
export const updateFields = {
  expire_time: Body.required(Body.ExpireTimeC),
}

/**
 * The `version_id` of the ShowSecretVersion and UpdateVersion paths.
 *
 * @category decoders
 * @since 0.1.0
 */
export const VersionPathC: t.Decoder<unknown, string> = Body.constrained(t.string, 'VersionPath', (s) =>
  /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/.test(s),
)

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `POST /v1/{project_id}/secrets/{secret_name}/versions`: ENABLED secrets only.
 *
 * @category handlers
 * @since 0.1.0
 */
export const create = (
  env: Engine.Env,
  request: Request,
): TE.TaskEither<CsmsError.CsmsError, VersionMetadataResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.bindTo('name'),
    TE.bind('body', () => TE.fromEither(Body.decode(createFields)(request.body))),
    TE.bind('value', ({ body }) => TE.fromEither(Body.secretValue(body))),
    TE.flatMap(({ name, body, value }) =>
      Engine.transactExisting(env, name, (stored) =>
        pipe(
          TE.fromEither(Secrets.enabled(stored.record)),
          TE.flatMap((record) => {
            const number = record.lastVersion + 1
            const versionId = `v${number}` as VersionId.VersionId
            return pipe(
              SecretValues.seal(env, record.kmsKeyId, { secretName: name, versionId }, value),
              TE.flatMapEither((sealed) =>
                Secret.putVersion(Dialect.rules)({ versionId, createdAt: env.now, value: sealed }, body.version_stages)(
                  record.secret,
                ),
              ),
              TE.mapLeft((e) => ('_tag' in e ? fromDomainError(e) : e)),
              TE.flatMap((secret) => {
                const next = SecretRecord.withSecret(
                  secret,
                  env.now,
                )({
                  ...record,
                  lastVersion: number,
                  updateTime: env.now,
                  expireTimes:
                    body.expire_time === undefined
                      ? record.expireTimes
                      : { ...record.expireTimes, [versionId]: body.expire_time },
                })
                const version = O.toUndefined(Secret.findVersion(versionId)(secret))
                return version === undefined
                  ? TE.left(CsmsError.internalError())
                  : TE.right(
                      Engine.commit(next, { record: next, version_metadata: Wire.versionMetadata(next, version) }),
                    )
              }),
            )
          }),
        ),
      ),
    ),
    TE.tap(({ record, version_metadata }) =>
      env.notify(env, record, 'SECRET_VERSION_CREATED', { versionId: version_metadata.id }),
    ),
    TE.map(({ version_metadata }) => ({ version_metadata })),
  )

/**
 * `GET .../versions?marker=&limit=`: metadata only, oldest first, in every state.
 *
 * @category handlers
 * @since 0.1.0
 */
export const list = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, ListVersionsResponse> => {
  const marker = request.query.get('marker')
  return pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.tap(() =>
      marker === null || marker === 'latest' || VersionId.is(Dialect.versionIdRule)(marker)
        ? TE.right(undefined)
        : TE.left(CsmsError.invalidParameter('marker')),
    ),
    TE.bindTo('name'),
    TE.bind('limit', () =>
      TE.fromEither(
        Body.limit(request.query.get('limit'), Dialect.limits.listLimitMax, Dialect.limits.listLimitDefault),
      ),
    ),
    TE.bind('stored', ({ name }) => Engine.readExisting(env, name)),
    TE.map(({ limit, stored }) => {
      const record = stored.record
      const after = marker === null ? 0 : marker === 'latest' ? record.lastVersion : Number(marker.slice(1))
      const { items, pageInfo } = Wire.page(
        record.secret.versions,
        (v) => v.versionId,
        (v) => number(v.versionId) > after,
        limit,
      )
      return { version_metadatas: items.map((v) => Wire.versionMetadata(record, v)), page_info: pageInfo }
    }),
  )
}

/**
 * `GET .../versions/{version_id}`: the value, for ENABLED secrets only. `latest` is the SYSCURRENT
 * version.
 *
 * @category handlers
 * @since 0.1.0
 */
export const show = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, ShowVersionResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.bindTo('name'),
    TE.bind('versionId', () => TE.fromEither(versionPath(request))),
    TE.bind('record', ({ name }) =>
      pipe(
        Engine.readExisting(env, name),
        TE.flatMapEither((stored) => Secrets.enabled(stored.record)),
      ),
    ),
    TE.bind('version', ({ record, versionId }) => TE.fromEither(findVersion(record, versionId))),
    TE.flatMap(({ name, record, version }) =>
      pipe(
        SecretValues.open(env, { secretName: name, versionId: version.versionId }, version.value),
        TE.map((value) => ({
          version: {
            version_metadata: Wire.versionMetadata(record, version),
            ...(value.kind === 'string'
              ? { secret_string: Redacted.value(value.data) }
              : { secret_binary: Redacted.value(value.data) }),
          },
        })),
      ),
    ),
  )

/**
 * `PUT .../versions/{version_id}`: sets `expire_time`, which must lie after now; ENABLED only.
 *
 * @category handlers
 * @since 0.1.0
 */
export const update = (
  env: Engine.Env,
  request: Request,
): TE.TaskEither<CsmsError.CsmsError, VersionMetadataResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.bindTo('name'),
    TE.bind('versionId', () => TE.fromEither(versionPath(request))),
    TE.bind('body', () => TE.fromEither(Body.decode(updateFields)(request.body))),
    TE.tap(({ body }) =>
      body.expire_time <= env.now ? TE.left(CsmsError.invalidParameter('expire_time')) : TE.right(undefined),
    ),
    TE.flatMap(({ name, versionId, body }) =>
      Engine.transactExisting(env, name, (stored) =>
        pipe(
          TE.fromEither(Secrets.enabled(stored.record)),
          TE.flatMapEither((record) =>
            pipe(
              findVersion(record, versionId),
              E.map((version) => {
                const next: SecretRecord.SecretRecord = {
                  ...record,
                  expireTimes: { ...record.expireTimes, [version.versionId]: body.expire_time },
                  updateTime: env.now,
                }
                return Engine.commit(next, { version_metadata: Wire.versionMetadata(next, version) })
              }),
            ),
          ),
        ),
      ),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const number = (versionId: string): number => Number(versionId.slice(1))

/** The `version_id` of the path (ShowSecretVersion, UpdateVersion): CSMS.0002 when malformed. */
const versionPath = (request: Request): E.Either<CsmsError.CsmsError, string> =>
  Body.pathParam('version_id', VersionPathC)(param(request, 'version_id'))

const findVersion = (record: SecretRecord.SecretRecord, versionId: string) =>
  pipe(
    versionId === 'latest'
      ? Secret.findByStage(Dialect.currentStage)(record.secret)
      : Secret.findVersion(versionId)(record.secret),
    E.fromOption(() => CsmsError.resourceNotFound()),
  )
