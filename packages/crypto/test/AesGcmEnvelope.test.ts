/**
 * The envelope cipher, run once per adapter: seal and open are inverse, any change to an envelope or its
 * context is refused with AuthenticationFailed, seals never repeat, data keys are zeroed, and nothing
 * secret shows in what the cipher and keyring return.
 */
import { inspect } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CryptoError, Envelope, Random } from '@secrets-engine/core'
import type { EnvelopeCipher } from '@secrets-engine/core'
import { AesGcmEnvelope, EnvelopeFormat, MemoryKeyring, NobleAesGcm, NodeAesGcm } from '@secrets-engine/crypto'
import type { AesGcm } from '@secrets-engine/crypto'
import { plaintext, run, text } from './support/crypto.js'

const adapters = [
  ['NobleAesGcm', NobleAesGcm.aesGcm],
  ['NodeAesGcm', NodeAesGcm.aesGcm],
] as const

const context = (): fc.Arbitrary<EnvelopeCipher.EnvelopeContext> =>
  fc.record({ secretName: text(100), versionId: text(100) })

describe.each(adapters)('%s', (_name, aead) => {
  const setup = (seed = 1) => {
    const keyring = MemoryKeyring.make({ random: Random.seeded(seed) })
    const cipher = AesGcmEnvelope.make(aead)({ keyring, random: Random.seeded(seed + 1) })
    return { keyring, cipher }
  }

  it('opens what it sealed, for any bytes up to 64 KiB and any name and version id', async () => {
    const { cipher } = setup()
    await fc.assert(
      fc.asyncProperty(plaintext(), context(), async (bytes, ctx) => {
        const envelope = await run(cipher.seal({ plaintext: bytes, context: ctx }))
        expect(envelope.bytes.length).toBe(bytes.length + 123)
        expect(await cipher.open(envelope, ctx)()).toStrictEqual(E.right(bytes))
      }),
      { numRuns: 60 },
    )
  })

  it('refuses an envelope with any bit flipped, with AuthenticationFailed and never a plaintext', async () => {
    const { cipher } = setup()
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), context(), fc.nat(), async (bytes, ctx, at) => {
        const envelope = await run(cipher.seal({ plaintext: bytes, context: ctx }))
        const altered = Uint8Array.from(envelope.bytes)
        const bit = at % (altered.length * 8)
        altered[bit >> 3] = (altered[bit >> 3] ?? 0) ^ (1 << (bit & 7))
        expect(await cipher.open({ bytes: altered }, ctx)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
      }),
      { numRuns: 300 },
    )
  })

  it('refuses to rewrap an envelope with any bit flipped, before and after its key rotated', async () => {
    const { keyring, cipher } = setup()
    const key = await run(keyring.createKey({}))
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), context(), fc.nat(), async (bytes, ctx, at) => {
        const envelope = await run(cipher.seal({ keyId: key.keyId, plaintext: bytes, context: ctx }))
        const altered = Uint8Array.from(envelope.bytes)
        const bit = at % (altered.length * 8)
        altered[bit >> 3] = (altered[bit >> 3] ?? 0) ^ (1 << (bit & 7))
        expect(await cipher.rewrap({ bytes: altered }, ctx)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
        await run(keyring.rotateKey(key.keyId))
        expect(await cipher.rewrap({ bytes: altered }, ctx)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
      }),
      { numRuns: 100 },
    )
  })

  it('refuses every single-bit change of one envelope', async () => {
    const { cipher } = setup()
    const ctx = { secretName: 'db/password', versionId: 'v1' }
    const envelope = await run(cipher.seal({ plaintext: Uint8Array.of(1, 2, 3), context: ctx }))
    for (let bit = 0; bit < envelope.bytes.length * 8; bit++) {
      const altered = Uint8Array.from(envelope.bytes)
      altered[bit >> 3] = (altered[bit >> 3] ?? 0) ^ (1 << (bit & 7))
      expect(await cipher.open({ bytes: altered }, ctx)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
    }
  })

  it('refuses an envelope presented under another name or version id', async () => {
    const { cipher } = setup()
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), context(), context(), async (bytes, ctx, other) => {
        fc.pre(ctx.secretName !== other.secretName || ctx.versionId !== other.versionId)
        const envelope = await run(cipher.seal({ plaintext: bytes, context: ctx }))
        expect(await cipher.open(envelope, other)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
        expect(await cipher.rewrap(envelope, other)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
      }),
    )
  })

  it('refuses a name and version id that only concatenate alike', async () => {
    const { cipher } = setup()
    const envelope = await run(
      cipher.seal({ plaintext: Uint8Array.of(7), context: { secretName: 'ab', versionId: 'c' } }),
    )
    expect(await cipher.open(envelope, { secretName: 'a', versionId: 'bc' })()).toStrictEqual(
      E.left(CryptoError.authenticationFailed),
    )
  })

  it('never seals the same plaintext twice alike', async () => {
    const { cipher } = setup()
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), context(), async (bytes, ctx) => {
        const first = await run(cipher.seal({ plaintext: bytes, context: ctx }))
        const second = await run(cipher.seal({ plaintext: bytes, context: ctx }))
        expect(Envelope.Eq.equals(first, second)).toBe(false)
      }),
    )
  })

  it('calls bytes that cannot be an envelope malformed', async () => {
    const { cipher } = setup()
    const ctx = { secretName: 'n', versionId: 'v' }
    for (const length of [0, 1, EnvelopeFormat.minLength - 1]) {
      expect(await cipher.open({ bytes: new Uint8Array(length) }, ctx)()).toStrictEqual(
        E.left(CryptoError.malformedEnvelope(`shorter than ${EnvelopeFormat.minLength} bytes`)),
      )
    }
    expect(await cipher.open({ bytes: new Uint8Array(EnvelopeFormat.minLength) }, ctx)()).toStrictEqual(
      E.left(CryptoError.authenticationFailed),
    )
  })

  it('refuses an envelope sealed under another keyring', async () => {
    const ctx = { secretName: 'n', versionId: 'v' }
    const envelope = await run(setup(1).cipher.seal({ plaintext: Uint8Array.of(1), context: ctx }))
    expect(await setup(10).cipher.open(envelope, ctx)()).toStrictEqual(E.left(CryptoError.authenticationFailed))
  })

  it('zeroes the data key after seal and after open', async () => {
    const drawn: Array<Uint8Array> = []
    const random = Random.seeded(3)
    const spy: Random.Random = {
      bytes: (n) => {
        const b = random.bytes(n)
        drawn.push(b)
        return b
      },
    }
    const opened: Array<Uint8Array> = []
    const recording: AesGcm.AesGcm = {
      ...aead,
      decrypt: (key, nonce, aad, sealed) => {
        const out = aead.decrypt(key, nonce, aad, sealed)
        // The second decryption of open is the data's: its key is the unwrapped data key.
        opened.push(key)
        return out
      },
    }
    const keyring = MemoryKeyring.make({ random: Random.seeded(4) })
    const cipher = AesGcmEnvelope.make(recording)({ keyring, random: spy })
    const ctx = { secretName: 'n', versionId: 'v' }
    const envelope = await run(cipher.seal({ plaintext: Uint8Array.of(1, 2, 3), context: ctx }))
    expect(drawn.map((b) => b.length)).toStrictEqual([56])
    expect(drawn[0]).toStrictEqual(new Uint8Array(56))
    expect(await cipher.open(envelope, ctx)()).toStrictEqual(E.right(Uint8Array.of(1, 2, 3)))
    expect(opened.length).toBe(2)
    expect(opened[1]).toStrictEqual(new Uint8Array(32))
  })

  it('shows no key bytes and no plaintext in errors, strings, JSON or inspection', async () => {
    const { keyring, cipher } = setup()
    const secret = 'correct horse battery staple'
    const ctx = { secretName: 'db', versionId: 'v1' }
    const envelope = await run(cipher.seal({ plaintext: new TextEncoder().encode(secret), context: ctx }))
    const metadata = await run(keyring.defaultKey())
    const material = await run(keyring.currentMaterial(undefined))
    const keyBytes = material.use((key) => Buffer.from(key))
    const disabled = await run(keyring.createKey({}))
    await run(keyring.setKeyState(disabled.keyId, 'Disabled'))
    const errors = [
      await cipher.open(envelope, { ...ctx, versionId: 'v2' })(),
      await cipher.seal({ keyId: disabled.keyId, plaintext: Uint8Array.of(1), context: ctx })(),
      await cipher.seal({ keyId: 'key-unknown', plaintext: Uint8Array.of(1), context: ctx })(),
    ]
    const shown = [keyring, metadata, material, envelope, cipher, ...errors].flatMap((value) => [
      String(value),
      JSON.stringify(value) ?? '',
      inspect(value, { depth: Infinity, showHidden: true }),
    ])
    const forbidden = [
      secret,
      keyBytes.toString('hex'),
      keyBytes.toString('base64'),
      keyBytes.toString('base64').slice(0, 20),
      [...keyBytes.subarray(0, 8)].join(', '),
    ]
    for (const text of shown) for (const needle of forbidden) expect(text).not.toContain(needle)
    expect(String(keyring)).toBe('MemoryKeyring(2 keys)')
    expect(JSON.stringify(keyring)).toBe('"MemoryKeyring(2 keys)"')
  })
})
