/**
 * The reference model of the Huawei CSMS suite: a small picture of a project (secrets as lists of
 * versions with their stages, a clock), written from CSMS's documented rules and the engine's
 * documented choices (docs/fidelity.md), not from the engine's code. It predicts each response:
 * the HTTP status and the body, or the exact `error_code`; it keeps SYSCURRENT and SYSPREVIOUS
 * (moving SYSCURRENT hands SYSPREVIOUS to the version that had it), prunes the oldest unstaged
 * version beyond 20, refuses a 13th stage, refuses writes while a deletion is pending and forgets a
 * secret at its scheduled deletion time, to the millisecond.
 *
 * @since 0.1.0
 */
import type fc from 'fast-check'
import type { ManualClock } from '../Clock.js'
import { exceedsLabelLimit, type LabelRules } from '../Labels.js'
import { judge, type Difference, type Judged } from '../alibaba/Deviation.js'
import { diff, matcher, nonEmptyString, requestId as uuid, show, type Matcher } from '../alibaba/Expectation.js'
import type { HuaweiOutcome, HuaweiTarget } from './Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface HuaweiModelVersion {
  readonly id: string
  readonly number: number
  readonly value: string
  readonly createdAt: number
  /** Its stages; each stage marks at most one version of the secret. */
  stages: Array<string>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface HuaweiModelSecret {
  readonly name: string
  readonly createdAt: number
  updateTime: number
  description: string
  /** Oldest first. */
  versions: Array<HuaweiModelVersion>
  /** The number of the last version created: ids never go back, even after pruning. */
  lastVersion: number
  /** When each stage last moved to the version it marks. */
  readonly stageTimes: Map<string, number>
  scheduledDeleteAt?: number
}

/**
 * @category model
 * @since 0.1.0
 */
export interface HuaweiModel {
  now: number
  readonly secrets: Map<string, HuaweiModelSecret>
  readonly projectId: string
}

/**
 * The system side of a command: the target, the clock it was built on, and where differences go.
 *
 * @category model
 * @since 0.1.0
 */
export interface HuaweiReal extends Judged {
  readonly target: HuaweiTarget
  readonly clock: ManualClock
}

/**
 * @category model
 * @since 0.1.0
 */
export type HuaweiCommand = fc.AsyncCommand<HuaweiModel, HuaweiReal>

/**
 * A prediction: a success with its status and body (fields may be matchers), or an exact error.
 *
 * @category model
 * @since 0.1.0
 */
export type HuaweiExpectation =
  | { readonly ok: true; readonly status: number; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly status: number; readonly error_code: string }

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/** @since 0.1.0 */
export const CURRENT = 'SYSCURRENT'
/** @since 0.1.0 */
export const PREVIOUS = 'SYSPREVIOUS'
/** @since 0.1.0 */
export const MAX_VERSIONS = 20
/** @since 0.1.0 */
export const MAX_STAGES = 12

const fail = (error_code: string, status: number): HuaweiExpectation => ({ ok: false, status, error_code })

/** A path parameter or body field that breaks its rule. */
export const invalid: HuaweiExpectation = fail('CSMS.0002', 400)
/** A version or stage that names nothing. */
export const notFound: HuaweiExpectation = fail('CSMS.0005', 404)
/** @since 0.1.0 */
export const secretNotFound: HuaweiExpectation = fail('CSMS.0106', 404)
/** Values, versions, metadata and stages cannot change while a deletion is pending. */
export const pendingDeletion: HuaweiExpectation = fail('CSMS.0103', 400)
/** @since 0.1.0 */
export const systemStage: HuaweiExpectation = fail('CSMS.0105', 400)
/** @since 0.1.0 */
export const alreadyPending: HuaweiExpectation = fail('CSMS.0107', 400)
/** @since 0.1.0 */
export const notPending: HuaweiExpectation = fail('CSMS.0108', 400)
/** @since 0.1.0 */
export const secretExists: HuaweiExpectation = fail('CSMS.0109', 400)
/** @since 0.1.0 */
export const stageLimit: HuaweiExpectation = fail('CSMS.0203', 400)

/** @since 0.1.0 */
export const ok = (body: Readonly<Record<string, unknown>> = {}, status = 200): HuaweiExpectation => ({
  ok: true,
  status,
  body,
})

// -------------------------------------------------------------------------------------
// model helpers
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const emptyHuaweiModel = (now: number, projectId: string): HuaweiModel => ({
  now,
  secrets: new Map(),
  projectId,
})

