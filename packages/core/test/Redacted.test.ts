/**
 * A redacted value shows `<redacted>` wherever a value turns into text, hides from reflection, and
 * gives the value back only through `Redacted.value`.
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { Redacted } from '@secrets-engine/core'

const secret = 's3cr3t-p4ssw0rd'

describe('Redacted', () => {
  it('shows <redacted> in String(), templates, JSON.stringify and util.inspect', () => {
    const redacted = Redacted.make(secret)
    expect(String(redacted)).toBe('<redacted>')
    expect(`${redacted}`).toBe('<redacted>')
    expect(JSON.stringify(redacted)).toBe('"<redacted>"')
    expect(JSON.stringify({ password: redacted })).toBe('{"password":"<redacted>"}')
    expect(inspect(redacted)).toBe('<redacted>')
    expect(inspect({ password: redacted }, { depth: 5, showHidden: true })).not.toContain(secret)
  })

  it('has no property that reflection finds', () => {
    const redacted = Redacted.make(secret)
    expect(Object.keys(redacted)).toStrictEqual([])
    expect(Object.getOwnPropertyNames(redacted)).toStrictEqual([])
    expect(Object.getOwnPropertySymbols(redacted)).toStrictEqual([])
    expect(Object.isFrozen(redacted)).toBe(true)
  })

  it('cannot be made to give its value away through its class or prototype', () => {
    const redacted = Redacted.make(secret)
    const prototype = Object.getPrototypeOf(redacted) as Record<string, unknown>
    const constructor = prototype['constructor'] as Record<string, unknown>
    expect(Object.isFrozen(prototype)).toBe(true)
    expect(Object.isFrozen(constructor)).toBe(true)
    expect(Object.getOwnPropertyNames(constructor).filter((n) => typeof constructor[n] === 'function')).toStrictEqual(
      [],
    )
    expect(() => {
      prototype['toJSON'] = () => 'leaked'
    }).toThrow(TypeError)
    expect(JSON.stringify(redacted)).toBe('"<redacted>"')
  })

  it('gives the value back through value, and map works on it', () => {
    const redacted = Redacted.make(secret)
    expect(Redacted.value(redacted)).toBe(secret)
    const object = { user: 'app' }
    expect(Redacted.value(Redacted.make(object))).toBe(object)
    expect(Redacted.value(Redacted.map((s: string) => s.length)(redacted))).toBe(secret.length)
  })

  it('tells redacted values from anything else', () => {
    expect(Redacted.isRedacted(Redacted.make(secret))).toBe(true)
    expect(Redacted.isRedacted(Redacted.make(undefined))).toBe(true)
    for (const other of [secret, undefined, null, 0, {}, [], { toString: () => '<redacted>' }]) {
      expect(Redacted.isRedacted(other)).toBe(false)
    }
  })
})
