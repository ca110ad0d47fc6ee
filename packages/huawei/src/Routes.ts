/**
 * The route table: every CSMS operation with its REST method and path (exactly Huawei's, with
 * `{project_id}` and the other path parameters), its success status, the shape of its error body
 * (flat `{error_code, error_msg}` or nested under `error`, as the API documents per operation) and
 * its handler. `match` finds the route of a method and path; the HTTP server matches once, then hands
 * the match to the engine's `dispatch`. Each path template is split once, when the table is first
 * used. Operation names are the Huawei SDK's.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as Backup from './Backup.js'
import * as CsmsError from './CsmsError.js'
import * as Events from './Events.js'
import * as Notifications from './Notifications.js'
import * as RandomPassword from './RandomPassword.js'
import type { Handler } from './Request.js'
import * as Rotation from './Rotation.js'
import * as Secrets from './Secrets.js'
import * as Stages from './Stages.js'
import * as Tags from './Tags.js'
import * as Versions from './Versions.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * @category model
 * @since 0.1.0
 */
export interface Route {
  readonly operation: string
  readonly method: Method
  /** The path template, e.g. `/v1/{project_id}/secrets/{secret_name}`. */
  readonly path: string
  readonly successStatus: 200 | 204
  readonly errorShape: 'flat' | 'nested'
  readonly handler: Handler
}

/**
 * A matched request: the route, the captured path parameters and the query.
 *
 * @category model
 * @since 0.1.0
 */
