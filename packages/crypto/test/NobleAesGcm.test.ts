/**
 * The portable entry point and everything it imports must stay free of `node:*`, so that bundles for
 * browsers and edge runtimes can use NobleAesGcm.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const source = (file: string): string => readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8')
const importsOf = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1] ?? '')

it('the portable entry point reaches no node:* module', () => {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of importsOf(source(file))) {
      expect(specifier.startsWith('node:'), `${file} imports ${specifier}`).toBe(false)
      if (specifier.startsWith('./')) visit(specifier.slice(2).replace(/\.js$/, '.ts'))
    }
  }
  visit('portable.ts')
  expect(seen.has('NobleAesGcm.ts')).toBe(true)
  expect(seen.has('MemoryKeyring.ts')).toBe(true)
  expect(seen.has('NodeAesGcm.ts')).toBe(false)
})
