/**
 * An in-memory keyring of master keys: the default implementation of the core's `Keyring` port, for
 * embedding and for tests. Symmetric keys (`Aliyun_AES_256`) hold 256-bit material drawn from the
 * random source; asymmetric specs hold none and exist only so that using one is refused. Rotation
 * adds material and keeps the old, so envelopes sealed before it still open.
 *
 * Key bytes live only in this module's closures: the keyring and the values it returns have no field
 * that holds them, so `JSON.stringify`, `String` and `util.inspect` show no secret.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { CryptoError, KeyMetadata, Random } from '@secrets-engine/core'
import type { Keyring } from '@secrets-engine/core'
import { secure } from './SecureRandom.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The port, plus the administration a KMS console offers: state changes and rotation.
 *
 * @category model
 * @since 0.1.0
 */
export interface MemoryKeyring extends Keyring.Keyring {
  /** Enable, disable or schedule the deletion of a key. Nothing is ever deleted from memory. */
  readonly setKeyState: (
    keyId: string,
    state: KeyMetadata.KeyState,
  ) => TE.TaskEither<CryptoError.CryptoError, KeyMetadata.KeyMetadata>
  /** Adds a new version of the key's material, which seals from now on. Only usable keys rotate. */
  readonly rotateKey: (keyId: string) => TE.TaskEither<CryptoError.CryptoError, KeyMetadata.KeyMetadata>
  readonly listKeys: () => TE.TaskEither<never, ReadonlyArray<KeyMetadata.KeyMetadata>>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface Options {
  /** Draws key ids and key material; the platform's secure generator when absent. */
  readonly random?: Random.Random
  /** The instance id reported for keys created without one. */
  readonly instanceId?: string
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * Key ids are `key-` and this many lowercase alphanumerics, like Alibaba's.
 *
 * @category constants
 * @since 0.1.0
 */
export const keyIdLength = 24

const keyIdAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
const materialLength = 32

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

interface Entry {
  metadata: KeyMetadata.KeyMetadata
  readonly materials: Array<Keyring.KeyMaterial>
}

/**
 * An empty keyring; the default key appears on first use.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (options: Options = {}): MemoryKeyring => {
  const random = options.random ?? secure
  const keys = new Map<string, Entry>()
  let defaultKeyId: string | undefined

  // The task runs its body when it is run, not when it is built, so it sees the keyring as it is then.
  const task =
    <A>(f: () => E.Either<CryptoError.CryptoError, A>): TE.TaskEither<CryptoError.CryptoError, A> =>
    () =>
      Promise.resolve(f())

  const freshKeyId = (): string => {
    for (;;) {
      let id = 'key-'
      for (let i = 0; i < keyIdLength; i++) id += keyIdAlphabet.charAt(Random.integerBelow(36)(random))
      if (!keys.has(id)) return id
    }
  }

  // The bytes are captured by `use` and by nothing else.
  const material = (keyId: string, version: number, bytes: Uint8Array): Keyring.KeyMaterial => ({
    keyId,
    version,
    use: (f) => f(bytes),
  })

  const create = (input: Keyring.CreateKeyInput): KeyMetadata.KeyMetadata => {
    const keyId = freshKeyId()
    const spec = input.spec ?? 'Aliyun_AES_256'
    const instanceId = input.instanceId ?? options.instanceId
    // Frozen, as every metadata the keyring hands out: a caller holding one must not be able to
    // change the key's state or material version by writing to it.
    const metadata: KeyMetadata.KeyMetadata = Object.freeze({
      keyId,
      spec,
      state: 'Enabled',
      ...(instanceId !== undefined ? { instanceId } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      currentMaterialVersion: 1,
    })
    const materials = KeyMetadata.isSymmetric(spec) ? [material(keyId, 1, random.bytes(materialLength))] : []
    keys.set(keyId, { metadata, materials })
    return metadata
  }

  const find = (keyId: string): E.Either<CryptoError.CryptoError, Entry> => {
    const entry = keys.get(keyId)
    return entry === undefined ? E.left(CryptoError.keyNotFound(keyId)) : E.right(entry)
  }

  // Plain branches rather than E.flatMap: this runs on every seal and open, and fp-ts's data-first
  // combinators copy their arguments on each call.
  const usable = (keyId: string): E.Either<CryptoError.CryptoError, Entry> => {
    const found = find(keyId)
    if (E.isLeft(found)) return found
    const checked = KeyMetadata.checkUsable(found.right.metadata)
    return E.isLeft(checked) ? checked : found
  }

  const defaultKey = (): KeyMetadata.KeyMetadata => {
    const entry = defaultKeyId === undefined ? undefined : keys.get(defaultKeyId)
    if (entry !== undefined) return entry.metadata
    const metadata = create({ description: 'default key' })
    defaultKeyId = metadata.keyId
    return metadata
  }

  const materialOf = (entry: Entry, version: number): E.Either<CryptoError.CryptoError, Keyring.KeyMaterial> => {
    const found = entry.materials[version - 1]
    return found === undefined ? E.left(CryptoError.keyNotFound(entry.metadata.keyId)) : E.right(found)
  }

  const summary = (): string => `MemoryKeyring(${keys.size} keys)`

  return {
    describeKey: (keyId) =>
      task(() =>
        pipe(
          find(keyId),
          E.map((entry) => entry.metadata),
        ),
      ),
    createKey: (input) => task(() => E.right(create(input))),
    defaultKey: () => task(() => E.right(defaultKey())),
    currentMaterial: (keyId) =>
      task(() => {
        const found = usable(keyId ?? defaultKey().keyId)
        return E.isLeft(found) ? found : materialOf(found.right, found.right.metadata.currentMaterialVersion)
      }),
    material: (keyId, version) =>
      task(() => {
        const found = usable(keyId)
        return E.isLeft(found) ? found : materialOf(found.right, version)
      }),
    setKeyState: (keyId, state) =>
      task(() =>
        pipe(
          find(keyId),
          E.map((entry) => {
            entry.metadata = Object.freeze({ ...entry.metadata, state })
            return entry.metadata
          }),
        ),
      ),
    rotateKey: (keyId) =>
      task(() =>
        pipe(
          usable(keyId),
          E.map((entry) => {
            const version = entry.metadata.currentMaterialVersion + 1
            entry.materials.push(material(keyId, version, random.bytes(materialLength)))
            entry.metadata = Object.freeze({ ...entry.metadata, currentMaterialVersion: version })
            return entry.metadata
          }),
        ),
      ),
    listKeys: () => () => Promise.resolve(E.right(Array.from(keys.values(), (entry) => entry.metadata))),
    toString: summary,
    toJSON: summary,
    [Symbol.for('nodejs.util.inspect.custom')]: summary,
  } as MemoryKeyring
}
