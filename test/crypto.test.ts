/**
 * The two adapters write one envelope format: whatever one seals, the other opens, with the same
 * keyring; and each refuses the other's envelopes under another context.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CryptoError, Envelope, Random } from '@secrets-engine/core'
import { MemoryKeyring, NobleAesGcm, NodeAesGcm } from '@secrets-engine/crypto'
import { plaintext, text } from '../packages/crypto/test/support/crypto.js'
import { runs } from './support/runs.js'

const keyring = MemoryKeyring.make({ random: Random.seeded(11) })
const noble = NobleAesGcm.make({ keyring, random: Random.seeded(12) })
const node = NodeAesGcm.make({ keyring, random: Random.seeded(13) })

describe.each([
  ['NobleAesGcm', 'NodeAesGcm', noble, node],
  ['NodeAesGcm', 'NobleAesGcm', node, noble],
] as const)('sealed by %s, opened by %s', (_sealer, _opener, sealer, opener) => {
  it('opens to the plaintext, and only under the same name and version id', async () => {
    await fc.assert(
      fc.asyncProperty(plaintext(), text(64), text(64), text(64), async (bytes, secretName, versionId, other) => {
        const context = { secretName, versionId }
        const sealed = await sealer.seal({ plaintext: bytes, context })()
        if (E.isLeft(sealed)) throw new Error(CryptoError.show(sealed.left))
        // Through the stored form, as a snapshot would keep it.
        const stored = Envelope.fromBase64(Envelope.toBase64(sealed.right))
        expect(stored).toStrictEqual(E.right(sealed.right))
        if (E.isLeft(stored)) return
        expect(await opener.open(stored.right, context)()).toStrictEqual(E.right(bytes))
        if (other !== versionId)
          expect(await opener.open(stored.right, { secretName, versionId: other })()).toStrictEqual(
            E.left(CryptoError.authenticationFailed),
          )
      }),
      { numRuns: runs(50) },
    )
  })
})
