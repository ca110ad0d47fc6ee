/**
 * The engine: the environment every operation runs in (stores, cipher, key directory, clock, random
 * source, configuration), and the transaction that every write goes through.
 *
 * A transaction reads a secret with its revision, lets the operation decide purely what to write,
 * and commits by compare-and-set; when another request committed first, it starts again from a
 * fresh read, so no update is lost and no interleaving breaks an invariant of one secret. The only
 * write of a request is its final commit, so a request that fails changes nothing. The one rule
 * across secrets, the quota, is kept by running the requests that count the secrets and then commit
 * one (create, restore from a backup) one at a time (`Env.creating`, one per engine); engines that
 * share a store do not coordinate with each other.
 *
 * The transaction itself is the core's (`Transaction`), shared with the Alibaba engine; this module
 * gives it what is Huawei's: the environment, the errors (500 CSMS.0006 for a store failure or for
 * running out of attempts), and what bringing a secret up to now takes, notifications included.
 *
 * The paths every request takes (reading, transacting) are written as plain async functions over
 * `Either` rather than composed with `TE.flatMap`, as in the Alibaba engine (whose header gives the
 * profile): each fp-ts combinator allocates closures and adds a promise hop on every request.
 *
 * Time is read once per request. Before an operation sees a secret, the secret is brought up to that
 * time: a secret whose scheduled deletion time has passed is removed, and a secret whose automatic
 * rotation is due is rotated. The operations that list secrets, rotation tasks or notification
 * records first bring every secret up to that time (`catchUpAll`), as they show what those steps
 * leave. A rotation that fails does not fail the request: the secret keeps its versions, records a
 * FAILED task and tries again at the next period of its schedule, so a broken rotation (a disabled
 * key) never locks a secret. Nothing needs a timer.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Random, SecretStore, StoreError } from '@secrets-engine/core'
import { Transaction } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type * as T from 'fp-ts/lib/Task.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as CsmsError from './CsmsError.js'
import type { EventRecord, EventType } from './EventRecord.js'
import type { KeyDirectory } from './Keys.js'
import type { NotificationRecord } from './Notifications.js'
import * as SecretRecord from './SecretRecord.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Config {
  /** The project id every path must carry. */
  readonly projectId: string
  /** How many secrets the project may hold (CSMS.0202 beyond). */
  readonly maxSecrets: number
  /** How many times a transaction starts again after a conflicting commit. */
  readonly maxAttempts: number
}

/**
 * Everything an operation may use. `now` is the request's time, in milliseconds since the epoch.
 *
 * @category model
 * @since 0.1.0
 */
export interface Env {
  readonly store: SecretStore.SecretStore<SecretRecord.SecretRecord>
  readonly events: SecretStore.SecretStore<EventRecord>
  readonly cipher: EnvelopeCipher.EnvelopeCipher
  readonly keys: KeyDirectory
  readonly random: Random.Random
  readonly now: number
  readonly config: Config
  /** Where sent notifications are recorded. */
  readonly notifications: SecretStore.SecretStore<NotificationRecord>
  /** Brings a secret up to `now` when its automatic rotation is due. */
  readonly rotate: Rotator
  /** Sends an event notification about a secret; never fails. */
  readonly notify: Notifier
  /**
   * The engine's one queue for the requests that count the secrets against the quota and then
   * commit one (create, restore from a backup): one at a time, so that two cannot both take the
   * last place. Cancelling a scheduled deletion runs in it too: it keeps a secret that a request a
   * moment later would count as gone.
   */
  readonly creating: Transaction.Serial
  /**
   * The engine's one queue for the requests that check events against secrets and then commit: a
   * secret subscribing to events (create, update), which must exist, and the deletion of an event,
   * which no secret may subscribe to. One at a time, so that a subscription and the deletion of its
   * event cannot both hold.
   */
  readonly subscribing: Transaction.Serial
}

/**
 * @category model
 * @since 0.1.0
 */
export type Notifier = (
  env: Env,
  record: SecretRecord.SecretRecord,
  type: EventType,
  data?: { readonly versionId?: string; readonly versionExpireTime?: number },
) => TE.TaskEither<never, void>

/**
 * @category model
 * @since 0.1.0
 */
export type Stored = SecretStore.Stored<SecretRecord.SecretRecord>

/**
 * An event with its revision, as the event store returns it.
 *
 * @category model
 * @since 0.1.0
 */
export type StoredEvent = SecretStore.Stored<EventRecord>

/**
 * What an automatic rotation left: the record to commit and the event to notify. A rotation that
 * failed still leaves a record (with a FAILED task and the next attempt scheduled).
 *
 * @category model
 * @since 0.1.0
 */
export interface RotationOutcome {
  readonly record: SecretRecord.SecretRecord
  readonly event: 'SECRET_ROTATED' | 'SECRET_ROTATED_FAILED'
}

/**
 * Applies the automatic rotation that is due at `env.now`. It cannot fail: a failed rotation is an
 * outcome to record, not an error of the request that noticed it.
 *
 * @category model
 * @since 0.1.0
 */
