// The domain core stays pure: the lint rule that guards it must flag each forbidden kind of code.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

const messagesFor = async (code: string): Promise<ReadonlyArray<string>> => {
  const [result] = await eslint.lintText(code, { filePath: 'packages/core/src/Probe.ts' })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('the core purity lint rule', () => {
  it.each([
    ["import { randomBytes } from 'node:crypto'\nexport const r = randomBytes", 'no-restricted-imports'],
    ["import { gcm } from '@noble/ciphers/aes.js'\nexport const g = gcm", 'no-restricted-imports'],
    ["import { readFileSync } from 'fs'\nexport const f = readFileSync", 'no-restricted-imports'],
    ['export const now = (): number => Date.now()', 'no-restricted-syntax'],
    ['export const now = (): Date => new Date()', 'no-restricted-syntax'],
    ['export const roll = (): number => Math.random()', 'no-restricted-syntax'],
    ["export const fail = (): never => {\n  throw new Error('no')\n}", 'no-restricted-syntax'],
    ['export class Secret {}', 'no-restricted-syntax'],
    ['export const env = (): unknown => process.env', 'no-restricted-globals'],
  ])('flags %s', async (code, rule) => {
    expect(await messagesFor(`${code}\n`)).toContain(rule)
  })

  it('accepts pure code', async () => {
    expect(await messagesFor('export const later = (t: number): Date => new Date(t + 1000)\n')).toStrictEqual([])
  })
})
