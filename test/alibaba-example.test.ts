import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The example runs against the built package (packages/alibaba/dist), so it is checked only when a
// build exists (`pnpm exec tsc -b`); it costs one node process.
const root = fileURLToPath(new URL('..', import.meta.url))
const built = existsSync(`${root}packages/alibaba/dist/index.js`)

describe('examples/create-secret.js', () => {
  it.skipIf(!built)('prints the decoded seed request with its value redacted, then the exact errors', () => {
    const run = spawnSync(process.execPath, ['examples/create-secret.js'], { cwd: root, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('secret name      mydbconninfo')
    expect(run.stdout).toContain('secret data      <redacted>')
    expect(run.stdout).not.toContain('AccountPassword":"****"')
    expect(run.stdout).toContain(
      'The specified parameter "RotationInterval" is not valid. It must be from 6 hours to 8760 hours.',
    )
    expect(run.stdout).toContain('refused: HTTP 404 InvalidAction.NotFound')
  })

  it.skipIf(!built)('lifecycle.js walks a secret through its life and shows the store holds no plaintext', () => {
    const run = spawnSync(process.execPath, ['examples/lifecycle.js'], { cwd: root, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('SecretData         correct horse battery staple')
    expect(run.stdout).toContain('refused: HTTP 409 Rejected.ResourceInDeleteWindow')
    expect(run.stdout).toContain('refused: HTTP 409 Rejected.ResourceExist: The resource already exists.')
    expect(run.stdout).toContain('plaintext in it    none of the values written above')
  })
})