export type Rotator = (env: Env, record: SecretRecord.SecretRecord) => T.Task<RotationOutcome>

/**
 * What an operation decided, given the record as it is now.
 *
 * @category model
 * @since 0.1.0
 */
export type Decision<R, B> = Transaction.Decision<R, B>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const commit: <R, B>(record: R, body: B) => Decision<R, B> = Transaction.commit

/**
 * @category constructors
 * @since 0.1.0
 */
export const remove: <B>(body: B) => Decision<never, B> = Transaction.remove

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The index the engine asks of its secret store (see the port's `Index`): a secret stops counting at
 * its scheduled deletion time, and secrets are ordered by creation time. The default store is built
 * with it, so the quota check counts live secrets without reading them; any other store is scanned.
 *
 * @category constants
 * @since 0.1.0
 */
export const storeIndex: SecretStore.Index<SecretRecord.SecretRecord> = {
  dueAt: (record) => record.scheduledDeleteTime,
  sortKey: (record) => record.secret.createdAt,
}

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

/**
 * The secret under `name` as it is at `env.now` (an expired secret is removed first, a secret whose
 * rotation is due is rotated first), or `notFound()`: 404 CSMS.0106 unless the operation has its
 * own. Store failures become 500 CSMS.0006.
 *
 * @category reading
 * @since 0.1.0
 */
export const readExisting = (
  env: Env,
  name: string,
  notFound: () => CsmsError.CsmsError = CsmsError.secretNotFound,
): TE.TaskEither<CsmsError.CsmsError, Stored> => Transaction.readExisting(transactor, env, name, notFound)

/**
 * Every record of a store, in its order (creation order for secrets), as stored: records of secrets
 * whose deletion time has passed are still there (`liveSecrets` leaves them out).
 *
 * @category reading
 * @since 0.1.0
 */
export const listAll =
  <R>(store: SecretStore.SecretStore<R>): TE.TaskEither<CsmsError.CsmsError, ReadonlyArray<SecretStore.Stored<R>>> =>
  async () => {
    const all: Array<SecretStore.Stored<R>> = []
    const walked = await Transaction.forEachStored(store, storeFailure, (stored) => {
      all.push(stored)
    })()
    return E.isLeft(walked) ? walked : E.right(all)
  }

/**
 * The live secrets at `env.now`.
 *
 * @category reading
 * @since 0.1.0
 */
export const liveSecrets =
  (env: Env): TE.TaskEither<CsmsError.CsmsError, ReadonlyArray<Stored>> =>
  async () => {
    const live: Array<Stored> = []
    const expired = SecretRecord.isExpired(env.now)
    const walked = await Transaction.forEachStored(env.store, storeFailure, (stored) => {
      if (!expired(stored.record)) live.push(stored)
    })()
    return E.isLeft(walked) ? walked : E.right(live)
  }

/**
 * Brings every secret that is behind `env.now` (its deletion time passed, its automatic rotation due,
 * a version's `expire_time` passed unnoticed) up to it, one after the other, through the same read a
 * request naming the secret makes, notifications included. The list operations run it first: what
 * they show (secrets, rotation tasks, notification records) comes from those steps, which would
 * otherwise wait for a request naming each secret. Store failures become 500 CSMS.0006.
 *
 * @category reading
 * @since 0.1.0
 */
export const catchUpAll =
  (env: Env): TE.TaskEither<CsmsError.CsmsError, void> =>
  async () => {
    const behind: Array<string> = []
    const walked = await Transaction.forEachStored(env.store, storeFailure, ({ name, record }) => {
      if (dueAt(env.now, record)._tag !== 'Nothing') behind.push(name)
    })()
    if (E.isLeft(walked)) return walked
    // One after the other, in store order: rotations draw from the random source and notifications
    // are recorded in an order that does not depend on how the store's calls interleave.
    for (const name of behind) {
      const read = await Transaction.read(transactor, env, name)()
      if (E.isLeft(read)) return read
    }
    return E.right(undefined)
  }

/**
 * Whether the project holds fewer than `max` secrets at `env.now`: a secret whose deletion time has
 * passed is gone even while the store still holds it (see `Transaction.hasRoom`).
 *
 * @category reading
 * @since 0.1.0
 */
export const hasRoom = (env: Env, max: number): Promise<E.Either<CsmsError.CsmsError, boolean>> =>
  Transaction.hasRoom(transactor, env, max, env.now, SecretRecord.isExpired(env.now))

// -------------------------------------------------------------------------------------
// writing
// -------------------------------------------------------------------------------------

/**
 * Runs `decide` on the secret under `name` as it is at `env.now`, and applies its decision by
 * compare-and-set. On a conflicting commit it reads again and decides again, up to
 * `config.maxAttempts` times (then 500 CSMS.0006: the request changed nothing).
 *
 * @category writing
 * @since 0.1.0
 */
export const transact = <B>(
  env: Env,
  name: string,
  decide: (current: O.Option<Stored>) => TE.TaskEither<CsmsError.CsmsError, Decision<SecretRecord.SecretRecord, B>>,
): TE.TaskEither<CsmsError.CsmsError, B> => Transaction.transact(transactor, env, name, decide)

/**
 * `transact` on the secret under `name`, which must exist: `notFound()` otherwise (404 CSMS.0106 by
 * default; the tag operations, which address secrets by id, answer CSMS.0005). Most writes start
 * this way.
 *
 * @category writing
 * @since 0.1.0
 */
export const transactExisting = <B>(
  env: Env,
  name: string,
  decide: (current: Stored) => TE.TaskEither<CsmsError.CsmsError, Decision<SecretRecord.SecretRecord, B>>,
  notFound: () => CsmsError.CsmsError = CsmsError.secretNotFound,
): TE.TaskEither<CsmsError.CsmsError, B> => Transaction.transactExisting(transactor, env, name, decide, notFound)

/**
 * `transact` on the event store, whose records need nothing to be up to date.
 *
 * @category writing
 * @since 0.1.0
 */
export const transactEvent = <B>(
  env: Env,
  name: string,
  decide: (current: O.Option<StoredEvent>) => TE.TaskEither<CsmsError.CsmsError, Decision<EventRecord, B>>,
): TE.TaskEither<CsmsError.CsmsError, B> => Transaction.transact(eventTransactor, env, name, decide)

/**
 * A failure of the store as the API reports it.
 *
 * @category writing
 * @since 0.1.0
 */
export const storeFailure = (_: StoreError.StoreError): CsmsError.CsmsError => CsmsError.internalError()

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The transaction over the event store: an event needs nothing to be up to date. */
const eventTransactor: Transaction.Transactor<Env, EventRecord, CsmsError.CsmsError> = {
  store: (env) => env.events,
  maxAttempts: (env) => env.config.maxAttempts,
  storeFailure,
  exhausted: CsmsError.internalError,
  catchUp: () => Transaction.upToDate,
}

/** A secret whose rotation is due, rotated (or marked as failed), to commit and then announce. */
const rotation = async (
  env: Env,
  record: SecretRecord.SecretRecord,
): Promise<E.Either<never, Transaction.CatchUp<SecretRecord.SecretRecord>>> => {
  const { record: rotated, event } = await env.rotate(env, record)()
  return E.right(Transaction.commit(rotated, () => env.notify(env, rotated, event)()))
}

/**
 * The first step a secret needs to be up to `now`, if any: removal once its deletion time has passed,
 * else rotation once it is due, else marking the versions whose `expire_time` has passed unnoticed.
 * `catchUp` takes the step; `catchUpAll` picks the secrets that need one, so the two cannot disagree.
 */
type Due =
  | { readonly _tag: 'Nothing' }
  | { readonly _tag: 'Expired' }
  | { readonly _tag: 'RotationDue' }
  | { readonly _tag: 'ExpiriesDue'; readonly versionIds: ReadonlyArray<string> }

// The steps without data are shared: `dueAt` runs on every request that reads a secret.
const nothingDue: Due = { _tag: 'Nothing' }
const expiredDue: Due = { _tag: 'Expired' }
const rotationDue: Due = { _tag: 'RotationDue' }

const dueAt = (now: number, record: SecretRecord.SecretRecord): Due => {
  if (SecretRecord.isExpired(now)(record)) return expiredDue
  if (SecretRecord.isRotationDue(now)(record)) return rotationDue
  const versionIds = SecretRecord.dueExpiries(now)(record)
  return versionIds.length === 0 ? nothingDue : { _tag: 'ExpiriesDue', versionIds }
}

/**
 * What a secret needs to be up to `env.now` (see `dueAt`). Each step notifies once its write holds.
 */
const catchUp = (
  env: Env,
  { record }: Stored,
):
  | Transaction.CatchUp<SecretRecord.SecretRecord>
  | Promise<E.Either<never, Transaction.CatchUp<SecretRecord.SecretRecord>>> => {
  const due = dueAt(env.now, record)
  switch (due._tag) {
    case 'Nothing':
      return Transaction.upToDate
    case 'Expired':
      return Transaction.remove(() => env.notify(env, record, 'SECRET_DELETED')())
    case 'RotationDue':
      return rotation(env, record)
    case 'ExpiriesDue': {
      const marked = SecretRecord.withExpiriesNotified(due.versionIds)(record)
      return Transaction.commit(marked, async () => {
        for (const versionId of due.versionIds) {
          const versionExpireTime = marked.expireTimes[versionId] ?? 0
          await env.notify(env, marked, 'SECRET_VERSION_EXPIRED', { versionId, versionExpireTime })()
        }
      })
    }
  }
}

/**
 * The transaction over the secret store: each step of bringing a secret up to date uses one of
 * `config.maxAttempts`, and running out is 500 CSMS.0006.
 */
const transactor: Transaction.Transactor<Env, SecretRecord.SecretRecord, CsmsError.CsmsError> = {
  store: (env) => env.store,
  maxAttempts: (env) => env.config.maxAttempts,
  storeFailure,
  exhausted: CsmsError.internalError,
  catchUp,
}
