/**
 * The engine: the environment every operation runs in (stores, cipher, key directory, clock, random
 * source, configuration), and the transaction that every write goes through.
 *
 * A transaction reads a secret with its revision, lets the operation decide purely what to write,
 * and commits by compare-and-set; when another request committed first, it starts again from a
 * fresh read, so no update is lost and no interleaving breaks an invariant. The only write of a
 * request is its final commit, so a request that fails changes nothing.
 *
 * The paths every request takes (reading, transacting) are written as plain async functions over
 * `Either` rather than composed with `TE.flatMap`, as in the Alibaba engine (whose header gives the
 * profile): each fp-ts combinator allocates closures and adds a promise hop on every request.
 * The names and shapes follow the Alibaba engine's, so that one transaction could move to the core.
 *
 * Time is read once per request. Before an operation sees a secret, the secret is brought up to that
 * time: a secret whose scheduled deletion time has passed is removed, and a secret whose automatic
 * rotation is due is rotated. A rotation that fails does not fail the request: the secret keeps its
 * versions, records a FAILED task and tries again one period later, so a broken rotation (a disabled
 * key) never locks a secret. Nothing needs a timer.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Random, SecretStore } from '@secrets-engine/core'
import { StoreError } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
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
 * The secret under `name` as it is at `env.now`: an expired secret is removed first, a secret whose
 * rotation is due is rotated first. Store failures become 500 CSMS.0006.
 *
 * @category reading
 * @since 0.1.0
 */
export const read =
  (env: Env, name: string): TE.TaskEither<CsmsError.CsmsError, O.Option<Stored>> =>
  () =>
    settle(env, name)

/**
 * The secret under `name` as it is at `env.now`, or 404 CSMS.0106.
 *
 * @category reading
 * @since 0.1.0
 */
export const readExisting =
  (env: Env, name: string): TE.TaskEither<CsmsError.CsmsError, Stored> =>
  async () => {
    const found = await settle(env, name)
    if (E.isLeft(found)) return found
    return O.isSome(found.right) ? E.right(found.right.value) : E.left(CsmsError.secretNotFound())
  }

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
    let cursor: string | undefined
    do {
      const page = await store.list({ cursor, limit: 1_000 })()
      if (E.isLeft(page)) return E.left(storeFailure(page.left))
      for (const item of page.right.items) all.push(item)
      cursor = page.right.next
    } while (cursor !== undefined)
    return E.right(all)
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
    const all = await listAll(env.store)()
    if (E.isLeft(all)) return all
    const expired = SecretRecord.isExpired(env.now)
    return E.right(all.right.filter((s) => !expired(s.record)))
  }

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
): TE.TaskEither<CsmsError.CsmsError, B> => transactOn(env.store, read(env, name), env.config.maxAttempts, name, decide)

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
): TE.TaskEither<CsmsError.CsmsError, B> => {
  const missing = (): Promise<E.Either<CsmsError.CsmsError, never>> => Promise.resolve(E.left(notFound()))
  return transact(env, name, (current) => (O.isSome(current) ? decide(current.value) : missing))
}

/**
 * `transact` on another store (the event store): `get` reads the record, with no settling.
 *
 * @category writing
 * @since 0.1.0
 */
export const transactOn =
  <R, B>(
    store: SecretStore.SecretStore<R>,
    get: TE.TaskEither<CsmsError.CsmsError, O.Option<SecretStore.Stored<R>>>,
    maxAttempts: number,
    name: string,
    decide: (current: O.Option<SecretStore.Stored<R>>) => TE.TaskEither<CsmsError.CsmsError, Decision<R, B>>,
  ): TE.TaskEither<CsmsError.CsmsError, B> =>
  async () => {
    for (let left = maxAttempts; ; left--) {
      const current = await get()
      if (E.isLeft(current)) return current
      const decision = await decide(current.right)()
      if (E.isLeft(decision)) return decision
      const applied = await apply(store, name, current.right, decision.right)
      if (E.isRight(applied)) return E.right(decision.right.body)
      if (applied.left !== conflict || left <= 1) return E.left(toCsmsError(applied.left))
    }
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

const fromStore = <A>(result: E.Either<StoreError.StoreError, A>): E.Either<CsmsError.CsmsError | Conflict, A> =>
  E.isRight(result) ? result : E.left(StoreError.isRevisionConflict(result.left) ? conflict : storeFailure(result.left))

const apply = async <R, B>(
  store: SecretStore.SecretStore<R>,
  name: string,
  current: O.Option<SecretStore.Stored<R>>,
  decision: Decision<R, B>,
): Promise<E.Either<CsmsError.CsmsError | Conflict, unknown>> => {
  switch (decision._tag) {
    case 'Keep':
      return E.right(undefined)
    case 'Commit':
      return fromStore(
        await store.commit(name, O.isSome(current) ? current.value.revision : 'absent', decision.record)(),
      )
    case 'Remove':
      return O.isSome(current) ? fromStore(await store.remove(name, current.value.revision)()) : E.right(undefined)
  }
}

/**
 * Reads `name` and brings it up to `env.now`: removes it when its deletion time has passed, rotates
 * it when its rotation is due, marks the versions whose `expire_time` has passed, and reads again
 * after any of these (a lost compare-and-set there means another request wrote first: read again).
 * Each step notifies once its commit holds, and uses one of `config.maxAttempts`; running out is 500
 * CSMS.0006.
 */
const settle = async (env: Env, name: string): Promise<E.Either<CsmsError.CsmsError, O.Option<Stored>>> => {
  for (let left = env.config.maxAttempts; left > 0; left--) {
    const current = await env.store.get(name)()
    if (E.isLeft(current)) return E.left(storeFailure(current.left))
    if (O.isNone(current.right)) return E.right(O.none)
    const stored = current.right.value
    let step: E.Either<CsmsError.CsmsError | Conflict, unknown>
    if (SecretRecord.isExpired(env.now)(stored.record)) {
      step = fromStore(await env.store.remove(name, stored.revision)())
      if (E.isRight(step)) await env.notify(env, stored.record, 'SECRET_DELETED')()
    } else if (SecretRecord.isRotationDue(env.now)(stored.record)) {
      const { record, event } = await env.rotate(env, stored.record)()
      step = fromStore(await env.store.commit(name, stored.revision, record)())
      if (E.isRight(step)) await env.notify(env, record, event)()
    } else {
      const expired = SecretRecord.dueExpiries(env.now)(stored.record)
      if (expired.length === 0) return E.right(current.right)
      const record = SecretRecord.withExpiriesNotified(expired)(stored.record)
      step = fromStore(await env.store.commit(name, stored.revision, record)())
      if (E.isRight(step)) {
        for (const versionId of expired) {
          const versionExpireTime = record.expireTimes[versionId] ?? 0
          await env.notify(env, record, 'SECRET_VERSION_EXPIRED', { versionId, versionExpireTime })()
        }
      }
    }
    if (E.isLeft(step) && (step.left !== conflict || left <= 1)) return E.left(toCsmsError(step.left))
  }
  return E.left(CsmsError.internalError())
}
