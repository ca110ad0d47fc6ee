import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packages = ['core', 'crypto', 'store-memory', 'alibaba']

// Tests run against the TypeScript sources, so `vitest` needs no build first.
const alias = packages.map((name) => ({
  find: new RegExp(`^@secrets-engine/${name}$`),
  replacement: fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
}))

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
  },
})
