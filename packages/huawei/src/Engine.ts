/**
 * The engine: the environment every operation runs in (stores, cipher, key directory, clock, random
 * source, configuration), and the transaction that every write goes through.
 *
 * A transaction reads a secret with its revision, lets the operation decide purely what to write,
 * and commits by compare-and-set; when another request committed first, it starts again from a
 * fresh read, so no update is lost and no interleaving breaks an invariant. The only write of a
 * request is its final commit, so a request that fails changes nothing.
 *
 * Time is read once per request. Before an operation sees a secret, the secret is brought up to that
 * time: a secret whose scheduled deletion time has passed is removed, and a secret whose automatic
 * rotation is due is rotated. A rotation that fails does not fail the request: the secret keeps its
 * versions, records a FAILED task and tries again one period later, so a broken rotation (a disabled
 * key) never locks a secret. Nothing needs a timer.
 *
 * (The transaction is the Alibaba engine's, for the CSMS record type; one shared transaction in the
 * core could serve both.)
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Random, SecretStore } from '@secrets-engine/core'
import { StoreError } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
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
export type Rotator = (env: Env, record: SecretRecord.SecretRecord) => TE.TaskEither<never, RotationOutcome>

/**
 * What an operation decided, given the record as it is now.
 *
 * @category model
 * @since 0.1.0
 */
export type Decision<R, B> =
  | { readonly _tag: 'Keep'; readonly body: B }
  | { readonly _tag: 'Commit'; readonly record: R; readonly body: B }
  | { readonly _tag: 'Remove'; readonly body: B }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const keep = <B>(body: B): Decision<never, B> => ({ _tag: 'Keep', body })

/**
 * @category constructors
 * @since 0.1.0
 */
export const commit = <R, B>(record: R, body: B): Decision<R, B> => ({ _tag: 'Commit', record, body })

/**
 * @category constructors
 * @since 0.1.0
 */
export const remove = <B>(body: B): Decision<never, B> => ({ _tag: 'Remove', body })

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
 * The secret under `name` as it is at `env.now`. Store failures become 500 CSMS.0006.
 *
 * @category reading
 * @since 0.1.0
 */
export const read = (env: Env, name: string): TE.TaskEither<CsmsError.CsmsError, O.Option<Stored>> =>
  settle(env, name, env.config.maxAttempts)

/**
 * The secret under `name`, or 404 CSMS.0106.
 *
 * @category reading
 * @since 0.1.0
 */
export const readExisting = (env: Env, name: string): TE.TaskEither<CsmsError.CsmsError, Stored> =>
  pipe(
    read(env, name),
    TE.flatMap(
      O.match(
        () => TE.left(CsmsError.secretNotFound()),
        (stored) => TE.right(stored),
      ),
    ),
  )

/**
 * Every record of a store, in its order (creation order for secrets), as stored: records of secrets
 * whose deletion time has passed are still there (`liveSecrets` leaves them out).
 *
 * @category reading
 * @since 0.1.0
 */
export const listAll = <R>(
  store: SecretStore.SecretStore<R>,
): TE.TaskEither<CsmsError.CsmsError, ReadonlyArray<SecretStore.Stored<R>>> => {
  const from = (
    cursor: string | undefined,
    acc: ReadonlyArray<SecretStore.Stored<R>>,
  ): TE.TaskEither<CsmsError.CsmsError, ReadonlyArray<SecretStore.Stored<R>>> =>
    pipe(
      store.list({ cursor, limit: 1_000 }),
      TE.mapLeft(storeFailure),
      TE.flatMap((page) =>
        page.next === undefined ? TE.right([...acc, ...page.items]) : from(page.next, [...acc, ...page.items]),
      ),
    )
  return from(undefined, [])
}

/**
 * The live secrets at `env.now`.
 *
 * @category reading
 * @since 0.1.0
 */
export const liveSecrets = (env: Env): TE.TaskEither<CsmsError.CsmsError, ReadonlyArray<Stored>> =>
  pipe(
    listAll(env.store),
    TE.map((all) => all.filter((s) => !SecretRecord.isExpired(env.now)(s.record))),
  )

/**
 * How many secrets exist at `env.now`, reading the whole store: the records whose deletion time has
 * passed are gone even while the store still holds them. For stores without an index only.
 *
 * @category reading
 * @since 0.1.0
 */
export const countLive = async (env: Env): Promise<E.Either<CsmsError.CsmsError, number>> => {
  let live = 0
  let cursor: string | undefined
  do {
    const page = await env.store.list({ cursor, limit: 1_000 })()
    if (E.isLeft(page)) return E.left(storeFailure(page.left))
    for (const { record } of page.right.items) if (!SecretRecord.isExpired(env.now)(record)) live++
    cursor = page.right.next
  } while (cursor !== undefined)
  return E.right(live)
}

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
): TE.TaskEither<CsmsError.CsmsError, B> =>
  transactOn(env.store, () => read(env, name), env.config.maxAttempts, name, decide)