/** Secret and stage names: `^[a-zA-Z0-9_-]{1,64}$`. */
export const validName = (name: string): boolean => /^[a-zA-Z0-9_-]{1,64}$/.test(name)

/** The path of `segments` under the project, each segment URI-encoded, with an optional query. */
export const pathOf = (
  m: HuaweiModel,
  segments: ReadonlyArray<string>,
  query: Readonly<Record<string, string | undefined>> = {},
): string => {
  const q = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString()
  return `/v1/${m.projectId}/${segments.map(encodeURIComponent).join('/')}${q === '' ? '' : `?${q}`}`
}

/** Secrets whose scheduled deletion time has come are gone, as if they never existed. */
export const expire = (m: HuaweiModel): void => {
  for (const [name, secret] of m.secrets) {
    if (secret.scheduledDeleteAt !== undefined && secret.scheduledDeleteAt <= m.now) m.secrets.delete(name)
  }
}

/**
 * The secret a request names, or the error it gives: 400 for an invalid name, 404 CSMS.0106 when
 * absent, 400 CSMS.0103 while its deletion is pending unless the operation works then.
 */
export const existing = (
  m: HuaweiModel,
  name: string,
  whilePending: 'works' | 'refused',
): HuaweiModelSecret | HuaweiExpectation => {
  if (!validName(name)) return invalid
  const secret = m.secrets.get(name)
  if (secret === undefined) return secretNotFound
  if (whilePending === 'refused' && secret.scheduledDeleteAt !== undefined) return pendingDeletion
  return secret
}

/** @since 0.1.0 */
export const isSecret = (u: HuaweiModelSecret | HuaweiExpectation): u is HuaweiModelSecret => 'versions' in u

/** @since 0.1.0 */
export const holderOf = (secret: HuaweiModelSecret, stage: string): HuaweiModelVersion | undefined =>
  secret.versions.find((v) => v.stages.includes(stage))

const stageRules: LabelRules = { current: CURRENT, previous: PREVIOUS, maxLabels: MAX_STAGES }

/**
 * Whether putting `stages` on `target` (a new version when absent) takes the secret past twelve
 * stages, counting SYSPREVIOUS, which moving SYSCURRENT hands to the version that held it.
 */
export const exceedsStages = (
  secret: HuaweiModelSecret,
  stages: ReadonlyArray<string>,
  target?: HuaweiModelVersion,
): boolean => exceedsLabelLimit(stageRules, secret.versions, stages, target)

/**
 * Puts `stage` on `to` alone; moving SYSCURRENT hands SYSPREVIOUS to the version that had it. A
 * stage that moves gets `now` as its update time.
 */
export const attach = (secret: HuaweiModelSecret, stage: string, to: HuaweiModelVersion, now: number): void => {
  const holder = holderOf(secret, stage)
  if (holder === to) return
  for (const v of secret.versions) v.stages = v.stages.filter((s) => s !== stage)
  to.stages.push(stage)
  secret.stageTimes.set(stage, now)
  if (stage === CURRENT && holder !== undefined) attach(secret, PREVIOUS, holder, now)
}

/** Removes the oldest unstaged versions until at most twenty remain. */
export const prune = (secret: HuaweiModelSecret): void => {
  while (secret.versions.length > MAX_VERSIONS) {
    const oldest = secret.versions.findIndex((v) => v.stages.length === 0)
    if (oldest < 0) return
    secret.versions.splice(oldest, 1)
  }
}

/** A list of stage names in any order (CSMS does not order `version_stages`). */
export const sameStages = (stages: ReadonlyArray<string>): Matcher => {
  const want = JSON.stringify([...stages].sort())
  return matcher(`the stages ${want} in any order`, (u) =>
    Array.isArray(u) ? JSON.stringify([...(u as Array<unknown>)].map(String).sort()) === want : false,
  )
}

/** The `secret` object CSMS shows for a COMMON secret. */
export const secretBody = (secret: HuaweiModelSecret): Readonly<Record<string, unknown>> => ({
  id: uuid,
  name: secret.name,
  state: secret.scheduledDeleteAt === undefined ? 'ENABLED' : 'PENDING_DELETE',
  kms_key_id: nonEmptyString,
  description: secret.description,
  create_time: secret.createdAt,
  update_time: secret.updateTime,
  scheduled_delete_time: secret.scheduledDeleteAt ?? null,
  secret_type: 'COMMON',
  auto_rotation: false,
  event_subscriptions: [],
  enterprise_project_id: '0',
})

