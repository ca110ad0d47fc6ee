/**
 * `createSecretsManager`: the Alibaba Cloud KMS Secrets Manager API in memory. With no options it
 * runs on embedded defaults (a `MemoryStore`, AES-256-GCM envelopes on node:crypto, an in-memory
 * keyring whose default key appears on first use, the system clock, a secure random source);
 * every option replaces its part.
 *
 * `request(action, params)` takes wire-shaped parameters, strings as the RPC API carries them, and
 * answers with the response body Alibaba gives (its exact field names and shapes, `RequestId`
 * included) or the exact `ApiError`. Each action also has a typed method (`createSecret`,
 * `getSecretValue`, ...) that does the same.
 *
 * @since 0.1.0
 */
import type { EnvelopeCipher, Keyring, SecretStore } from '@secrets-engine/core'
import type { Random } from '@secrets-engine/core'
import { makeDefaultCipher } from '@secrets-engine/crypto/platform'
import { MemoryKeyring, SecureRandom } from '@secrets-engine/crypto/portable'
import { MemoryStore } from '@secrets-engine/store-memory'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import * as ApiError from './ApiError.js'
import * as Command from './Command.js'
import * as Engine from './Engine.js'
import * as Operations from './Operations.js'
import * as Rotation from './Rotation.js'
import type { SecretRecord } from './SecretRecord.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface SecretsManagerOptions {
  /**
   * Where secrets are kept; a new `MemoryStore` by default, with the engine's index. A store built
   * with `index: storeIndex` lists a page in O(page); any other store is read whole by ListSecrets.
   */
  readonly store?: SecretStore.SecretStore<SecretRecord>
  /** The master keys; a new in-memory keyring by default. */
  readonly keyring?: Keyring.Keyring
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
  /** Random bytes for request ids, passwords and envelopes; a secure source by default. */
  readonly random?: Random.Random
  /** `cn-hangzhou` by default. */
  readonly region?: string
  /** A fixed 16-digit test account by default. */
  readonly accountId?: string
  /** How many secrets the account may hold; 100,000 by default. */
  readonly maxSecrets?: number
  /** The dedicated KMS instances that exist, by id; none by default. */
  readonly dkmsInstances?: ReadonlyArray<string>
  /** How many times a write starts again after a concurrent commit; 32 by default. */
  readonly maxAttempts?: number
}

/**
 * A response body with its request id.
 *
 * @category model
 * @since 0.1.0
 */
export type Response<B> = { readonly RequestId: string } & B

type TypedMethods = {
  readonly [A in Command.Action as Uncapitalize<A>]: (
    params: Operations.Requests[A],
  ) => TE.TaskEither<ApiError.ApiError, Response<Operations.ResponseOf<A>>>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface SecretsManager extends TypedMethods {
  /** Runs one action on wire-shaped parameters. */
  readonly request: (
    action: string,
    params: unknown,
  ) => TE.TaskEither<ApiError.ApiError, Response<Record<string, unknown>>>
  /** The parts the engine runs on, for tests and tools (snapshots, key management). */
  readonly store: SecretStore.SecretStore<SecretRecord>
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
  region: 'cn-hangzhou',
  accountId: '1234567890123456',
  maxSecrets: 100_000,
  maxAttempts: 32,
} as const

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const createSecretsManager = (options: SecretsManagerOptions = {}): SecretsManager => {
  const random = options.random ?? SecureRandom.secure
  const store = options.store ?? MemoryStore.make<SecretRecord>({ index: Engine.storeIndex })
  const keyring = options.keyring ?? MemoryKeyring.make({ random })
  const cipher = (options.crypto ?? makeDefaultCipher)({ keyring, random })
  // The system clock reads milliseconds directly: a Date per request only to call getTime() on it.
  const { now } = options
  const clock = now === undefined ? Date.now : () => now().getTime()
  const config: Engine.Config = {
    region: options.region ?? defaults.region,
    accountId: options.accountId ?? defaults.accountId,
    maxSecrets: options.maxSecrets ?? defaults.maxSecrets,
    dkmsInstances: new Set(options.dkmsInstances ?? []),
    maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
  }

  // The default secure source hands out request ids in batches (see Wire.requestIds). A caller's own
  // source gets exactly one 16-byte draw per request, as before: with a seeded source, what every
  // later draw gives (passwords, rotated version ids) stays as it was.
  const nextRequestId = options.random === undefined ? Wire.requestIds(random) : () => Wire.requestId(random)
  const creating = Engine.serial()

  // Plain async code rather than a TE pipe: this runs on every request (see Engine.ts).
  const request =
    (action: string, params: unknown): TE.TaskEither<ApiError.ApiError, Response<Record<string, unknown>>> =>
    async () => {
      try {
        const command = Command.validateRequest(action, params)
        if (E.isLeft(command)) return command
        const env: Engine.Env = {
          store,
          cipher,
          keyring,
          random,
          now: clock(),
          config,
          rotate: Rotation.rotate,
          creating,
        }
        const body = await Operations.run(command.right, env)()
        return E.isLeft(body) ? body : E.right({ RequestId: nextRequestId(), ...asRecord(body.right) })
      } catch {
        // A defect (a thrown exception) must not escape as a rejected promise: it is a 500.
        return E.left(ApiError.internalFailure())
      }
    }

  const typed = Object.fromEntries(
    Object.keys(Command.actions).map((action) => [
      action.charAt(0).toLowerCase() + action.slice(1),
      (params: unknown) => request(action, params),
    ]),
  ) as unknown as TypedMethods

  return { ...typed, request, store, keyring, config }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

// A response interface has no index signature; `request` hands every body out as a plain record.
const asRecord = (body: object): Record<string, unknown> => body as Record<string, unknown>
