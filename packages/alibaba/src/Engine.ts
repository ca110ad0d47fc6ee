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
import type { EnvelopeCipher, Keyring, Random, SecretStore } from '@secrets-engine/core'
import { StoreError } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
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
   * commits: one request at a time, so that two cannot both take the last place.
   */
  readonly creating: Serial
}

/**
 * Runs tasks one at a time, each once the tasks handed in before it have settled.
 *
 * @category model
 * @since 0.1.0
 */
export type Serial = <A>(task: () => Promise<A>) => Promise<A>

/**
 * The stored record with its revision, as the store returns it.
 *
 * @category model
 * @since 0.1.0
 */
export type Stored = SecretStore.Stored<SecretRecord.SecretRecord>

/**
 * Applies every automatic rotation that is due at `env.now` and returns the new record.
 *
 * @category model
 * @since 0.1.0
 */
export type Rotator = (
  env: Env,
  record: SecretRecord.SecretRecord,
) => TE.TaskEither<ApiError.ApiError, SecretRecord.SecretRecord>

/**
 * What an operation decided, given the secret as it is now.
 *
 * @category model
 * @since 0.1.0
 */
export type Decision<B> =
  | { readonly _tag: 'Keep'; readonly body: B }
  | { readonly _tag: 'Commit'; readonly record: SecretRecord.SecretRecord; readonly body: B }
  | { readonly _tag: 'Remove'; readonly body: B }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const keep = <B>(body: B): Decision<B> => ({ _tag: 'Keep', body })

/**
 * @category constructors
 * @since 0.1.0
 */
export const commit = <B>(record: SecretRecord.SecretRecord, body: B): Decision<B> => ({
  _tag: 'Commit',
  record,
  body,
})

/**
 * @category constructors
 * @since 0.1.0
 */
export const remove = <B>(body: B): Decision<B> => ({ _tag: 'Remove', body })

/**
 * A new, empty `Serial`. A task handed in while none is running starts at once, with no extra
 * promise hop before it; the others wait for the task before them, failed or not.
 *
 * @category constructors
 * @since 0.1.0
 */
export const serial = (): Serial => {
  let tail: Promise<void> | undefined
  const settle = (): void => undefined
  return <A>(task: () => Promise<A>): Promise<A> => {
    const run = tail === undefined ? task() : tail.then(task)
    const settled = run.then(settle, settle)
    tail = settled
    void settled.then(() => {
      if (tail === settled) tail = undefined
    })
    return run
  }
}

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
export const readExisting =
  (
    env: Env,
    reference: string,
    notFound: () => ApiError.ApiError = ApiError.resourceNotFound,
  ): TE.TaskEither<ApiError.ApiError, Stored> =>
  async () => {
    const name = resolve(env, reference)
    if (name === undefined) return E.left(notFound())
    const found = await settle(env, name)
    if (E.isLeft(found)) return found
    return O.isSome(found.right) ? E.right(found.right.value) : E.left(notFound())
  }

/**
 * How many secrets exist at `env.now`, reading the whole store: the records whose deletion window
 * has passed are gone even while the store still holds them. For stores without an index only.
 *
 * @category reading
 * @since 0.1.0
 */
export const countLive = async (env: Env): Promise<E.Either<ApiError.ApiError, number>> => {
  let live = 0
  const isExpired = SecretRecord.isExpired(env.now)
  const walked = await forEachStored(env, ({ record }) => {
    if (!isExpired(record)) live++
  })()
  return E.isLeft(walked) ? walked : E.right(live)
}

/**
 * Calls `visit` on every record the store holds, in the store's order (creation order), reading
 * it in pages of 1,000 records. The records are as stored: a caller that wants the secrets as they
 * are at `env.now` leaves out the expired ones itself. Store failures become 500 InternalFailure.
 *
 * @category reading
 * @since 0.1.0
 */
