/**
 * What the engine keeps in the event store for one CSMS event (a notification rule that secrets
 * subscribe to by name). Times are epoch milliseconds.
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
export type EventType =
  'SECRET_VERSION_CREATED' | 'SECRET_VERSION_EXPIRED' | 'SECRET_ROTATED' | 'SECRET_DELETED' | 'SECRET_ROTATED_FAILED'

/**
 * @category model
 * @since 0.1.0
 */
export interface Notification {
  readonly target_type: 'SMN'
  readonly target_id: string
  readonly target_name: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface EventRecord {
  readonly eventId: string
  readonly name: string
  readonly eventTypes: ReadonlyArray<EventType>
  readonly state: 'ENABLED' | 'DISABLED'
  readonly notification: Notification
  readonly createTime: number
  readonly updateTime: number
}
