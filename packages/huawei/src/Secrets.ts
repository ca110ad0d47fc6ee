/**
 * The secret lifecycle: create, list, show, update, delete now, schedule a deletion and cancel it.
 * Each operation decodes its request into a typed value or the exact `CsmsError` first, then decides
 * inside one transaction, so a refused request changes nothing.
 *
 * @since 0.1.0
 */
import { type Redacted, Secret, type SecretName, type VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import { type Request, param } from './Request.js'
import type { SealedValue, SecretRecord, SecretType } from './SecretRecord.js'
import * as SecretValues from './SecretValues.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface SecretResponse {
  readonly secret: Wire.SecretBody
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListSecretsResponse {
  readonly secrets: ReadonlyArray<Wire.SecretBody>
  readonly page_info: Wire.PageInfo
}

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

/**
 * The body of CreateSecret (seed 004).
 *
 * @category decoders
 * @since 0.1.0
 */
export const createFields: {
  readonly name: Body.Field<SecretName.SecretName, true>
  readonly kms_key_id: Body.Field<string, false>
  readonly description: Body.Field<string, false>
  readonly secret_string: Body.Field<Redacted.Redacted<string>, false>
  readonly secret_binary: Body.Field<Redacted.Redacted<string>, false>
  readonly secret_type: Body.Field<SecretType, false>
  readonly auto_rotation: Body.Field<boolean, false>
  readonly rotation_period: Body.Field<{ readonly text: string; readonly seconds: number }, false>
  readonly rotation_config: Body.Field<string, false>
  readonly rotation_func_urn: Body.Field<string, false>
  readonly event_subscriptions: Body.Field<ReadonlyArray<string>, false>
  readonly enterprise_project_id: Body.Field<string, false>
} = {
  name: Body.required(Body.NameC),
  kms_key_id: Body.optional(Body.KmsKeyIdC),
  description: Body.optional(Body.bytes(Dialect.limits.descriptionBytes)),
  secret_string: Body.optional(Body.SecretStringC),
  secret_binary: Body.optional(Body.SecretBinaryC),
  secret_type: Body.optional(Body.SecretTypeC),
  auto_rotation: Body.optional(t.boolean),
  rotation_period: Body.optional(Body.RotationPeriodC),
  rotation_config: Body.optional(Body.text(Dialect.limits.rotationConfigChars)),
  rotation_func_urn: Body.optional(Body.text(1_024)),
  event_subscriptions: Body.optional(Body.EventSubscriptionsC),
  enterprise_project_id: Body.optional(Body.text(Dialect.limits.enterpriseProjectIdChars, 1)),
}

/**
 * The body of UpdateSecret: no `name` and no `state`, as the API has neither.
 *
 * @category decoders
 * @since 0.1.0
 */
export const updateFields = {
  kms_key_id: Body.optional(Body.KmsKeyIdC),
  description: Body.optional(Body.bytes(Dialect.limits.descriptionBytes)),
  auto_rotation: Body.optional(t.boolean),
  rotation_period: Body.optional(Body.RotationPeriodC),
  rotation_func_urn: Body.optional(Body.text(1_024)),
  event_subscriptions: Body.optional(Body.EventSubscriptionsC),
}

/**
 * @category decoders
 * @since 0.1.0
 */
export const scheduleFields = {
  recovery_window_in_days: Body.required(
    Body.integer(Dialect.limits.recoveryWindowMinDays, Dialect.limits.recoveryWindowMaxDays),
  ),
}

/**
 * The secret name of the path.
 *
 * @category decoders
 * @since 0.1.0
 */
export const secretName = (request: Request): E.Either<CsmsError.CsmsError, SecretName.SecretName> =>
  Body.pathParam('secret_name', Body.NameC)(param(request, 'secret_name'))

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `POST /v1/{project_id}/secrets`.
 *
 * @category handlers
 * @since 0.1.0
 */
export const create = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, SecretResponse> =>
  pipe(
    TE.fromEither(Body.decode(createFields)(request.body)),
    TE.bindTo('body'),
    TE.bind('value', ({ body }) => TE.fromEither(Body.secretValue(body))),
    TE.tap(({ body }) => TE.fromEither(rotationRules(body.auto_rotation ?? false, body.rotation_period, body))),
    // Counting against the quota and committing run in the engine's one queue (`Env.creating`).
    TE.flatMap(({ body, value }) =>
      subscribingTo(
        env,
        body.event_subscriptions,
        () => () =>
          env.creating(
            Engine.transact(env, body.name, (current) => {
              if (O.isSome(current)) return TE.left(nameTaken(current.value.record))
              return pipe(
                checkQuota(env),
                TE.flatMap(() => shownKeyId(env, body.kms_key_id)),
                TE.flatMap((kmsKeyId) =>
                  pipe(
                    SecretValues.seal(env, kmsKeyId, { secretName: body.name, versionId: firstVersionId }, value),
                    TE.map((sealed) => newRecord(env, body, kmsKeyId, sealed)),
                  ),
                ),
                TE.map((record) => Engine.commit(record, { secret: Wire.secret(record) })),
              )
            }),
          ),
      ),
    ),
  )

/**
 * `GET /v1/{project_id}/secrets?limit=&marker=&event_name=`: metadata only, in name order; `marker`
 * is the last name of the previous page.
 *
 * @category handlers
 * @since 0.1.0
 */
export const list = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, ListSecretsResponse> => {
  const marker = request.query.get('marker')
  const eventName = request.query.get('event_name')
  return pipe(
    TE.fromEither(Body.limit(request.query.get('limit'), Dialect.limits.listLimitMax, Dialect.limits.listLimitDefault)),
    TE.tap(() =>
      marker === null || marker === ''
        ? TE.right(undefined)
        : TE.fromEither(Body.pathParam('marker', Body.NameC)(marker)),
    ),
    TE.tap(() =>
      eventName === null
        ? TE.right(undefined)
        : TE.fromEither(Body.pathParam('event_name', Body.text(64, 1))(eventName)),
    ),
    // Deletions and rotations that are due are applied first: no listed next_rotation_time is past.
    TE.tap(() => Engine.catchUpAll(env)),
    TE.flatMap((limit) =>
      pipe(
        Engine.liveSecrets(env),
        TE.map((all) => {
          const records = all
            .map((s) => s.record)
            .filter((r) => eventName === null || r.eventSubscriptions.includes(eventName))
            .sort((a, b) => (a.secret.name < b.secret.name ? -1 : a.secret.name > b.secret.name ? 1 : 0))
          const { items, pageInfo } = Wire.page(
            records,
            (r) => r.secret.name,
            (r) => marker === null || marker === '' || r.secret.name > marker,
            limit,
          )
          return { secrets: items.map(Wire.secret), page_info: pageInfo }
        }),
      ),
    ),
  )
}

/**
 * `GET /v1/{project_id}/secrets/{secret_name}`: metadata, in every state.
 *
 * @category handlers
 * @since 0.1.0
 */
export const show = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, SecretResponse> =>
  pipe(
    TE.fromEither(secretName(request)),
    TE.flatMap((name) => Engine.readExisting(env, name)),
    TE.map((stored) => ({ secret: Wire.secret(stored.record) })),
  )

/**
 * `PUT /v1/{project_id}/secrets/{secret_name}`. A new `kms_key_id` seals new versions only.
 *
 * @category handlers
 * @since 0.1.0
 */
export const update = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, SecretResponse> =>
  pipe(
    TE.fromEither(secretName(request)),
    TE.bindTo('name'),
    TE.bind('body', () => TE.fromEither(Body.decode(updateFields)(request.body))),
    TE.flatMap(({ name, body }) =>
      subscribingTo(env, body.event_subscriptions, () =>
        Engine.transactExisting(env, name, ({ record }) =>
          pipe(
            TE.fromEither(notPendingDeletion(record)),
            TE.bindTo('record'),
            TE.bind('kmsKeyId', ({ record }) =>
              body.kms_key_id === undefined ? TE.right(record.kmsKeyId) : shownKeyId(env, body.kms_key_id),
            ),
            TE.flatMap(({ record, kmsKeyId }) => {
              const autoRotation = body.auto_rotation ?? record.autoRotation
              const periodText = body.rotation_period?.text ?? record.rotationPeriod
              const periodSeconds = periodText === undefined ? undefined : Body.periodSeconds(periodText)
              if (autoRotation && periodText === undefined)
                return TE.left(CsmsError.invalidParameter('rotation_period'))
              // The schedule starts again only when rotation is turned on or the period's length changes:
              // re-sending the same period ("1d" or "24h" alike) keeps it.
              const rescheduled =
                (autoRotation && !record.autoRotation) ||
                (body.rotation_period !== undefined &&
                  (record.rotationPeriod === undefined ||
                    Body.periodSeconds(record.rotationPeriod) !== body.rotation_period.seconds))
              const { nextRotationTime: _, ...rest } = record
              const next: SecretRecord = {
                ...rest,
                kmsKeyId,
                autoRotation,
                ...(body.description === undefined ? {} : { description: body.description }),
                ...(periodText === undefined ? {} : { rotationPeriod: periodText }),
                ...(body.rotation_func_urn === undefined ? {} : { rotationFuncUrn: body.rotation_func_urn }),
                ...(body.event_subscriptions === undefined ? {} : { eventSubscriptions: body.event_subscriptions }),
                ...(!autoRotation || periodSeconds === undefined
                  ? {}
                  : rescheduled || record.nextRotationTime === undefined
                    ? { nextRotationTime: env.now + periodSeconds * 1000 }
                    : { nextRotationTime: record.nextRotationTime }),
                updateTime: env.now,
              }
              return TE.right(Engine.commit(next, { secret: Wire.secret(next) }))
            }),
          ),
        ),
      ),
    ),
  )

/**
 * `DELETE /v1/{project_id}/secrets/{secret_name}`: gone at once, in every state; 200, empty body.
 *
 * @category handlers
 * @since 0.1.0
 */
export const deleteNow = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, object> =>
  pipe(
    TE.fromEither(secretName(request)),
    TE.flatMap((name) => Engine.transactExisting(env, name, ({ record }) => TE.right(Engine.remove(record)))),
    TE.tap((record) => env.notify(env, record, 'SECRET_DELETED')),
    TE.map(() => ({})),
  )

/**
 * `POST .../scheduled-deleted-tasks/create`: PENDING_DELETE for 7 to 30 days, then gone.
 *
 * @category handlers
 * @since 0.1.0
 */
export const scheduleDeletion = (
  env: Engine.Env,
  request: Request,
): TE.TaskEither<CsmsError.CsmsError, SecretResponse> =>
  pipe(
    TE.fromEither(secretName(request)),
    TE.bindTo('name'),
    TE.bind('body', () => TE.fromEither(Body.decode(scheduleFields)(request.body))),
    TE.flatMap(({ name, body }) =>
      changeState(env, name, (record) =>
        record.state === 'PENDING_DELETE'
          ? E.left(CsmsError.make('CSMS.0107'))
          : E.right({
              ...record,
              state: 'PENDING_DELETE',
              scheduledDeleteTime: env.now + body.recovery_window_in_days * 86_400_000,
              updateTime: env.now,
            }),
      ),
    ),
  )

/**
 * `POST .../scheduled-deleted-tasks/cancel`: back to ENABLED.
 *
 * @category handlers
 * @since 0.1.0
 */
export const cancelDeletion = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, SecretResponse> =>
  pipe(
    TE.fromEither(secretName(request)),
    // In the queue the quota is counted in (`Env.creating`): a cancelled deletion keeps a secret that
    // a request a moment later would find past its time, so the two must not interleave, or that
    // request could count the secret gone and take its place while this one brings it back.
    TE.flatMap(
      (name) => () =>
        env.creating(
          changeState(env, name, (record) => {
            if (record.state !== 'PENDING_DELETE') return E.left(CsmsError.make('CSMS.0108'))
            const { scheduledDeleteTime: _, ...rest } = record
            return E.right({ ...rest, state: 'ENABLED', updateTime: env.now })
          }),
        ),
    ),
  )

// -------------------------------------------------------------------------------------
// shared rules
// -------------------------------------------------------------------------------------

/**
 * A new secret (created or restored) under a name that is taken: CSMS.0107 while the secret there is
 * pending deletion, CSMS.0109 otherwise.
 *
 * @category shared rules
 * @since 0.1.0
 */
export const nameTaken = (holder: SecretRecord): CsmsError.CsmsError =>
  CsmsError.make(holder.state === 'PENDING_DELETE' ? 'CSMS.0107' : 'CSMS.0109')

/**
 * PENDING_DELETE refuses value reads, new versions and metadata updates: 400 CSMS.0103.
 *
 * @category shared rules
 * @since 0.1.0
 */
export const notPendingDeletion = (record: SecretRecord): E.Either<CsmsError.CsmsError, SecretRecord> =>
  record.state === 'PENDING_DELETE' ? E.left(CsmsError.make('CSMS.0103')) : E.right(record)

/**
 * Only ENABLED secrets take new versions, show values and update versions: CSMS.0103 when pending
 * deletion, CSMS.0110 when DISABLED or FROZEN.
 *
 * @category shared rules
 * @since 0.1.0
 */
export const enabled = (record: SecretRecord): E.Either<CsmsError.CsmsError, SecretRecord> =>
  record.state === 'ENABLED'
    ? E.right(record)
    : E.left(CsmsError.make(record.state === 'PENDING_DELETE' ? 'CSMS.0103' : 'CSMS.0110'))

/**
 * The `kms_key_id` the API shows: the default key's id when none (or `csms/default`) is named.
 *
 * @category shared rules
 * @since 0.1.0
 */
export const shownKeyId = (env: Engine.Env, given: string | undefined): TE.TaskEither<CsmsError.CsmsError, string> =>
  given === undefined || given === Dialect.defaultKeyAlias
    ? pipe(env.keys.defaultKmsKeyId(), TE.mapLeft(SecretValues.fromCryptoError))
    : TE.right(given)

/**
 * The project's secret quota, for a secret about to be created or restored: CSMS.0202 at the limit.
 * Secrets pending deletion count; secrets whose deletion time has passed do not, even while the store
 * still holds them (see `Engine.hasRoom`).
 *
 * @category shared rules
 * @since 0.1.0
 */
export const checkQuota =
  (env: Engine.Env): TE.TaskEither<CsmsError.CsmsError, void> =>
  async () => {
    const room = await Engine.hasRoom(env, env.config.maxSecrets)
    if (E.isLeft(room)) return room
    return room.right ? E.right(undefined) : E.left(CsmsError.make('CSMS.0202'))
  }

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The id of a new secret's first version. */
const firstVersionId = 'v1' as VersionId.VersionId

/** The record of a secret created from `body` at `env.now`, its first value `sealed` under `kmsKeyId`. */
const newRecord = (
  env: Engine.Env,
  body: Body.Decoded<typeof createFields>,
  kmsKeyId: string,
  sealed: SealedValue,
): SecretRecord => {
  const autoRotation = body.auto_rotation ?? false
  const period = body.rotation_period
  return {
    secret: Secret.create(Dialect.rules)(body.name, { versionId: firstVersionId, createdAt: env.now, value: sealed }),
    id: Wire.uuid(env.random),
    state: 'ENABLED',
    kmsKeyId,
    description: body.description ?? '',
    secretType: body.secret_type ?? 'COMMON',
    autoRotation,
    ...(period === undefined ? {} : { rotationPeriod: period.text }),
    ...(body.rotation_config === undefined ? {} : { rotationConfig: body.rotation_config }),
    ...(body.rotation_func_urn === undefined ? {} : { rotationFuncUrn: body.rotation_func_urn }),
    ...(autoRotation && period !== undefined ? { nextRotationTime: env.now + period.seconds * 1000 } : {}),
    eventSubscriptions: body.event_subscriptions ?? [],
    enterpriseProjectId: body.enterprise_project_id ?? '0',
    updateTime: env.now,
    lastVersion: 1,
    expireTimes: {},
    expiryNotified: {},
    stageTimes: { [Dialect.currentStage]: env.now },
    tags: [],
    tasks: [],
  }
}

/** Scheduling and cancelling a deletion: `next` decides the record from the one stored. */
const changeState = (
  env: Engine.Env,
  name: string,
  next: (record: SecretRecord) => E.Either<CsmsError.CsmsError, SecretRecord>,
): TE.TaskEither<CsmsError.CsmsError, SecretResponse> =>
  Engine.transactExisting(env, name, ({ record }) =>
    TE.fromEither(
      E.map((changed: SecretRecord) => Engine.commit(changed, { secret: Wire.secret(changed) }))(next(record)),
    ),
  )

/** Automatic rotation needs a period; a rotating secret type needs its rotation configuration. */
const rotationRules = (
  autoRotation: boolean,
  period: { readonly text: string } | undefined,
  body: { readonly secret_type?: string; readonly rotation_config?: string },
): E.Either<CsmsError.CsmsError, void> => {
  if (autoRotation && period === undefined) return E.left(CsmsError.invalidParameter('rotation_period'))
  if (body.secret_type !== undefined && body.secret_type !== 'COMMON' && (body.rotation_config ?? '') === '') {
    return E.left(CsmsError.invalidParameter('rotation_config'))
  }
  return E.right(undefined)
}

/**
 * `commit`, once the events `names` are found to exist (404 CSMS.0005 otherwise). A request that
 * subscribes to any runs its check and its commit in the engine's `subscribing` queue, as an event's
 * deletion does, so that no event goes between the check and the commit (see `Env.subscribing`).
 */
const subscribingTo = <A>(
  env: Engine.Env,
  names: ReadonlyArray<string> | undefined,
  commit: () => TE.TaskEither<CsmsError.CsmsError, A>,
): TE.TaskEither<CsmsError.CsmsError, A> => {
  const checked = pipe(checkEvents(env, names), TE.flatMap(commit))
  return names === undefined || names.length === 0 ? checked : () => env.subscribing(checked)
}

/** Subscribed events must exist: 404 CSMS.0005 otherwise. */
const checkEvents = (
  env: Engine.Env,
  names: ReadonlyArray<string> | undefined,
): TE.TaskEither<CsmsError.CsmsError, void> =>
  names === undefined || names.length === 0
    ? TE.right(undefined)
    : pipe(
        TE.sequenceArray(
          names.map((name) =>
            pipe(
              env.events.get(name),
              TE.mapLeft(Engine.storeFailure),
              TE.flatMap((found) => (O.isSome(found) ? TE.right(undefined) : TE.left(CsmsError.resourceNotFound()))),
            ),
          ),
        ),
        TE.map(() => undefined),
      )