/**
 * `transact` on another store (the event store), with no settling on read.
 *
 * @category writing
 * @since 0.1.0
 */
export const transactOn = <R, B>(
  store: SecretStore.SecretStore<R>,
  get: () => TE.TaskEither<CsmsError.CsmsError, O.Option<SecretStore.Stored<R>>>,
  maxAttempts: number,
  name: string,
  decide: (current: O.Option<SecretStore.Stored<R>>) => TE.TaskEither<CsmsError.CsmsError, Decision<R, B>>,
): TE.TaskEither<CsmsError.CsmsError, B> => {
  const attempt = (left: number): TE.TaskEither<CsmsError.CsmsError, B> =>
    pipe(
      get(),
      TE.flatMap((current) =>
        pipe(
          decide(current),
          TE.flatMap((decision) =>
            pipe(
              apply(store, name, current, decision),
              TE.map(() => decision.body),
              TE.orElse((error) => (error === conflict && left > 1 ? attempt(left - 1) : TE.left(toCsmsError(error)))),
            ),
          ),
        ),
      ),
    )
  return attempt(maxAttempts)
}

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

/** Marks a lost compare-and-set, which the transaction answers by starting again. */
const conflict: unique symbol = Symbol('conflict')
type Conflict = typeof conflict

const toCsmsError = (error: CsmsError.CsmsError | Conflict): CsmsError.CsmsError =>
  error === conflict ? CsmsError.internalError() : error

const fromStore = <A>(
  task: TE.TaskEither<StoreError.StoreError, A>,
): TE.TaskEither<CsmsError.CsmsError | Conflict, A> =>
  pipe(
    task,
    TE.mapLeft((error): CsmsError.CsmsError | Conflict =>
      StoreError.isRevisionConflict(error) ? conflict : storeFailure(error),
    ),
  )

const apply = <R, B>(
  store: SecretStore.SecretStore<R>,
  name: string,
  current: O.Option<SecretStore.Stored<R>>,
  decision: Decision<R, B>,
): TE.TaskEither<CsmsError.CsmsError | Conflict, void> => {
  switch (decision._tag) {
    case 'Keep':
      return TE.right(undefined)
    case 'Commit':
      return pipe(
        fromStore(store.commit(name, O.isSome(current) ? current.value.revision : 'absent', decision.record)),
        TE.map(() => undefined),
      )
    case 'Remove':
      return O.isSome(current) ? fromStore(store.remove(name, current.value.revision)) : TE.right(undefined)
  }
}

const isRotationDue =
  (now: number) =>
  (record: SecretRecord.SecretRecord): boolean =>
    record.autoRotation &&
    record.secretType !== 'COMMON' &&
    record.state === 'ENABLED' &&
    record.nextRotationTime !== undefined &&
    record.nextRotationTime <= now

const settle = (env: Env, name: string, left: number): TE.TaskEither<CsmsError.CsmsError, O.Option<Stored>> =>
  left <= 0
    ? TE.left(CsmsError.internalError())
    : pipe(
        env.store.get(name),
        TE.mapLeft(storeFailure),
        TE.flatMap((current) => {
          if (O.isNone(current)) return TE.right(current)
          const stored = current.value
          const again = (task: TE.TaskEither<CsmsError.CsmsError | Conflict, unknown>) =>
            pipe(
              task,
              TE.orElse((error) =>
                error === conflict && left > 1 ? TE.right(undefined) : TE.left(toCsmsError(error)),
              ),
              TE.flatMap(() => settle(env, name, left - 1)),
            )
          if (SecretRecord.isExpired(env.now)(stored.record)) {
            return again(
              pipe(
                fromStore(env.store.remove(name, stored.revision)),
                TE.tap(() => env.notify(env, stored.record, 'SECRET_DELETED')),
              ),
            )
          }
          if (isRotationDue(env.now)(stored.record)) {
            return again(
              pipe(
                env.rotate(env, stored.record),
                TE.flatMap(({ record, event }) =>
                  pipe(
                    fromStore(env.store.commit(name, stored.revision, record)),
                    TE.tap(() => env.notify(env, record, event)),
                  ),
                ),
              ),
            )
          }
          const expired = SecretRecord.dueExpiries(env.now)(stored.record)
          if (expired.length > 0) {
            const record: SecretRecord.SecretRecord = {
              ...stored.record,
              expiryNotified: {
                ...stored.record.expiryNotified,
                ...Object.fromEntries(expired.map((id) => [id, stored.record.expireTimes[id] ?? 0])),
              },
            }
            return again(
              pipe(
                fromStore(env.store.commit(name, stored.revision, record)),
                TE.tap(() =>
                  TE.sequenceSeqArray(
                    expired.map((versionId) =>
                      env.notify(env, record, 'SECRET_VERSION_EXPIRED', {
                        versionId,
                        versionExpireTime: record.expireTimes[versionId] ?? 0,
                      }),
                    ),
                  ),
                ),
              ),
            )
          }
          return TE.right(current)
        }),
      )
