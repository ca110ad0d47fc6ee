/**
 * The reference model of the conformance suite: a deliberately small picture of an Alibaba account
 * (secrets as plain maps of versions and labels, a clock), written from the API's documented rules
 * and api-decisions.md, not from the engine's code. Each command asks it for a prediction, sends the
 * request to the target, compares, and then moves the model on.
 *
 * @since 0.1.0
 */
import type fc from 'fast-check'
import { judge, type Judged } from './Deviation.js'
import { differences, failure, type Expectation } from './Expectation.js'
import type { Target } from './Target.js'
import type { ManualClock } from '../Clock.js'
import { exceedsLabelLimit, type LabelRules } from '../Labels.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ModelVersion {
  readonly id: string
  readonly data: string
  readonly dataType: 'text' | 'binary'
  readonly createdAt: number
  /** Its labels; each label is on at most one version of the secret. */
  stages: Array<string>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ModelSecret {
  readonly name: string
  readonly createdAt: number
  /** Oldest first. */
  versions: Array<ModelVersion>
  description: string
  /** In the order they were first added. */
  tags: Array<{ readonly key: string; value: string }>
  /** The policy set by SetSecretPolicy; the default policy until then. */
  policy?: string
  plannedDeleteAt?: number
}

/**
 * @category model
 * @since 0.1.0
 */
export interface Model {
  now: number
  readonly secrets: Map<string, ModelSecret>
  readonly region: string
  readonly accountId: string
}

/**
 * The system side of a command: the target, the clock it was built on, and where differences go.
 *
 * @category model
 * @since 0.1.0
 */
export interface Real extends Judged {
  readonly target: Target
  readonly clock: ManualClock
}

/**
 * @category model
 * @since 0.1.0
 */
export type AlibabaCommand = fc.AsyncCommand<Model, Real>

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/** @since 0.1.0 */
export const CURRENT = 'ACSCurrent'
/** @since 0.1.0 */
export const PREVIOUS = 'ACSPrevious'
/** @since 0.1.0 */
export const MAX_VERSIONS = 10
/** @since 0.1.0 */
export const MAX_STAGES = 8

/** @since 0.1.0 */
export const notFound: Expectation = failure('Forbidden.ResourceNotFound', 404)
/** @since 0.1.0 */
export const inDeleteWindow: Expectation = failure('Rejected.ResourceInDeleteWindow', 409)
/** @since 0.1.0 */
export const limitExceeded: Expectation = failure('Rejected.LimitExceeded', 400)
/** @since 0.1.0 */
export const unsupported: Expectation = failure('UnsupportedOperation', 400)
/** @since 0.1.0 */
export const invalidParameter: Expectation = failure('InvalidParameter', 400)
/** @since 0.1.0 */
export const missingParameter: Expectation = failure('MissingParameter', 400)

// -------------------------------------------------------------------------------------
// model helpers
// -------------------------------------------------------------------------------------

/**
 * @category constructors
 * @since 0.1.0
 */
export const emptyModel = (now: number, region: string, accountId: string): Model => ({
  now,
  secrets: new Map(),
  region,
  accountId,
})

/**
 * @category destructors
 * @since 0.1.0
 */
export const arnOf = (m: Model, name: string): string => `acs:kms:${m.region}:${m.accountId}:secret/${name}`

/** The secret a `SecretName` parameter (a name or an ARN) names, if it exists. */
export const resolve = (m: Model, reference: string): ModelSecret | undefined => {
  const prefix = `acs:kms:${m.region}:${m.accountId}:secret/`
  return m.secrets.get(reference.startsWith(prefix) ? reference.slice(prefix.length) : reference)
}

/** The secret, or the error a request on it gives: 404, or 409 while pending deletion unless allowed. */
export const existing = (m: Model, reference: string, whilePending: 'works' | 'refused'): ModelSecret | Expectation => {
  const secret = resolve(m, reference)
  if (secret === undefined) return notFound
  if (whilePending === 'refused' && secret.plannedDeleteAt !== undefined) return inDeleteWindow
  return secret
}

/** @since 0.1.0 */
export const isSecret = (u: ModelSecret | Expectation): u is ModelSecret => 'versions' in u

/** Secrets whose deletion window has passed are gone, as if they never existed. */
export const expire = (m: Model): void => {
  for (const [name, secret] of m.secrets) {
    if (secret.plannedDeleteAt !== undefined && secret.plannedDeleteAt <= m.now) m.secrets.delete(name)
  }
}

