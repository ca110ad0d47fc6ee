/**
 * What the crypto tests share, here and in the root `test/`: the value of a task that must succeed,
 * and arbitraries of plaintexts and of the strings that name secrets and versions.
 */
import { CryptoError, Random } from '@secrets-engine/core'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'

/** Runs a task and returns its value; a Left fails the test with the error shown. */
export const run = async <A>(task: () => Promise<E.Either<CryptoError.CryptoError, A>>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) throw new Error(CryptoError.show(result.left))
  return result.right
}

/** Any bytes up to 64 KiB: small ones drawn byte by byte, large ones filled from a seeded source. */
export const plaintext = (): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ length: fc.integer({ min: 0, max: 65536 }), seed: fc.integer() })
        .map(({ length, seed }) => Random.seeded(seed).bytes(length)),
    },
  )

/** Any strings of up to `maxLength` UTF-16 units, lone surrogates included. */
export const text = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: 'binary', maxLength })