export interface Match {
  readonly route: Route
  readonly params: { readonly [name: string]: string }
  readonly query: URLSearchParams
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

const route = (
  operation: string,
  method: Method,
  path: string,
  handler: Handler,
  successStatus: 200 | 204 = 200,
  errorShape: 'flat' | 'nested' = 'flat',
): Route => ({ operation, method, path, successStatus, errorShape, handler })

/**
 * @category constants
 * @since 0.1.0
 */
export const routes: ReadonlyArray<Route> = [
  // secrets
  route('createSecret', 'POST', '/v1/{project_id}/secrets', Secrets.create),
  route('listSecrets', 'GET', '/v1/{project_id}/secrets', Secrets.list),
  route('showSecret', 'GET', '/v1/{project_id}/secrets/{secret_name}', Secrets.show),
  route('updateSecret', 'PUT', '/v1/{project_id}/secrets/{secret_name}', Secrets.update),
  route('deleteSecret', 'DELETE', '/v1/{project_id}/secrets/{secret_name}', Secrets.deleteNow),
  route(
    'deleteSecretForSchedule',
    'POST',
    '/v1/{project_id}/secrets/{secret_name}/scheduled-deleted-tasks/create',
    Secrets.scheduleDeletion,
  ),
  route(
    'restoreSecret',
    'POST',
    '/v1/{project_id}/secrets/{secret_name}/scheduled-deleted-tasks/cancel',
    Secrets.cancelDeletion,
  ),
  // backup and restore
  route('downloadSecretBlob', 'POST', '/v1/{project_id}/secrets/{secret_name}/backup', Backup.download),
  route('uploadSecretBlob', 'POST', '/v1/{project_id}/secrets/restore', Backup.upload),
  // versions
  route('createSecretVersion', 'POST', '/v1/{project_id}/secrets/{secret_name}/versions', Versions.create),
  route('listSecretVersions', 'GET', '/v1/{project_id}/secrets/{secret_name}/versions', Versions.list),
  route('showSecretVersion', 'GET', '/v1/{project_id}/secrets/{secret_name}/versions/{version_id}', Versions.show),
  route('updateVersion', 'PUT', '/v1/{project_id}/secrets/{secret_name}/versions/{version_id}', Versions.update),
  // stages
  route('showSecretStage', 'GET', '/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}', Stages.show),
  route('updateSecretStage', 'PUT', '/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}', Stages.update),
  route(
    'deleteSecretStage',
    'DELETE',
    '/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}',
    Stages.remove,
    204,
  ),
  // events
  route('createSecretEvent', 'POST', '/v1/{project_id}/csms/events', Events.create, 200, 'nested'),
  route('listSecretEvents', 'GET', '/v1/{project_id}/csms/events', Events.list, 200, 'nested'),
  route('showSecretEvent', 'GET', '/v1/{project_id}/csms/events/{event_name}', Events.show, 200, 'nested'),
  route('updateSecretEvent', 'PUT', '/v1/{project_id}/csms/events/{event_name}', Events.update, 200, 'nested'),
  route('deleteSecretEvent', 'DELETE', '/v1/{project_id}/csms/events/{event_name}', Events.remove, 204, 'nested'),
  route(
    'listNotificationRecords',
    'GET',
    '/v1/{project_id}/csms/notification-records',
    Notifications.list,
    200,
    'nested',
  ),
  // passwords
  route('generateRandomPassword', 'POST', '/v1/{project_id}/csms/generate-password', RandomPassword.generate),
  // tags (`/csms/{secret_id}/...`: `match` prefers the literal `events`, so `/csms/events/tags` is an event)
  route('createSecretTag', 'POST', '/v1/{project_id}/csms/{secret_id}/tags', Tags.create, 204, 'nested'),
  route('deleteSecretTag', 'DELETE', '/v1/{project_id}/csms/{secret_id}/tags/{key}', Tags.remove, 204, 'nested'),
  route('batchCreateOrDeleteTags', 'POST', '/v1/{project_id}/csms/{secret_id}/tags/action', Tags.batch, 204, 'nested'),
  route('listSecretTags', 'GET', '/v1/{project_id}/csms/{secret_id}/tags', Tags.list, 200, 'nested'),
  route('listProjectSecretsTags', 'GET', '/v1/{project_id}/csms/tags', Tags.listProject, 200, 'nested'),
  route(
    'listResourceInstances',
    'POST',
    '/v1/{project_id}/csms/resource_instances/action',
    Tags.resourceInstances,
    200,
    'nested',
  ),
  // rotation
  route('rotateSecret', 'POST', '/v1/{project_id}/secrets/{secret_name}/rotate', Rotation.rotateNow, 200, 'nested'),
  route('listSecretTask', 'GET', '/v1/{project_id}/csms/tasks', Rotation.listTasks),
]

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The route of `method` and `path` (which may carry a query string). Among the routes that fit, the
 * one with the most literal segments wins; between routes with as many, the one whose first literal
 * comes earlier (`GET /csms/events/tags` shows the event `tags`, it does not list the tags of a
 * secret whose id is `events`). The order of the table never decides. No route: 404 APIGW.0101, as
 * the gateway answers; a project id other than `projectId`: 400 CSMS.0003.
 *
 * @category destructors
 * @since 0.1.0
 */
export const match = (
  method: string,
  path: string,
  projectId: string,
  table: ReadonlyArray<Route> = routes,
): E.Either<CsmsError.CsmsError, Match> => {
  const url = new URL(path, 'http://csms.invalid')
  let segments: ReadonlyArray<string>
  try {
    segments = url.pathname.split('/').slice(1).map(decodeURIComponent)
  } catch {
    return E.left(CsmsError.make('CSMS.0003'))
  }
  const upper = method.toUpperCase()
  let best: Template | undefined
  for (const candidate of templatesOf(table)) {
    if (candidate.route.method !== upper || !fits(candidate, segments)) continue
    if (best === undefined || moreSpecific(candidate, best)) best = candidate
  }
  if (best === undefined) return E.left(CsmsError.routeNotFound())
  const params: Record<string, string> = {}
  best.parts.forEach((part, i) => {
    if (part.parameter !== undefined) params[part.parameter] = segments[i] ?? ''
  })
  if (params['project_id'] !== undefined && params['project_id'] !== projectId) {
    return E.left(CsmsError.make('CSMS.0003', 'project_id'))
  }
  return E.right({ route: best.route, params, query: url.searchParams })
}

/**
 * The path of `operation` with its parameters filled in, URI-encoded.
 *
 * @category destructors
 * @since 0.1.0
 */
export const pathOf = (routeOf: Route, params: { readonly [name: string]: string }): string =>
  routeOf.path.replace(/\{([a-z_]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** A route's path, split once: each segment a literal, or the name of the parameter it captures. */
interface Template {
  readonly route: Route
  readonly parts: ReadonlyArray<{ readonly literal: string; readonly parameter: string | undefined }>
  readonly literals: number
}

const compile = (table: ReadonlyArray<Route>): ReadonlyArray<Template> =>
  table.map((route) => {
    const parts = route.path
      .split('/')
      .slice(1)
      .map((part) => ({ literal: part, parameter: part.startsWith('{') ? part.slice(1, -1) : undefined }))
    return { route, parts, literals: parts.filter((part) => part.parameter === undefined).length }
  })

/** The templates of each table `match` has seen; the route table's are built when the module loads. */
const templates = new WeakMap<ReadonlyArray<Route>, ReadonlyArray<Template>>([[routes, compile(routes)]])

const templatesOf = (table: ReadonlyArray<Route>): ReadonlyArray<Template> => {
  const known = templates.get(table)
  if (known !== undefined) return known
  const compiled = compile(table)
  templates.set(table, compiled)
  return compiled
}

/** Every literal equal, every parameter non-empty. */
const fits = (template: Template, segments: ReadonlyArray<string>): boolean => {
  if (template.parts.length !== segments.length) return false
  for (let i = 0; i < segments.length; i++) {
    const part = template.parts[i]
    const segment = segments[i] ?? ''
    if (part === undefined || (part.parameter === undefined ? part.literal !== segment : segment === '')) return false
  }
  return true
}

/** More literal segments; as many: the first position where one has a literal and the other not. */
const moreSpecific = (a: Template, b: Template): boolean => {
  if (a.literals !== b.literals) return a.literals > b.literals
  for (let i = 0; i < a.parts.length; i++) {
    const aLiteral = a.parts[i]?.parameter === undefined
    if (aLiteral !== (b.parts[i]?.parameter === undefined)) return aLiteral
  }
  return false
}
