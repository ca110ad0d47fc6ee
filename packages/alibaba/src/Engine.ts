/**
 * The engine: the environment every operation runs in (store, cipher, keyring, clock, random
 * source, configuration), and the transaction that every write goes through.
 *
 * A transaction reads a secret with its revision, lets the operation decide purely what to write,
 * and commits by compare-and-set; when another request committed first, it starts again from a
 * fresh read, so no update is lost and no interleaving breaks an invariant. The only write of a
 * request is its final commit, so a request that fails changes nothing.
 *
 * Time is read once per request. Before an operation sees a secret, the secret is brought up to
 * that time: a secret whose deletion window has passed is removed, and a secret whose automatic
 * rotation is due is rotated. Nothing needs a timer.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Keyring, Random, SecretStore } from '@secrets-engine/core'
import { StoreError } from '@secrets-engine/core'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
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
}

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

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

/**
 * The secret under `name` as it is at `env.now`: an expired secret is removed first, a secret
 * whose rotation is due is rotated first. Store failures become 500 InternalFailure.
 *
 * @category reading
 * @since 0.1.0
 */
export const read = (env: Env, name: string): TE.TaskEither<ApiError.ApiError, O.Option<Stored>> =>
  settle(env, name, env.config.maxAttempts)

/**
 * The secret `reference` (a name or an ARN) names, or 404 Forbidden.ResourceNotFound.
 *
 * @category reading
 * @since 0.1.0
 */
export const nameOf = (env: Env, reference: string): TE.TaskEither<ApiError.ApiError, string> => {
  const name = Wire.nameFromReference(env.config.region, env.config.accountId, reference)
  return name === undefined ? TE.left(ApiError.resourceNotFound()) : TE.right(name)
}

/**
 * The secret `reference` (a name or an ARN) names, as it is at `env.now`, or 404
 * Forbidden.ResourceNotFound when there is none.
 *
 * @category reading
 * @since 0.1.0
 */
export const readExisting = (env: Env, reference: string): TE.TaskEither<ApiError.ApiError, Stored> =>
  pipe(
    nameOf(env, reference),
    TE.flatMap((name) => read(env, name)),
    TE.flatMap(
      O.match(
        () => TE.left(ApiError.resourceNotFound()),
        (stored) => TE.right(stored),
      ),
    ),
  )

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
): TE.TaskEither<ApiError.ApiError, B> => {
  const attempt = (left: number): TE.TaskEither<ApiError.ApiError, B> =>
    pipe(
      read(env, name),
      TE.flatMap((current) =>
        pipe(
          decide(current),
          TE.flatMap((decision) =>
            pipe(
              apply(env, name, current, decision),
              TE.map(() => decision.body),
              TE.orElse((error) => (error === conflict && left > 1 ? attempt(left - 1) : TE.left(toApiError(error)))),
            ),
          ),
        ),
      ),
    )
  return attempt(env.config.maxAttempts)
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

/** Marks a lost compare-and-set, which the transaction answers by starting again. */
const conflict: unique symbol = Symbol('conflict')
type Conflict = typeof conflict

const toApiError = (error: ApiError.ApiError | Conflict): ApiError.ApiError =>
  error === conflict ? ApiError.internalFailure() : error

const fromStore = <A>(task: TE.TaskEither<StoreError.StoreError, A>): TE.TaskEither<ApiError.ApiError | Conflict, A> =>
  pipe(
    task,
    TE.mapLeft((error): ApiError.ApiError | Conflict =>
      StoreError.isRevisionConflict(error) ? conflict : storeFailure(error),
    ),
  )

const apply = <B>(
  env: Env,
  name: string,
  current: O.Option<Stored>,
  decision: Decision<B>,
): TE.TaskEither<ApiError.ApiError | Conflict, void> => {
  switch (decision._tag) {
    case 'Keep':
      return TE.right(undefined)
    case 'Commit':
      return pipe(
        fromStore(env.store.commit(name, O.isSome(current) ? current.value.revision : 'absent', decision.record)),
        TE.map(() => undefined),
      )
    case 'Remove':
      return O.isSome(current) ? fromStore(env.store.remove(name, current.value.revision)) : TE.right(undefined)
  }
}

const settle = (env: Env, name: string, left: number): TE.TaskEither<ApiError.ApiError, O.Option<Stored>> =>
  left <= 0
    ? TE.left(ApiError.internalFailure())
    : pipe(
        env.store.get(name),
        TE.mapLeft(storeFailure),
        TE.flatMap((current) => {
          if (O.isNone(current)) return TE.right(current)
          const stored = current.value
          const again = (task: TE.TaskEither<ApiError.ApiError | Conflict, unknown>) =>
            pipe(
              task,
              TE.orElse((error) => (error === conflict && left > 1 ? TE.right(undefined) : TE.left(toApiError(error)))),
              TE.flatMap(() => settle(env, name, left - 1)),
            )
          if (SecretRecord.isExpired(env.now)(stored.record)) {
            return again(fromStore(env.store.remove(name, stored.revision)))
          }
          if (SecretRecord.isRotationDue(env.now)(stored.record)) {
            return again(
              pipe(
                env.rotate(env, stored.record),
                TE.mapLeft((e): ApiError.ApiError | Conflict => e),
                TE.flatMap((record) => fromStore(env.store.commit(name, stored.revision, record))),
              ),
            )
          }
          return TE.right(current)
        }),
      )