/** @since 0.1.0 */
export const versionMetadata = (
  secret: HuaweiModelSecret,
  version: HuaweiModelVersion,
): Readonly<Record<string, unknown>> => ({
  id: version.id,
  create_time: version.createdAt,
  kms_key_id: nonEmptyString,
  secret_name: secret.name,
  version_stages: sameStages(version.stages),
})

/**
 * One page of `items` after the marker, as CSMS pages: `previous_marker` is the page's first key,
 * `next_marker` its last when more follow.
 */
export const page = <A>(
  items: ReadonlyArray<A>,
  keyOf: (a: A) => string,
  after: (a: A) => boolean,
  limit: number,
): { readonly items: ReadonlyArray<A>; readonly page_info: Readonly<Record<string, unknown>> } => {
  const rest = items.filter(after)
  const shown = rest.slice(0, limit)
  const first = shown[0]
  const last = shown[shown.length - 1]
  return {
    items: shown,
    page_info: {
      current_count: shown.length,
      ...(last !== undefined && rest.length > shown.length ? { next_marker: keyOf(last) } : {}),
      ...(first !== undefined ? { previous_marker: keyOf(first) } : {}),
    },
  }
}

/** A version id of the secret picked by `index` among its versions, or `missing` (index < 0, no versions). */
export const versionAt = (m: HuaweiModel, name: string, index: number, missing: string): string => {
  const versions = m.secrets.get(name)?.versions ?? []
  return index < 0 || versions.length === 0 ? missing : (versions[index % versions.length]?.id ?? missing)
}

// -------------------------------------------------------------------------------------
// comparing
// -------------------------------------------------------------------------------------

/**
 * Every difference between a prediction and an answer: `status`, `error_code` and a non-empty
 * `error_msg` for errors; `status` and each body field (by its dotted path) for successes.
 *
 * @category destructors
 * @since 0.1.0
 */
export const huaweiDifferences = (
  operation: string,
  expected: HuaweiExpectation,
  actual: HuaweiOutcome,
): ReadonlyArray<Difference> => {
  const out: Array<Difference> = []
  const status = (): void => {
    if (expected.status !== actual.status) {
      out.push({ operation, field: 'status', expected: String(expected.status), actual: String(actual.status) })
    }
  }
  if (expected.ok && actual.ok) {
    status()
    diff(operation, '', expected.body, actual.body, out)
  } else if (!expected.ok && !actual.ok) {
    if (expected.error_code !== actual.error_code) {
      out.push({ operation, field: 'error_code', expected: expected.error_code, actual: actual.error_code })
    }
    status()
    if (typeof actual.error_msg !== 'string' || actual.error_msg.length === 0) {
      out.push({ operation, field: 'error_msg', expected: '<a message>', actual: show(actual.error_msg) })
    }
  } else if (expected.ok && !actual.ok) {
    out.push({
      operation,
      field: 'error_code',
      expected: '(success)',
      actual: `${actual.error_code} (${actual.status})`,
    })
  } else if (!expected.ok) {
    out.push({
      operation,
      field: 'error_code',
      expected: `${expected.error_code} (${expected.status})`,
      actual: '(success)',
    })
  }
  return out
}

// -------------------------------------------------------------------------------------
// running
// -------------------------------------------------------------------------------------

/**
 * A request: the method, the path with the project id and query, the body.
 *
 * @category model
 * @since 0.1.0
 */
export interface Sent {
  readonly method: string
  readonly path: string
  readonly body?: unknown
}

const describe = (m: HuaweiModel | undefined, sent: Sent): string => {
  const path = m === undefined ? sent.path : sent.path.replace(`/v1/${m.projectId}`, '')
  return `${sent.method} ${path}${sent.body === undefined ? '' : ` ${JSON.stringify(sent.body)}`}`
}

/**
 * A command that sends one request, compares the answer with the model's prediction, and applies
 * `change` to the model when the prediction was a success. `toString` prints the request, so a
 * shrunk sequence reads as the requests that reproduce it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const request = (
  operation: string,
  plan: (m: HuaweiModel) => {
    readonly sent: Sent
    readonly expected: HuaweiExpectation
    readonly change?: () => void
  },
): HuaweiCommand => {
  let last: string | undefined
  return {
    check: () => true,
    run: async (m, r) => {
      expire(m)
      const { sent, expected, change } = plan(m)
      last = describe(m, sent)
      const actual = await r.target.request(sent.method, sent.path, sent.body)
      judge(r, huaweiDifferences(operation, expected, actual), `${operation} ${last}`, m.now, actual)
      if (expected.ok) change?.()
    },
    toString: () => `${operation} ${last ?? '(not run)'}`,
  }
}
