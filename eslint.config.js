// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // The domain core is pure: no platform, no crypto library, no clock, no randomness, no exceptions.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'core is platform-free: put platform code in an adapter package.' },
            { group: ['@noble/*'], message: 'core does no cryptography: use the EnvelopeCipher port.' },
            { group: ['@secrets-engine/*'], message: 'core depends on no other package of the workspace.' },
          ],
          paths: ['crypto', 'fs', 'os', 'path', 'util', 'buffer', 'process'].map((name) => ({
            name,
            message: 'core is platform-free: put platform code in an adapter package.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'crypto', message: 'randomness is a parameter (the Random port).' },
        { name: 'process', message: 'core reads no environment.' },
        { name: 'setTimeout', message: 'core has no timers: time is a parameter.' },
        { name: 'setInterval', message: 'core has no timers: time is a parameter.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ThrowStatement', message: 'core never throws: return an Either.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time is a parameter.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'time is a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'randomness is a parameter.',
        },
        { selector: 'ClassDeclaration', message: 'domain data are readonly interfaces, not classes.' },
      ],
    },
  },
  {
    // The portable entry of the crypto package runs in browsers and edge runtimes: only the Node
    // adapter and the Node platform default may load node:* modules.
    files: ['packages/crypto/src/**/*.ts'],
    ignores: [
      'packages/crypto/src/NodeAesGcm.ts',
      'packages/crypto/src/platform/node.ts',
      'packages/crypto/src/index.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'this module is portable: Node code goes in NodeAesGcm.ts.' }] },
      ],
    },
  },
)
