/**
 * The engine: the environment every operation runs in (store, cipher, keyring, clock, random
 * source, configuration), and the transaction that every write goes through.
 *
 * A transaction reads a secret with its revision, lets the operation decide purely what to write,
 * and commits by compare-and-set; when another request committed first, it starts again from a
 * fresh read, so no update is lost and no interleaving breaks an invariant of one secret. The only
 * write of a request is its final commit, so a request that fails changes nothing. The one rule
 * across secrets, the quota, is kept by running CreateSecret requests, which count the secrets and
 * then commit, one at a time (`Env.creating`, one per engine); engines that share a store do not
 * coordinate with each other.
 *
 * The transaction itself is the core's (`Transaction`), shared with the Huawei engine; this module
 * gives it what is Alibaba's: the environment, the errors (500 InternalFailure for a store failure
 * or for running out of attempts), names from ARNs, and what bringing a secret up to now takes.
 *
 * The paths every request takes (reading, transacting) are written as plain async functions over
 * `Either` rather than composed with `TE.flatMap`: each fp-ts combinator allocates closures (through
 * `dual` and `Array.from(arguments)`) and adds a promise hop, and in a CPU profile of GetSecretValue
 * they took about a quarter of the time, more than the AES-GCM calls.
 *
 * Time is read once per request. Before an operation sees a secret, the secret is brought up to
 * that time: a secret whose deletion window has passed is removed, and a secret whose automatic
 * rotation is due is rotated. Nothing needs a timer.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Keyring, Random, SecretStore, StoreError } from '@secrets-engine/core'
import { Transaction } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type * as T from 'fp-ts/lib/Task.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from './ApiError.js'
import * as SecretRecord from './SecretRecord.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Config {
  readonly region: string
  readonly accountId: string
  /** How many secrets the account may hold (Rejected.LimitExceeded beyond). */
  readonly maxSecrets: number
  /** The ids of the dedicated KMS instances that exist. */
  readonly dkmsInstances: ReadonlySet<string>
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
  readonly cipher: EnvelopeCipher.EnvelopeCipher
  readonly keyring: Keyring.Keyring
  readonly random: Random.Random
  readonly now: number
  readonly config: Config
  /** Brings a secret up to `now` when its automatic rotation is due. */
  readonly rotate: Rotator
  /**
   * The engine's one queue for CreateSecret, which counts the secrets against the quota and then
   * commits: one request at a time, so that two cannot both take the last place. RestoreSecret runs
   * in it too: it keeps a secret that a request a moment later would count as gone.
   */
  readonly creating: Serial
}

/**
 * Runs tasks one at a time (see `Transaction.Serial`).
 *
 * @category model
 * @since 0.1.0
 */
export type Serial = Transaction.Serial

/**
 * The stored record with its revision, as the store returns it.
 *
 * @category model
 * @since 0.1.0
 */
export type Stored = SecretStore.Stored<SecretRecord.SecretRecord>

/**
 * Applies every automatic rotation that is due at `env.now` and returns the new record. It never
 * fails: a rotation that cannot be done skips its period (see `Rotation.rotate`).
 *
 * @category model
 * @since 0.1.0
 */
export type Rotator = (env: Env, record: SecretRecord.SecretRecord) => T.Task<SecretRecord.SecretRecord>

/**
 * What an operation decided, given the secret as it is now.
 *
 * @category model
 * @since 0.1.0
 */
export type Decision<B> = Transaction.Decision<SecretRecord.SecretRecord, B>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const keep: <B>(body: B) => Decision<B> = Transaction.keep

/**
 * Commits `record`, frozen first (see `SecretRecord.frozen`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const commit = <B>(record: SecretRecord.SecretRecord, body: B): Decision<B> =>
  Transaction.commit(SecretRecord.frozen(record), body)

/**
 * @category constructors
 * @since 0.1.0
 */
export const remove: <B>(body: B) => Decision<B> = Transaction.remove

/**
 * A new, empty `Serial` (see `Transaction.serial`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const serial: () => Serial = Transaction.serial

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The index the engine asks of its store (see the port's `Index`): a secret stops counting at the
 * end of its deletion window, and secrets are listed by creation time. A store built with this
 * object lets ListSecrets page without reading every secret; any other store is scanned.
 *
 * @category constants
 * @since 0.1.0
 */
export const storeIndex: SecretStore.Index<SecretRecord.SecretRecord> = {
  dueAt: (record) => record.plannedDeleteAt,
  sortKey: (record) => record.secret.createdAt,
}

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

/**
 * The secret `reference` (a name or an ARN) names, as it is at `env.now` (an expired secret is
 * removed first, a secret whose rotation is due is rotated first), or `notFound()` when there is
 * none: 404 Forbidden.ResourceNotFound unless the operation has its own. Store failures become 500
 * InternalFailure.
 *
 * @category reading
 * @since 0.1.0
 */
