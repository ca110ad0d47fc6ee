/**
 * Event notifications. When something happens to a secret (a version is created or expires, the
 * secret is rotated or deleted), every ENABLED event that the secret subscribes to and that lists that event
 * type "sends" a notification to its SMN topic: the engine sends nothing over the network, it
 * records what it would have sent, for ListNotificationRecords. Notifications are sent after the
 * change is committed, as the cloud sends them asynchronously; a notification that cannot be
 * recorded (the store fails) is lost, like an undelivered message, and never fails the request.
 *
 * @since 0.1.0
 */
import { Random } from '@secrets-engine/core'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as Body from './Body.js'
import type * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import type { EventType } from './EventRecord.js'
import type { Request } from './Request.js'
import type { SecretRecord, SecretType } from './SecretRecord.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One notification as ListNotificationRecords shows it.
 *
 * @category model
 * @since 0.1.0
 */
export interface NotificationRecord {
  readonly event_name: string
  readonly secret_name: string
  readonly secret_type: SecretType
  readonly trigger_event_type: EventType
  readonly create_time: number
  readonly notification_target_name: string
  readonly notification_target_id: string
  /** The message sent, as JSON text. */
  readonly notification_content: string
  readonly notification_status: 'SUCCESS' | 'FAIL' | 'INVALID'
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListNotificationRecordsResponse {
  readonly records: ReadonlyArray<NotificationRecord>
  readonly page_info: Wire.PageInfo
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/** "All notifications triggered within three months." */
const window = 90 * 86_400_000

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Sends `type` about `record` to the events it subscribes to. Never fails.
 *
 * @category constructors
 * @since 0.1.0
 */
export const notify = (
  env: Engine.Env,
  record: SecretRecord,
  type: EventType,
  data: { readonly versionId?: string; readonly versionExpireTime?: number } = {},
): TE.TaskEither<never, void> =>
  pipe(
    TE.sequenceSeqArray(
      record.eventSubscriptions.map((eventName) =>
        pipe(
          env.events.get(eventName),
          TE.flatMap((found) => {
            if (O.isNone(found)) return TE.right(undefined)
            const event = found.value.record
            if (event.state !== 'ENABLED' || !event.eventTypes.includes(type)) return TE.right(undefined)
            const sent: NotificationRecord = {
              event_name: event.name,
              secret_name: record.secret.name,
              secret_type: record.secretType,
              trigger_event_type: type,
              create_time: env.now,
              notification_target_name: event.notification.target_name,
              notification_target_id: event.notification.target_id,
              notification_content: JSON.stringify({
                eventName: event.name,
                eventType: type,
                eventTime: new Date(env.now).toISOString(),
                data: {
                  secretId: record.id,
                  secretName: record.secret.name,
                  createTime: new Date(record.secret.createdAt).toISOString(),
                  updateTime: new Date(record.updateTime).toISOString(),
                  ...(data.versionId === undefined ? {} : { versionId: data.versionId }),
                  ...(data.versionExpireTime === undefined
                    ? {}
                    : { versionExpireTime: new Date(data.versionExpireTime).toISOString() }),
                },
              }),
              notification_status: 'SUCCESS',
            }
            return TE.map(() => undefined)(env.notifications.commit(key(env, sent), 'absent', sent))
          }),
          TE.orElse(() => TE.right(undefined)),
        ),
      ),
    ),
    TE.map(() => undefined),
  )

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `GET /v1/{project_id}/csms/notification-records?limit=&marker=`: the notifications of the last three
 * months, oldest first; `marker` is the `next_marker` of the previous page (a marker that names no
 * record starts from the beginning).
 *
 * @category handlers
 * @since 0.1.0
 */
export const list = (
  env: Engine.Env,
  request: Request,
): TE.TaskEither<CsmsError.CsmsError, ListNotificationRecordsResponse> =>
  pipe(
    TE.fromEither(Body.limit(request.query.get('limit'), Dialect.limits.listLimitMax, Dialect.limits.listLimitDefault)),
    // Deletions, rotations and expiries whose time has passed are sent before the records are read.
    TE.tap(() => Engine.catchUpAll(env)),
    TE.flatMap((limit) =>
      pipe(
        Engine.listAll(env.notifications),
        TE.map((all) => {
          const recent = all.filter((s) => s.record.create_time > env.now - window)
          const marker = request.query.get('marker')
          const start = marker === null ? 0 : recent.findIndex((s) => s.name === marker) + 1
          const { items, pageInfo } = Wire.page(
            recent.slice(start),
            (s) => s.name,
            () => true,
            limit,
          )
          return { records: items.map((s) => s.record), page_info: pageInfo }
        }),
      ),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/**
 * A fresh key for a record: its time, then random digits to keep records of one millisecond apart.
 * Keys need not sort: the store lists records in the order they were committed, which `list` pages.
 */
const key = (env: Engine.Env, record: NotificationRecord): string =>
  `${String(record.create_time).padStart(13, '0')}-${String(Random.integerBelow(1_000_000_000)(env.random)).padStart(9, '0')}`
