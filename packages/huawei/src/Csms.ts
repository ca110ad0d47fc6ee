/**
 * `createCsms`: the Huawei Cloud CSMS API in memory. With no options it runs on embedded defaults (a
 * `MemoryStore` for secrets and one for events, AES-256-GCM envelopes on node:crypto, an in-memory
 * keyring in which `csms/default` and every named key appear on first use, the system clock, a
 * secure random source); every option replaces its part.
 *
 * `request(method, path, body?)` takes a REST request as the wire carries it (the path with its
 * `{project_id}` and query string, the parsed JSON body) and answers with Huawei's response body or
 * the exact `CsmsError`; `dispatch(match, body?)` does the same for a request already routed by
 * `Routes.match`. Each operation also has a typed method named as in Huawei's SDK
 * (`createSecret`, `showSecretVersion`, ...) that does the same.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Keyring, Random, SecretStore } from '@secrets-engine/core'
import { Transaction } from '@secrets-engine/core'
import { makeDefaultCipher } from '@secrets-engine/crypto/platform'
import { MemoryKeyring, SecureRandom } from '@secrets-engine/crypto/portable'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import * as CsmsError from './CsmsError.js'
import * as Engine from './Engine.js'
import type { EventRecord } from './EventRecord.js'
import * as Keys from './Keys.js'
import * as Notifications from './Notifications.js'
import * as Rotation from './Rotation.js'
import * as Routes from './Routes.js'
import type { SecretRecord } from './SecretRecord.js'
import type { TypedMethods } from './Operations.js'
import { typedMethods } from './Operations.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface CsmsOptions {
  /**
   * Where secrets are kept; a new `MemoryStore` with `index: storeIndex` by default. Any store works;
   * one without that index is read whole when the quota is reached.
   */
  readonly store?: SecretStore.SecretStore<SecretRecord>
  /** Where events are kept; a new `MemoryStore` by default. */
  readonly events?: SecretStore.SecretStore<EventRecord>
  /** Where sent event notifications are recorded; a new `MemoryStore` by default. */
  readonly notifications?: SecretStore.SecretStore<Notifications.NotificationRecord>
  /** The master keys; a new in-memory keyring by default. */
  readonly keyring?: Keyring.Keyring
  /** Which keyring key seals each `kms_key_id`; an in-memory directory over `keyring` by default. */
  readonly keys?: Keys.KeyDirectory
  /**
   * Builds the envelope cipher over the keyring. By default `NodeAesGcm.make` on Node and
   * `NobleAesGcm.make` on every other runtime (the `@secrets-engine/crypto/platform` export picks).
   */
  readonly crypto?: (dependencies: {
    readonly keyring: Keyring.Keyring
    readonly random: Random.Random
  }) => EnvelopeCipher.EnvelopeCipher
  /** The clock, read once per request; the system clock by default. */
  readonly now?: () => Date
  /** Random bytes for ids, passwords and envelopes; a secure source by default. */
  readonly random?: Random.Random
  /** The project id of every path; `defaults.projectId` by default. */
  readonly projectId?: string
  /** How many secrets the project may hold; 500 by default, Huawei's documented quota. */
  readonly maxSecrets?: number
  /** How many times a write starts again after a concurrent commit; 32 by default. */
  readonly maxAttempts?: number
}

/**
 * A response body: the JSON object Huawei answers with (`{}` for 204 and for DeleteSecret).
 *
 * @category model
 * @since 0.1.0
 */
export type ResponseBody = Readonly<Record<string, unknown>>

/**
 * @category model
 * @since 0.1.0
 */
export interface Csms extends TypedMethods {
  /** Runs one REST request: `request('GET', '/v1/<project>/secrets?limit=10')`. */
  readonly request: (method: string, path: string, body?: unknown) => TE.TaskEither<CsmsError.CsmsError, ResponseBody>
  /**
   * Runs a request that `Routes.match` has already routed (with this engine's project id), for a
   * caller that needed the route first, as the HTTP server does: `request` is `match`, then this.
   */
  readonly dispatch: (match: Routes.Match, body?: unknown) => TE.TaskEither<CsmsError.CsmsError, ResponseBody>
  /** The parts the engine runs on, for tests and tools (snapshots, key management). */
  readonly store: SecretStore.SecretStore<SecretRecord>
  readonly events: SecretStore.SecretStore<EventRecord>
  readonly notifications: SecretStore.SecretStore<Notifications.NotificationRecord>
  readonly keyring: Keyring.Keyring
  readonly config: Engine.Config
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const defaults = {
  projectId: '2b31ed520b8a4a6cbebedb6e57c1a7e5',
  maxSecrets: 500,
  maxAttempts: 32,
} as const

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const createCsms = (options: CsmsOptions = {}): Csms => {
  const random = options.random ?? SecureRandom.secure
  const store = options.store ?? MemoryStore.make<SecretRecord>({ index: Engine.storeIndex })
  const events = options.events ?? MemoryStore.make<EventRecord>()
  const notifications = options.notifications ?? MemoryStore.make<Notifications.NotificationRecord>()
  const keyring = options.keyring ?? MemoryKeyring.make({ random })
  const keys = options.keys ?? Keys.make(keyring, random)
  const cipher = (options.crypto ?? makeDefaultCipher)({ keyring, random })
  // Without a clock option, Date.now: no Date object per request.
  const { now } = options
  const clock = now === undefined ? Date.now : () => now().getTime()
  const config: Engine.Config = {
    projectId: options.projectId ?? defaults.projectId,
    maxSecrets: options.maxSecrets ?? defaults.maxSecrets,
    maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
  }

  const creating = Transaction.serial()
  const subscribing = Transaction.serial()

  const dispatch = (
    { route, params, query }: Routes.Match,
    body?: unknown,
  ): TE.TaskEither<CsmsError.CsmsError, ResponseBody> => {
    // A defect (a thrown exception) must not escape as a rejected promise: it is a 500.
    return async () => {
      const env: Engine.Env = {
        store,
        events,
        cipher,
        keys,
        random,
        now: clock(),
        config,
        notifications,
        rotate: Rotation.rotate,
        notify: Notifications.notify,
        creating,
        subscribing,
      }
      try {
        return (await route.handler(env, { params, query, body })()) as E.Either<CsmsError.CsmsError, ResponseBody>
      } catch {
        return E.left(CsmsError.internalError())
      }
    }
  }

  const request = (method: string, path: string, body?: unknown): TE.TaskEither<CsmsError.CsmsError, ResponseBody> => {
    const matched = Routes.match(method, path, config.projectId)
    return E.isLeft(matched) ? TE.left(matched.left) : dispatch(matched.right, body)
  }

  return {
    ...typedMethods(config.projectId, request),
    request,
    dispatch,
    store,
    events,
    notifications,
    keyring,
    config,
  }
}