export const readExisting = (
  env: Env,
  reference: string,
  notFound: () => ApiError.ApiError = ApiError.resourceNotFound,
): TE.TaskEither<ApiError.ApiError, Stored> => {
  const name = resolve(env, reference)
  return name === undefined ? missing(notFound) : Transaction.readExisting(transactor, env, name, notFound)
}

/**
 * Whether the account holds fewer than `max` secrets at `env.now`: a secret whose deletion window has
 * passed is gone even while the store still holds it (see `Transaction.hasRoom`). Store failures
 * become 500 InternalFailure.
 *
 * @category reading
 * @since 0.1.0
 */
export const hasRoom = (env: Env, max: number): Promise<E.Either<ApiError.ApiError, boolean>> =>
  Transaction.hasRoom(transactor, env, max, env.now, SecretRecord.isExpired(env.now))

/**
 * Calls `visit` on every record the store holds, in the store's order (creation order), reading
 * it in pages of 1,000 records. The records are as stored: a caller that wants the secrets as they
 * are at `env.now` leaves out the expired ones itself. Store failures become 500 InternalFailure.
 *
 * @category reading
 * @since 0.1.0
 */
export const forEachStored = (env: Env, visit: (stored: Stored) => void): TE.TaskEither<ApiError.ApiError, void> =>
  Transaction.forEachStored(env.store, storeFailure, visit)

// -------------------------------------------------------------------------------------
// writing
// -------------------------------------------------------------------------------------

/**
 * Runs `decide` on the secret under `name` as it is at `env.now`, and applies its decision by
 * compare-and-set. On a conflicting commit it reads again and decides again, up to
 * `config.maxAttempts` times (then 500 InternalFailure: the request changed nothing).
 *
 * @category writing
 * @since 0.1.0
 */
export const transact = <B>(
  env: Env,
  name: string,
  decide: (current: O.Option<Stored>) => TE.TaskEither<ApiError.ApiError, Decision<B>>,
): TE.TaskEither<ApiError.ApiError, B> => Transaction.transact(transactor, env, name, decide)

/**
 * `transact` on the secret `reference` (a name or an ARN) names, which must exist: `notFound()`
 * otherwise (404 Forbidden.ResourceNotFound unless the operation has its own). Most writes start
 * this way.
 *
 * @category writing
 * @since 0.1.0
 */
export const transactExisting = <B>(
  env: Env,
  reference: string,
  decide: (current: Stored) => TE.TaskEither<ApiError.ApiError, Decision<B>>,
  notFound: () => ApiError.ApiError = ApiError.resourceNotFound,
): TE.TaskEither<ApiError.ApiError, B> => {
  const name = resolve(env, reference)
  return name === undefined ? missing(notFound) : Transaction.transactExisting(transactor, env, name, decide, notFound)
}

/**
 * A failure of the store as the API reports it.
 *
 * @category writing
 * @since 0.1.0
 */
export const storeFailure = (_: StoreError.StoreError): ApiError.ApiError => ApiError.internalFailure()

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The name `reference` (a name or an ARN) gives, or undefined for an ARN of no secret of this engine. */
const resolve = (env: Env, reference: string): string | undefined =>
  Wire.nameFromReference(env.config.region, env.config.accountId, reference)

/** The answer for a reference that names no secret of this engine. */
const missing =
  (notFound: () => ApiError.ApiError): TE.TaskEither<ApiError.ApiError, never> =>
  () =>
    Promise.resolve(E.left(notFound()))

/** The `CatchUp` of a secret whose deletion window has passed. */
const removal: Transaction.CatchUp<never> = Transaction.remove(undefined)

/** A secret whose rotation is due, rotated (a rotation never fails: see `Rotator`). */
const rotation = async (
  env: Env,
  record: SecretRecord.SecretRecord,
): Promise<E.Either<never, Transaction.CatchUp<SecretRecord.SecretRecord>>> =>
  E.right(commit(await env.rotate(env, record)(), undefined))

/**
 * The transaction over the secret store. Bringing a secret up to `env.now` removes it once its
 * deletion window has passed, and rotates it when its rotation is due; each such step uses one of
 * `config.maxAttempts`, and running out is 500 InternalFailure.
 */
const transactor: Transaction.Transactor<Env, SecretRecord.SecretRecord, ApiError.ApiError> = {
  store: (env) => env.store,
  maxAttempts: (env) => env.config.maxAttempts,
  storeFailure,
  exhausted: ApiError.internalFailure,
  catchUp: (env, { record }) =>
    SecretRecord.isExpired(env.now)(record)
      ? removal
      : SecretRecord.isRotationDue(env.now)(record)
        ? rotation(env, record)
        : Transaction.upToDate,
}
