import { actions } from '@secrets-engine/alibaba'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// examples/api-tour.js holds the example calls of packages/alibaba/README.md. It runs against the
// built package (packages/alibaba/dist), so it is checked only when a build exists
// (`pnpm exec tsc -b`); it costs one node process, run once for the whole file.
const root = fileURLToPath(new URL('..', import.meta.url))
const built = existsSync(`${root}packages/alibaba/dist/index.js`)
const readme = readFileSync(`${root}packages/alibaba/README.md`, 'utf8')

let tour: { readonly stdout: string; readonly stderr: string; readonly status: number | null } | undefined
const runTour = () => {
  tour ??= spawnSync(process.execPath, ['examples/api-tour.js'], { cwd: root, encoding: 'utf8' })
  return tour
}

/** The body of every ```text block: the README's printed results. */
const shownResults = (markdown: string): ReadonlyArray<string> =>
  Array.from(markdown.matchAll(/^```text\n([\s\S]*?)\n```$/gm), (match) => match[1] ?? '')

describe('packages/alibaba/README.md', () => {
  it('has one section per action', () => {
    const sections = Array.from(readme.matchAll(/^## (\w+)$/gm), (match) => match[1])
    expect(Object.keys(actions).filter((action) => !sections.includes(action))).toStrictEqual([])
  })

  it.skipIf(!built)('shows only results that examples/api-tour.js prints', () => {
    const run = runTour()
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const results = shownResults(readme)
    expect(results.length).toBeGreaterThan(40)
    expect(results.filter((result) => !run.stdout.includes(result))).toStrictEqual([])
  })
})

describe('examples/api-tour.js', () => {
  it.skipIf(!built)('reads back what it wrote and gives the exact errors', () => {
    const { stdout, stderr, status } = runTour()
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toContain("SecretData: 'tok-0001',")
    expect(stdout).toContain("VersionStages: { VersionStage: [ 'ACSCurrent', 'canary' ] }")
    expect(stdout).toContain("code: 'InvalidAction.NotFound',\n  httpStatus: 404,")
    expect(stdout).toContain("code: 'Rejected.ResourceExist',\n  httpStatus: 409,")
    expect(stdout).toContain("code: 'Rejected.ResourceInDeleteWindow',\n  httpStatus: 409,")
    expect(stdout).toContain("code: 'Rejected.ResourceInUse',\n  httpStatus: 409,\n  message: 'restore normal secret'")
    expect(stdout).toContain("code: 'Forbidden.ResourceNotFound',\n  httpStatus: 404,\n  message: 'Resource not found'")
    expect(stdout).toContain("code: 'InvalidParameter.TagKey',\n  httpStatus: 400,")
    expect(stdout).toContain("code: 'InvalidResourceId.NotFound',\n  httpStatus: 404,")
    expect(stdout).toContain("Code: 'Forbidden.ResourceNotFound',\n      HttpStatus: 404,")
  })

  it.skipIf(!built)('never prints a value it only sent to be refused or redacted', () => {
    const { stdout } = runTour()
    expect(stdout).toContain('"secretData":"<redacted>"')
    expect(stdout).not.toContain('hunter2')
  })
})
