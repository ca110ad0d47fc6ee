/**
 * The in-memory keyring and what the envelope cipher does with it: key ids, the default key, states,
 * asymmetric and unknown keys, rotation and rewrap.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { CryptoError, KeyMetadata, Random } from '@secrets-engine/core'
import { EnvelopeFormat, MemoryKeyring, NodeAesGcm, NobleAesGcm } from '@secrets-engine/crypto'
import { run } from './support/crypto.js'

const setup = () => {
  const keyring = MemoryKeyring.make({ random: Random.seeded(7), instanceId: 'kst-test' })
  const cipher = NodeAesGcm.make({ keyring, random: Random.seeded(8) })
  return { keyring, cipher }
}
const ctx = { secretName: 'db/password', versionId: 'v1' }
const value = new TextEncoder().encode('s3cret')

describe('MemoryKeyring', () => {
  it('creates Enabled Aliyun_AES_256 keys with Alibaba-shaped ids', async () => {
    const { keyring } = setup()
    const key = await run(keyring.createKey({ description: 'app' }))
    expect(key.keyId).toMatch(/^key-[a-z0-9]{24}$/)
    expect(key).toStrictEqual({
      keyId: key.keyId,
      spec: 'Aliyun_AES_256',
      state: 'Enabled',
      instanceId: 'kst-test',
      description: 'app',
      currentMaterialVersion: 1,
    } satisfies KeyMetadata.KeyMetadata)
    expect(await keyring.describeKey(key.keyId)()).toStrictEqual(E.right(key))
  })

  it('creates the default key on first use, once', async () => {
    const { keyring } = setup()
    expect(await run(keyring.listKeys())).toStrictEqual([])
    const first = await run(keyring.defaultKey())
    expect(await keyring.defaultKey()()).toStrictEqual(E.right(first))
    expect((await run(keyring.listKeys())).length).toBe(1)
  })

  it('seals with the default key when no key is named', async () => {
    const { keyring, cipher } = setup()
    const envelope = await run(cipher.seal({ plaintext: value, context: ctx }))
    const defaultKey = await run(keyring.defaultKey())
    expect(EnvelopeFormat.readHeader(envelope)).toStrictEqual(
      E.right({ format: 1, keyId: defaultKey.keyId, materialVersion: 1 }),
    )
  })

  it('answers KeyNotFound for an unknown key', async () => {
    const { keyring, cipher } = setup()
    expect(await keyring.describeKey('key-nope')()).toStrictEqual(E.left(CryptoError.keyNotFound('key-nope')))
    expect(await keyring.setKeyState('key-nope', 'Disabled')()).toStrictEqual(
      E.left(CryptoError.keyNotFound('key-nope')),
    )
    expect(await keyring.rotateKey('key-nope')()).toStrictEqual(E.left(CryptoError.keyNotFound('key-nope')))
    expect(await cipher.seal({ keyId: 'key-nope', plaintext: value, context: ctx })()).toStrictEqual(
      E.left(CryptoError.keyNotFound('key-nope')),
    )
  })

  const asymmetricSpecs = KeyMetadata.keySpecs.filter((spec) => !KeyMetadata.isSymmetric(spec))

  it('has asymmetric specs to refuse', () => {
    expect(asymmetricSpecs.length).toBeGreaterThan(0)
  })

  it.each(asymmetricSpecs)('refuses to seal or rotate with an asymmetric %s key', async (spec) => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({ spec }))
    expect(key.spec).toBe(spec)
    const refused = E.left(CryptoError.keyNotUsable(key.keyId, 'AsymmetricKey'))
    expect(await cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx })()).toStrictEqual(refused)
    expect(await keyring.rotateKey(key.keyId)()).toStrictEqual(refused)
  })

  it.each([
    ['Disabled', 'KeyDisabled'],
    ['PendingDeletion', 'KeyPendingDeletion'],
  ] as const)('a %s key neither seals nor opens nor rotates, until enabled again', async (state, reason) => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({}))
    const envelope = await run(cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx }))
    expect(await keyring.setKeyState(key.keyId, state)()).toStrictEqual(E.right({ ...key, state }))
    const refused = E.left(CryptoError.keyNotUsable(key.keyId, reason))
    expect(await cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx })()).toStrictEqual(refused)
    expect(await cipher.open(envelope, ctx)()).toStrictEqual(refused)
    expect(await cipher.rewrap(envelope, ctx)()).toStrictEqual(refused)
    expect(await keyring.rotateKey(key.keyId)()).toStrictEqual(refused)
    await run(keyring.setKeyState(key.keyId, 'Enabled'))
    expect(await cipher.open(envelope, ctx)()).toStrictEqual(E.right(value))
  })

  it('hands out frozen metadata: a caller cannot re-enable or re-version a key by writing to it', async () => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({}))
    const envelope = await run(cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx }))
    const handedOut = [
      key,
      await run(keyring.setKeyState(key.keyId, 'PendingDeletion')),
      await run(keyring.describeKey(key.keyId)),
      ...(await run(keyring.listKeys())),
    ]
    for (const metadata of handedOut) expect(Object.isFrozen(metadata)).toBe(true)
    const writable = handedOut[2] as { state: string; currentMaterialVersion: number }
    expect(() => {
      writable.state = 'Enabled'
    }).toThrow(TypeError)
    expect(await cipher.open(envelope, ctx)()).toStrictEqual(
      E.left(CryptoError.keyNotUsable(key.keyId, 'KeyPendingDeletion')),
    )
    await run(keyring.setKeyState(key.keyId, 'Enabled'))
    expect(Object.isFrozen(await run(keyring.rotateKey(key.keyId)))).toBe(true)
  })

  it('a disabled default key refuses sealing without a key id', async () => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.defaultKey())
    await run(keyring.setKeyState(key.keyId, 'Disabled'))
    expect(await cipher.seal({ plaintext: value, context: ctx })()).toStrictEqual(
      E.left(CryptoError.keyNotUsable(key.keyId, 'KeyDisabled')),
    )
  })

  it('rotation adds material: new seals use it, old envelopes still open', async () => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({}))
    const before = await run(cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx }))
    expect(await keyring.rotateKey(key.keyId)()).toStrictEqual(E.right({ ...key, currentMaterialVersion: 2 }))
    const after = await run(cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx }))
    expect(
      E.map((h: EnvelopeFormat.EnvelopeHeader) => h.materialVersion)(EnvelopeFormat.readHeader(before)),
    ).toStrictEqual(E.right(1))
    expect(
      E.map((h: EnvelopeFormat.EnvelopeHeader) => h.materialVersion)(EnvelopeFormat.readHeader(after)),
    ).toStrictEqual(E.right(2))
    expect(await cipher.open(before, ctx)()).toStrictEqual(E.right(value))
    expect(await cipher.open(after, ctx)()).toStrictEqual(E.right(value))
  })

  it('rewrap moves an envelope to the newest material without touching the data ciphertext', async () => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({}))
    const old = await run(cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx }))
    expect(await cipher.rewrap(old, ctx)()).toStrictEqual(E.right(old))
    await run(keyring.rotateKey(key.keyId))
    await run(keyring.rotateKey(key.keyId))
    const moved = await run(cipher.rewrap(old, ctx))
    const oldParts = EnvelopeFormat.parse(old.bytes)
    const movedParts = EnvelopeFormat.parse(moved.bytes)
    expect(movedParts?.materialVersion).toBe(3)
    expect(movedParts?.keyId).toBe(key.keyId)
    // The body (data nonce, ciphertext, tag) is the same bytes; only the wrapping changed.
    expect(moved.bytes.subarray(movedParts?.bodyAt)).toStrictEqual(old.bytes.subarray(oldParts?.bodyAt))
    expect(movedParts?.wrappedKey).not.toStrictEqual(oldParts?.wrappedKey)
    expect(await cipher.open(moved, ctx)()).toStrictEqual(E.right(value))
    // The other adapter reads the rewrapped envelope too.
    expect(await NobleAesGcm.make({ keyring }).open(moved, ctx)()).toStrictEqual(E.right(value))
  })

  it('a material version the keyring does not hold fails authentication', async () => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({}))
    const envelope = await run(cipher.seal({ keyId: key.keyId, plaintext: value, context: ctx }))
    expect(await keyring.material(key.keyId, 2)()).toStrictEqual(E.left(CryptoError.keyNotFound(key.keyId)))
    const bytes = Uint8Array.from(envelope.bytes)
    bytes[3 + key.keyId.length + 3] = 2
    expect(await cipher.open({ bytes }, ctx)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
  })
})
