/**
 * The secure source fills requests above Web Crypto's 65,536-byte quota in chunks.
 */
import { describe, expect, it } from 'vitest'
import { SecureRandom } from '@secrets-engine/crypto'

describe('SecureRandom', () => {
  it('gives the asked length up to the quota and beyond it', () => {
    for (const length of [0, 1, 32, 65_536, 65_537, 150_000])
      expect(SecureRandom.secure.bytes(length).length).toBe(length)
  })

  it('fills every chunk of a request above 65,536 bytes', () => {
    const bytes = SecureRandom.secure.bytes(150_000)
    expect(bytes.length).toBe(150_000)
    expect(bytes.some((byte) => byte !== 0)).toBe(true)
    // Each 65,536-byte chunk, the short last one included, comes from its own call: none is left zero.
    for (let at = 0; at < bytes.length; at += 65_536) {
      expect(bytes.subarray(at, at + 65_536).some((byte) => byte !== 0)).toBe(true)
    }
  })
})
