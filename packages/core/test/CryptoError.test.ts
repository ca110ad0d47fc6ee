import { describe, expect, it } from 'vitest'
import { CryptoError } from '@secrets-engine/core'

describe('CryptoError', () => {
  it('builds each tag as plain data', () => {
    expect(CryptoError.authenticationFailed).toStrictEqual({ _tag: 'AuthenticationFailed' })
    expect(CryptoError.keyNotFound('key-a')).toStrictEqual({ _tag: 'KeyNotFound', keyId: 'key-a' })
    expect(CryptoError.keyNotUsable('key-a', 'KeyDisabled')).toStrictEqual({
      _tag: 'KeyNotUsable',
      keyId: 'key-a',
      reason: 'KeyDisabled',
    })
    expect(CryptoError.malformedEnvelope('empty')).toStrictEqual({ _tag: 'MalformedEnvelope', reason: 'empty' })
  })

  it('shows each tag on one line', () => {
    expect(
      [
        CryptoError.authenticationFailed,
        CryptoError.keyNotFound('key-a'),
        CryptoError.keyNotUsable('key-a', 'AsymmetricKey'),
        CryptoError.malformedEnvelope('empty'),
      ].map(CryptoError.show),
    ).toStrictEqual([
      'AuthenticationFailed: the envelope did not verify',
      'KeyNotFound: key-a',
      'KeyNotUsable: key-a (AsymmetricKey)',
      'MalformedEnvelope: empty',
    ])
  })
})
