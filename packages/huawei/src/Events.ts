/**
 * Events: named notification rules (event types and an SMN topic) that secrets subscribe to through
 * `event_subscriptions`. Create, list, show, update and delete; an event that a secret subscribes to
 * cannot be deleted (CSMS.0113), and names are unique (CSMS.0114). Events live in their own store.
 * These operations answer errors in the nested shape.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import type { EventRecord, EventType, Notification } from './EventRecord.js'
import { type Request, param } from './Request.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface EventBody {
  readonly event_id: string
  readonly name: string
  readonly event_types: ReadonlyArray<EventType>
  readonly state: 'ENABLED' | 'DISABLED'
  readonly notification: Notification
  readonly create_time: number
  readonly update_time: number
}

/**
 * @category model
 * @since 0.1.0
 */
export interface EventResponse {
  readonly event: EventBody
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListEventsResponse {
  readonly events: ReadonlyArray<EventBody>
  readonly page_info: Wire.PageInfo
}

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

const EventTypeC: t.Decoder<unknown, EventType> = t.keyof({
  SECRET_VERSION_CREATED: null,
  SECRET_VERSION_EXPIRED: null,
  SECRET_ROTATED: null,
  SECRET_DELETED: null,
  SECRET_ROTATED_FAILED: null,
})

/**
 * 1 to 12 event types, no repeats.
 *
 * @category decoders
 * @since 0.1.0
 */
export const EventTypesC: t.Decoder<unknown, ReadonlyArray<EventType>> = Body.constrained(
  Body.arrayOf(EventTypeC),
  'EventTypes',
  (a) => a.length >= 1 && a.length <= 12 && new Set(a).size === a.length,
)

/**
 * @category decoders
 * @since 0.1.0
 */
export const NotificationC: t.Decoder<unknown, Notification> = {
  name: 'Notification',
  validate: (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c)
    const { target_type, target_id, target_name } = u as Record<string, unknown>
    return target_type === 'SMN' &&
      typeof target_id === 'string' &&
      /^[a-zA-Z0-9\-._:]{1,256}$/.test(target_id) &&
      typeof target_name === 'string' &&
      /^[a-zA-Z0-9_-]{1,64}$/.test(target_name)
      ? t.success({ target_type, target_id, target_name })
      : t.failure(u, c)
  },
  decode: (u) => NotificationC.validate(u, []),
}

const StateC = t.keyof({ ENABLED: null, DISABLED: null })

const createFields = {
  name: Body.required(Body.NameC),
  event_types: Body.required(EventTypesC),
  state: Body.required(StateC),
  notification: Body.required(NotificationC),
}

const updateFields = {
  event_types: Body.optional(EventTypesC),
  state: Body.optional(StateC),
  notification: Body.optional(NotificationC),
}

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `POST /v1/{project_id}/csms/events`.
 *
 * @category handlers
 * @since 0.1.0
 */
export const create = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, EventResponse> =>
  pipe(
    TE.fromEither(Body.decode(createFields)(request.body)),
    TE.flatMap((body) =>
      transact(env, body.name, (current) => {
        if (O.isSome(current)) return E.left(CsmsError.make('CSMS.0114'))
        const record: EventRecord = {
          eventId: Wire.uuid(env.random),
          name: body.name,
          eventTypes: body.event_types,
          state: body.state,
          notification: body.notification,
          createTime: env.now,
          updateTime: env.now,
        }
        return E.right(Engine.commit(record, { event: encode(record) }))
      }),
    ),
  )

/**
 * `GET /v1/{project_id}/csms/events?limit=&marker=`: in name order, 50 by default.
 *
 * @category handlers
 * @since 0.1.0
 */
export const list = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, ListEventsResponse> => {
  const marker = request.query.get('marker')
  return pipe(
    TE.fromEither(Body.limit(request.query.get('limit'), Dialect.limits.listLimitMax, Dialect.limits.listLimitDefault)),
    TE.tap(() =>
      marker === null || /^[a-zA-Z0-9._-]{1,64}$/.test(marker)
        ? TE.right(undefined)
        : TE.left(CsmsError.invalidParameter('marker')),
    ),
    TE.flatMap((limit) =>
      pipe(
        Engine.listAll(env.events),
        TE.map((all) => {
          const events = all.map((s) => s.record).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          const { items, pageInfo } = Wire.page(
            events,
            (e) => e.name,
            (e) => marker === null || e.name > marker,
            limit,
          )
          return { events: items.map(encode), page_info: pageInfo }
        }),
      ),
    ),
  )
}

/**
 * `GET /v1/{project_id}/csms/events/{event_name}`.
 *
 * @category handlers
 * @since 0.1.0
 */
export const show = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, EventResponse> =>
  pipe(
    TE.fromEither(eventName(request)),
    TE.flatMap((name) => pipe(env.events.get(name), TE.mapLeft(Engine.storeFailure))),
    TE.flatMap(
      O.match(
        () => TE.left(CsmsError.resourceNotFound()),
        (stored) => TE.right({ event: encode(stored.record) }),
      ),
    ),
  )

/**
 * `PUT /v1/{project_id}/csms/events/{event_name}`: state, event types and notification.
 *
 * @category handlers
 * @since 0.1.0
 */
export const update = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, EventResponse> =>
  pipe(
    TE.fromEither(eventName(request)),
    TE.bindTo('name'),
    TE.bind('body', () => TE.fromEither(Body.decode(updateFields)(request.body))),
    TE.flatMap(({ name, body }) =>
      transact(env, name, (current) => {
        if (O.isNone(current)) return E.left(CsmsError.resourceNotFound())
        const record: EventRecord = {
          ...current.value.record,
          ...(body.event_types === undefined ? {} : { eventTypes: body.event_types }),
          ...(body.state === undefined ? {} : { state: body.state }),
          ...(body.notification === undefined ? {} : { notification: body.notification }),
          updateTime: env.now,
        }
        return E.right(Engine.commit(record, { event: encode(record) }))
      }),
    ),
  )

/**
 * `DELETE /v1/{project_id}/csms/events/{event_name}`: 204; refused while a secret subscribes to it.
 *
 * @category handlers
 * @since 0.1.0
 */
export const remove = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, object> =>
  pipe(
    TE.fromEither(eventName(request)),
    // The scan and the removal run in the engine's `subscribing` queue, as a secret's subscription
    // does: no secret can subscribe between them (see `Env.subscribing`).
    TE.flatMap(
      (name) => () =>
        env.subscribing(
          pipe(
            Engine.liveSecrets(env),
            TE.map((all) => all.some((s) => s.record.eventSubscriptions.includes(name))),
            TE.flatMap((subscribed) =>
              transact(env, name, (current) => {
                if (O.isNone(current)) return E.left(CsmsError.resourceNotFound())
                return subscribed ? E.left(CsmsError.make('CSMS.0113')) : E.right(Engine.remove({}))
              }),
            ),
          ),
        ),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const eventName = (request: Request) => Body.pathParam('event_name', Body.NameC)(param(request, 'event_name'))

const encode = (record: EventRecord): EventBody => ({
  event_id: record.eventId,
  name: record.name,
  event_types: [...record.eventTypes],
  state: record.state,
  notification: { ...record.notification },
  create_time: record.createTime,
  update_time: record.updateTime,
})

const transact = <B>(
  env: Engine.Env,
  name: string,
  decide: (current: O.Option<Engine.StoredEvent>) => E.Either<CsmsError.CsmsError, Engine.Decision<EventRecord, B>>,
): TE.TaskEither<CsmsError.CsmsError, B> => Engine.transactEvent(env, name, (current) => TE.fromEither(decide(current)))
