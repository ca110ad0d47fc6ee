import { StageLabel } from '@secrets-engine/core'
import { CsmsErrors, Dialect, Routes } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ok, refused, testCsms } from './support/csms.js'

describe('Routes.match', () => {
  const project = '0123456789abcdef0123456789abcdef'
  const operation = (method: string, path: string) =>
    E.map((m: Routes.Match) => [m.route.operation, m.params])(Routes.match(method, path, project))

  it('routes every documented path, capturing its parameters', () => {
    expect(operation('GET', `/v1/${project}/secrets/my-secret/versions/latest?x=1`)).toStrictEqual(
      E.right(['showSecretVersion', { project_id: project, secret_name: 'my-secret', version_id: 'latest' }]),
    )
    expect(operation('POST', `/v1/${project}/secrets/s/scheduled-deleted-tasks/cancel`)).toStrictEqual(
      E.right(['restoreSecret', { project_id: project, secret_name: 's' }]),
    )
    expect(operation('delete', `/v1/${project}/secrets/s/stages/st`)).toStrictEqual(
      E.right(['deleteSecretStage', { project_id: project, secret_name: 's', stage_name: 'st' }]),
    )
  })

  it('answers 404 APIGW.0101 for an unknown method or path, 400 CSMS.0003 for another project', () => {
    expect(Routes.match('PATCH', `/v1/${project}/secrets`, project)).toStrictEqual(E.left(CsmsErrors.routeNotFound()))
    expect(Routes.match('GET', `/v2/${project}/secrets`, project)).toStrictEqual(E.left(CsmsErrors.routeNotFound()))
    expect(Routes.match('GET', `/v1/${project}/secrets/`, project)).toStrictEqual(E.left(CsmsErrors.routeNotFound()))
    expect(Routes.match('GET', '/v1/other/secrets', project)).toStrictEqual(
      E.left(CsmsErrors.make('CSMS.0003', 'project_id')),
    )
    expect(CsmsErrors.routeNotFound().httpStatus).toBe(404)
  })

  it('gives each route its documented success status and error shape', () => {
    const of = (name: string) => Routes.routes.find((r) => r.operation === name)
    expect([of('deleteSecretStage')?.successStatus, of('deleteSecret')?.successStatus]).toStrictEqual([204, 200])
    expect(of('createSecret')?.errorShape).toBe('flat')
    expect(CsmsErrors.toWire(CsmsErrors.secretNotFound(), 'nested')).toStrictEqual({
      error: { error_code: 'CSMS.0106', error_msg: 'The secret name not found int the db.' },
    })
  })
})

describe('Routes.match tie-break', () => {
  const project = '0123456789abcdef0123456789abcdef'
  it('prefers the route whose first literal comes earlier, whatever the order of the table', () => {
    const path = `/v1/${project}/csms/events/tags`
    for (const table of [Routes.routes, [...Routes.routes].reverse()]) {
      expect(
        E.map((m: Routes.Match) => [m.route.operation, m.params])(Routes.match('GET', path, project, table)),
      ).toStrictEqual(E.right(['showSecretEvent', { project_id: project, event_name: 'tags' }]))
    }
    expect(
      E.map((m: Routes.Match) => m.route.operation)(Routes.match('GET', `/v1/${project}/csms/other/tags`, project)),
    ).toStrictEqual(E.right('listSecretTags'))
  })
})

describe('packages/huawei/README.md', () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')
  // `| \`name(args)\` (note) | \`VERB /path?query\` | status ... |`
  const rows = Array.from(
    readme.matchAll(/^\| `(\w+)\([^)]*\)`[^|]*\| `(GET|POST|PUT|DELETE) ([^`?]+)(?:\?[^`]*)?` +\| (\d{3})/gm),
    (m) => ({ operation: m[1], method: m[2], path: m[3], status: Number(m[4]) }),
  )

  it('lists every route once, with its method, path and success status', () => {
    expect(rows.map((r) => r.operation).sort()).toStrictEqual(Routes.routes.map((r) => r.operation).sort())
    for (const row of rows) {
      const route = Routes.routes.find((r) => r.operation === row.operation)
      const shown = row.path?.startsWith('...') === true ? row.path.slice(3) : row.path
      expect([route?.method, route?.path.endsWith(shown ?? '') === true, route?.successStatus]).toStrictEqual([
        row.method,
        true,
        row.status,
      ])
    }
  })
})

describe('request', () => {
  it('decodes percent-encoded path segments and refuses malformed ones', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 'a-b', secret_string: 'v' }))
    await ok(env.csms.request('GET', `/v1/${env.project}/secrets/a%2Db`))
    await refused(env, env.csms.request('GET', `/v1/${env.project}/secrets/%E0%A4%A`), CsmsErrors.make('CSMS.0003'))
  })

  it('dispatch runs a request Routes.match has routed, as request does', async () => {
    const env = testCsms()
    await ok(env.csms.createSecret({ name: 's', secret_string: 'v' }))
    const path = `/v1/${env.project}/secrets/s/versions/latest`
    const matched = Routes.match('GET', path, env.project)
    if (E.isLeft(matched)) return expect.fail('matched')
    const shown = await ok(env.csms.dispatch(matched.right))
    expect(shown).toStrictEqual(await ok(env.csms.request('GET', path)))
    expect((shown['version'] as { secret_string: string }).secret_string).toBe('v')
  })

  it('answers a thrown defect with 500 CSMS.0006 instead of a rejected promise', async () => {
    const env = testCsms({
      store: {
        get: () => () => Promise.reject(new Error('boom')),
        commit: () => () => Promise.reject(new Error('boom')),
        remove: () => () => Promise.reject(new Error('boom')),
        list: () => () => Promise.reject(new Error('boom')),
      },
    })
    expect(await env.csms.showSecret('x')()).toStrictEqual(E.left(CsmsErrors.internalError()))
  })
})

describe('CsmsError table', () => {
  it('holds every code once with a 4xx or 5xx status and a message', () => {
    // The table is an object, so a repeated key would silently keep its last row: count the keys
    // as the source writes them.
    const source = readFileSync(fileURLToPath(new URL('../src/CsmsError.ts', import.meta.url)), 'utf8')
    const written = Array.from(source.matchAll(/^ {2}'((?:CSMS|APIGW)\.[0-9]{4})': \{/gm), (m) => m[1])
    expect(written.filter((code, i) => written.indexOf(code) !== i)).toStrictEqual([])
    expect(written).toStrictEqual(Object.keys(CsmsErrors.table))
    for (const [code, row] of Object.entries(CsmsErrors.table)) {
      expect(code).toMatch(/^(CSMS|APIGW)\.[0-9]{4}$/)
      expect(row.status).toBeGreaterThanOrEqual(400)
      expect(row.message.length).toBeGreaterThan(1)
    }
  })
})

describe('Dialect', () => {
  it('names stages that pass its own stage rule', () => {
    expect(StageLabel.is(Dialect.stageRule)(Dialect.currentStage)).toBe(true)
    expect(StageLabel.is(Dialect.stageRule)(Dialect.previousStage)).toBe(true)
    expect(Dialect.rules).toStrictEqual({
      currentStage: 'SYSCURRENT',
      previousStage: 'SYSPREVIOUS',
      maxVersions: 20,
      maxStages: 12,
    })
  })
})
