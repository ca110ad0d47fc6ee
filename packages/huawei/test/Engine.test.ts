import { CryptoError, Random, Redacted } from '@secrets-engine/core'
import { NodeAesGcm } from '@secrets-engine/crypto'
import { createCsms, CsmsErrors, type CsmsOptions } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { inspect } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import * as Body from '../src/Body.js'
import * as Secrets from '../src/Secrets.js'
import { blobOfDeleted, ok, refused, testCsms } from './support/csms.js'

describe('commands', () => {
  it('hold secret values redacted: printing or serialising a decoded body shows no secret', () => {
    for (const [field, secret] of [
      ['secret_string', 'hunter2'],
      ['secret_binary', 'aHVudGVyMg=='],
    ] as const) {
      const decoded = Body.decode(Secrets.createFields)({ name: 'n', [field]: secret })
      if (E.isLeft(decoded)) return expect.fail('decoded')
      const value = Body.secretValue(decoded.right)
      if (E.isLeft(value)) return expect.fail('value')
      expect(Redacted.isRedacted(value.right.data)).toBe(true)
      expect(Redacted.value(value.right.data)).toBe(secret)
      for (const shown of [
        JSON.stringify(decoded.right),
        inspect(decoded.right),
        JSON.stringify(value.right),
        inspect(value.right),
      ])
        expect(shown).not.toContain(secret)
    }
  })
})

describe('failures', () => {
  it('a store that fails answers 500 CSMS.0006 and changes nothing', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    env.store.faults.failNext('commit')
    await refused(env, env.csms.createSecretVersion('n', { secret_string: 'w' }), CsmsErrors.internalError())
    env.store.faults.failNext('get')
    await refused(env, env.csms.showSecret('n'), CsmsErrors.internalError())
    expect((await ok(env.csms.createSecretVersion('n', { secret_string: 'w' }))).version_metadata.id).toBe('v2')
  })

  it('a key that cannot be used refuses new values with CSMS.0115 and changes nothing', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v' }))
    const [key] = await ok(env.keyring.listKeys())
    await ok(env.keyring.setKeyState(key?.keyId ?? '', 'Disabled'))
    await refused(env, env.csms.createSecretVersion('n', { secret_string: 'w' }), CsmsErrors.make('CSMS.0115'))
    await refused(env, env.csms.createSecret({ name: 'm', secret_string: 'w' }), CsmsErrors.make('CSMS.0115'))
  })
})

describe('secret bytes in memory', () => {
  // A cipher over the real one that keeps every plaintext it is given or hands out, and can be told
  // to refuse sealing or to open to bytes that are not UTF-8.
  const watched = () => {
    const seen: Array<Uint8Array> = []
    const mode = { failSeal: false, garble: false }
    const crypto: CsmsOptions['crypto'] = (dependencies) => {
      const real = NodeAesGcm.make(dependencies)
      return {
        seal: (input) => {
          seen.push(input.plaintext)
          return mode.failSeal ? TE.left(CryptoError.keyNotUsable('k', 'KeyDisabled')) : real.seal(input)
        },
        open: (envelope, context) =>
          TE.map((bytes: Uint8Array) => {
            const out = mode.garble ? Uint8Array.of(0xff, 0xfe, 0xfd) : bytes
            seen.push(out)
            return out
          })(real.open(envelope, context)),
        rewrap: real.rewrap,
      }
    }
    return { seen, mode, crypto }
  }
  const wiped = (bytes: ReadonlyArray<Uint8Array>) => bytes.every((b) => b.length > 0 && b.every((x) => x === 0))

  it('wipes the plaintext it seals, also when sealing fails', async () => {
    const { seen, mode, crypto } = watched()
    const env = testCsms({ crypto })
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'first', secret_type: 'COMMON' }))
    mode.failSeal = true
    await refused(
      env,
      env.csms.createSecretVersion('n', { secret_binary: 'aHVudGVyMg==' }),
      CsmsErrors.make('CSMS.0115'),
    )
    expect(seen).toHaveLength(2)
    expect(wiped(seen)).toBe(true)
  })

  it('wipes the plaintext it opens, also when the bytes do not decode', async () => {
    const { seen, mode, crypto } = watched()
    const env = testCsms({ crypto })
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'first' }))
    seen.length = 0
    expect((await ok(env.csms.showSecretVersion('n', 'v1'))).version.secret_string).toBe('first')
    mode.garble = true
    await refused(env, env.csms.showSecretVersion('n', 'v1'), CsmsErrors.internalError())
    expect(seen).toHaveLength(2)
    expect(wiped(seen)).toBe(true)
  })
})

describe('clock', () => {
  it('reads the system clock through Date.now (no Date per request) when given no clock', async () => {
    const spy = vi.spyOn(Date, 'now').mockReturnValue(1_767_225_600_123)
    try {
      const { secret } = await ok(
        createCsms({ random: Random.seeded(1) }).createSecret({ name: 'n', secret_string: 'v' }),
      )
      expect([secret.create_time, secret.update_time]).toStrictEqual([1_767_225_600_123, 1_767_225_600_123])
    } finally {
      spy.mockRestore()
    }
  })
})

describe('concurrency', () => {
  it('concurrent versions of one secret all land, with distinct ids and the invariants kept', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'n', secret_string: 'v1' }))
    env.store.faults.setLatency(1)
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => env.csms.createSecretVersion('n', { secret_string: `c${i}` })()),
    )
    env.store.faults.clear()
    const ids = results.map((r) => (E.isRight(r) ? r.right.version_metadata.id : 'failed'))
    expect(new Set(ids).size).toBe(8)
    expect([...ids].sort()).toStrictEqual(['v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9'])
    const current = await ok(env.csms.showSecretStage('n', 'SYSCURRENT'))
    expect(current.stage.version_id).toBe('v9')
  })

  it('concurrent creations of one name: exactly one wins', async () => {
    const env = testCsms()
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => env.csms.createSecret({ name: 'n', secret_string: `v${i}` })()),
    )
    expect(results.filter(E.isRight)).toHaveLength(1)
    expect(results.filter(E.isLeft).map((r) => r.left)).toStrictEqual(Array(4).fill(CsmsErrors.make('CSMS.0109')))
  })

  it('concurrent creations and restores of other names never take the project past its quota', async () => {
    const env = testCsms({ maxSecrets: 2 })
    const secret_blob = await blobOfDeleted(env, 'kept')
    await ok(env.csms.createSecret({ name: 'first', secret_string: 'v' }))
    // One place is left; every request below reads the store with latency before it commits.
    env.store.faults.setLatency(1)
    const results = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => env.csms.createSecret({ name: `n${i}`, secret_string: 'v' })()),
      env.csms.uploadSecretBlob({ secret_blob })(),
    ])
    env.store.faults.clear()
    expect(results.filter(E.isRight)).toHaveLength(1)
    expect(results.filter(E.isLeft).map((r) => r.left)).toStrictEqual(Array(4).fill(CsmsErrors.make('CSMS.0202')))
    expect((await ok(env.csms.listSecrets({}))).secrets).toHaveLength(2)
  })
})
