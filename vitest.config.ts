import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packages = ['core', 'crypto', 'store-memory', 'alibaba', 'huawei', 'server', 'testkit']

// Tests run against the TypeScript sources, so `vitest` needs no build first.
const source = (path: string): string => fileURLToPath(new URL(`./packages/${path}`, import.meta.url))
const alias = [
  // Subpath exports first: the package-name patterns below match only the bare names.
  { find: /^@secrets-engine\/crypto\/portable$/, replacement: source('crypto/src/portable.ts') },
  { find: /^@secrets-engine\/crypto\/platform$/, replacement: source('crypto/src/platform/node.ts') },
  { find: /^@secrets-engine\/testkit\/vitest$/, replacement: source('testkit/src/vitest.ts') },
  ...packages.map((name) => ({
    find: new RegExp(`^@secrets-engine/${name}$`),
    replacement: source(`${name}/src/index.ts`),
  })),
]

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
  },
})
