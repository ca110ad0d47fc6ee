import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { CryptoError, KeyMetadata } from '@secrets-engine/core'

const key = (spec: KeyMetadata.KeySpec, state: KeyMetadata.KeyState): KeyMetadata.KeyMetadata => ({
  keyId: 'key-a',
  spec,
  state,
  currentMaterialVersion: 1,
})

describe('KeyMetadata.checkUsable', () => {
  it('lets only Enabled symmetric keys through', () => {
    expect(KeyMetadata.checkUsable(key('Aliyun_AES_256', 'Enabled'))).toStrictEqual(
      E.right(key('Aliyun_AES_256', 'Enabled')),
    )
    expect(KeyMetadata.checkUsable(key('Aliyun_AES_256', 'Disabled'))).toStrictEqual(
      E.left(CryptoError.keyNotUsable('key-a', 'KeyDisabled')),
    )
    expect(KeyMetadata.checkUsable(key('Aliyun_AES_256', 'PendingDeletion'))).toStrictEqual(
      E.left(CryptoError.keyNotUsable('key-a', 'KeyPendingDeletion')),
    )
  })

  it.each(KeyMetadata.keySpecs.filter((spec) => !KeyMetadata.isSymmetric(spec)))(
    'refuses the asymmetric spec %s in every state',
    (spec) => {
      for (const state of KeyMetadata.keyStates)
        expect(KeyMetadata.checkUsable(key(spec, state))).toStrictEqual(
          E.left(CryptoError.keyNotUsable('key-a', 'AsymmetricKey')),
        )
    },
  )
})