/** @since 0.1.0 */
export const holderOf = (secret: ModelSecret, stage: string): ModelVersion | undefined =>
  secret.versions.find((v) => v.stages.includes(stage))

const detach = (secret: ModelSecret, stage: string): void => {
  for (const v of secret.versions) v.stages = v.stages.filter((s) => s !== stage)
}

/**
 * Puts `stage` on `to`, taking it from wherever it was; moving the current label hands the previous
 * label to the version that held current.
 */
export const moveStage = (secret: ModelSecret, stage: string, to: ModelVersion): void => {
  const holder = holderOf(secret, stage)
  if (holder === to) return
  detach(secret, stage)
  to.stages.push(stage)
  if (stage === CURRENT && holder !== undefined) {
    detach(secret, PREVIOUS)
    holder.stages.push(PREVIOUS)
  }
}

/** Removes the oldest unlabeled versions until at most ten remain. */
export const prune = (secret: ModelSecret): void => {
  while (secret.versions.length > MAX_VERSIONS) {
    const oldest = secret.versions.findIndex((v) => v.stages.length === 0)
    if (oldest < 0) return
    secret.versions.splice(oldest, 1)
  }
}

const labelRules: LabelRules = { current: CURRENT, previous: PREVIOUS, maxLabels: MAX_STAGES }

/**
 * Whether putting `stages` on `target` (a new version when absent) takes the secret past the label
 * limit, counting ACSPrevious, which moving ACSCurrent hands to the version that held it.
 */
export const exceedsLabels = (secret: ModelSecret, stages: ReadonlyArray<string>, target?: ModelVersion): boolean =>
  exceedsLabelLimit(labelRules, secret.versions, stages, target)

// -------------------------------------------------------------------------------------
// running
// -------------------------------------------------------------------------------------

// Long values (the rule breakers' oversized ones) print by their length: the seed and path replay them.
const show = (params: Readonly<Record<string, string>>): string =>
  JSON.stringify(params, (_, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 24)}...(${v.length} characters)` : v,
  )

/**
 * Sends one request, compares the answer with `expected`, and applies `change` to the model when
 * the model predicted success. A difference that no deviation allows throws, with the request, the
 * prediction and the answer. The caller has expired the model's secrets first (see `request`).
 *
 * @category running
 * @since 0.1.0
 */
export const step = async (
  m: Model,
  r: Real,
  action: string,
  params: Readonly<Record<string, string>>,
  predict: (m: Model) => { readonly expected: Expectation; readonly change?: () => void },
): Promise<void> => {
  const { expected, change } = predict(m)
  const actual = await r.target.request(action, params)
  judge(r, differences(action, expected, actual), `${action} ${show(params)}`, m.now, actual)
  if (expected.ok) change?.()
}

/**
 * A command whose `run` is one `step`; `toString` prints the request, so a shrunk sequence reads as
 * the requests that reproduce it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const request = (
  action: string,
  paramsOf: Readonly<Record<string, string>> | ((m: Model) => Readonly<Record<string, string>>),
  predict: (
    m: Model,
    params: Readonly<Record<string, string>>,
  ) => {
    readonly expected: Expectation
    readonly change?: () => void
  },
): AlibabaCommand => {
  // Parameters may depend on the model (a version that exists); toString shows the last ones sent.
  let last: Readonly<Record<string, string>> | undefined = typeof paramsOf === 'function' ? undefined : paramsOf
  return {
    check: () => true,
    run: (m, r) => {
      // Before the parameters, which may name a version of a secret that has just expired.
      expire(m)
      const p = typeof paramsOf === 'function' ? paramsOf(m) : paramsOf
      last = p
      return step(m, r, action, p, (model) => predict(model, p))
    },
    toString: () => `${action} ${last === undefined ? '(not run)' : show(last)}`,
  }
}

/**
 * A version id of the secret `reference` names, picked by `index` among its versions, or `missing`
 * when `index` is negative or the secret has none: so that commands mostly name versions that exist.
 *
 * @category destructors
 * @since 0.1.0
 */
export const versionAt = (m: Model, reference: string, index: number, missing: string): string => {
  const versions = resolve(m, reference)?.versions ?? []
  return index < 0 || versions.length === 0 ? missing : (versions[index % versions.length]?.id ?? missing)
}

/** Drops the parameters whose value is undefined. */
export const params = (p: Readonly<Record<string, string | undefined>>): Readonly<Record<string, string>> =>
  Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined))