export const forEachStored =
  (env: Env, visit: (stored: Stored) => void): TE.TaskEither<ApiError.ApiError, void> =>
  async () => {
    let cursor: string | undefined
    do {
      const page = await env.store.list({ cursor, limit: scanPageSize })()
      if (E.isLeft(page)) return E.left(storeFailure(page.left))
      for (const stored of page.right.items) visit(stored)
      cursor = page.right.next
    } while (cursor !== undefined)
    return E.right(undefined)
  }

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
export const transact =
  <B>(
    env: Env,
    name: string,
    decide: (current: O.Option<Stored>) => TE.TaskEither<ApiError.ApiError, Decision<B>>,
  ): TE.TaskEither<ApiError.ApiError, B> =>
  async () => {
    for (let left = env.config.maxAttempts; ; left--) {
      const current = await settle(env, name)
      if (E.isLeft(current)) return current
      const decision = await decide(current.right)()
      if (E.isLeft(decision)) return decision
      const applied = await apply(env, name, current.right, decision.right)
      if (E.isRight(applied)) return E.right(decision.right.body)
      if (applied.left !== conflict || left <= 1) return E.left(toApiError(applied.left))
    }
  }

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
  const missing = (): Promise<E.Either<ApiError.ApiError, never>> => Promise.resolve(E.left(notFound()))
  if (name === undefined) return missing
  return transact(env, name, (current) => (O.isSome(current) ? decide(current.value) : missing))
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

/** How many records one `store.list` call asks for while walking the whole store. */
const scanPageSize = 1_000

/** Marks a lost compare-and-set, which the transaction answers by starting again. */
const conflict: unique symbol = Symbol('conflict')
type Conflict = typeof conflict

const toApiError = (error: ApiError.ApiError | Conflict): ApiError.ApiError =>
  error === conflict ? ApiError.internalFailure() : error

const fromStore = <A>(result: E.Either<StoreError.StoreError, A>): E.Either<ApiError.ApiError | Conflict, A> =>
  E.isRight(result) ? result : E.left(StoreError.isRevisionConflict(result.left) ? conflict : storeFailure(result.left))

const apply = async <B>(
  env: Env,
  name: string,
  current: O.Option<Stored>,
  decision: Decision<B>,
): Promise<E.Either<ApiError.ApiError | Conflict, unknown>> => {
  switch (decision._tag) {
    case 'Keep':
      return E.right(undefined)
    case 'Commit':
      return fromStore(
        await env.store.commit(name, O.isSome(current) ? current.value.revision : 'absent', decision.record)(),
      )
    case 'Remove':
      return O.isSome(current) ? fromStore(await env.store.remove(name, current.value.revision)()) : E.right(undefined)
  }
}

/**
 * Reads `name` and brings it up to `env.now`: removes it when expired, rotates it when due, and reads
 * again after either (a lost compare-and-set there means another request wrote first: read again).
 * Each such step uses one of `config.maxAttempts`; running out is 500 InternalFailure.
 */
const settle = async (env: Env, name: string): Promise<E.Either<ApiError.ApiError, O.Option<Stored>>> => {
  for (let left = env.config.maxAttempts; left > 0; left--) {
    const current = await env.store.get(name)()
    if (E.isLeft(current)) return E.left(storeFailure(current.left))
    if (O.isNone(current.right)) return E.right(O.none)
    const stored = current.right.value
    let step: E.Either<ApiError.ApiError | Conflict, unknown>
    if (SecretRecord.isExpired(env.now)(stored.record)) {
      step = fromStore(await env.store.remove(name, stored.revision)())
    } else if (SecretRecord.isRotationDue(env.now)(stored.record)) {
      const rotated = await env.rotate(env, stored.record)()
      step = E.isLeft(rotated) ? rotated : fromStore(await env.store.commit(name, stored.revision, rotated.right)())
    } else {
      return E.right(current.right)
    }
    if (E.isLeft(step) && (step.left !== conflict || left <= 1)) return E.left(toApiError(step.left))
  }
  return E.left(ApiError.internalFailure())
}
