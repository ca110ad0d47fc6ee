/**
 * A secret: a name and its versions, with stage labels on the versions. Every function here is a
 * pure transition that keeps the invariants of the domain, for any dialect's `Rules`:
 *
 * - version ids are unique within a secret;
 * - each stage label marks at most one version; a version may carry several;
 * - exactly one version carries the current label;
 * - moving the current label puts the previous label on the version that held current;
 * - there are never more than `maxVersions` versions (the oldest unlabeled ones are pruned first)
 *   nor more than `maxStages` distinct labels.
 *
 * `invariantViolations` states the same invariants as a check, for tests and conformance suites.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as DomainError from './DomainError.js'
import type { SecretName } from './SecretName.js'
import type { StageLabel } from './StageLabel.js'
import * as Version from './Version.js'
import type { VersionId } from './VersionId.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface Secret<A> {
  readonly name: SecretName
  /** Milliseconds since the Unix epoch. */
  readonly createdAt: number
  /** Oldest first. */
  readonly versions: ReadonlyArray<Version.Version<A>>
}

/**
 * The versioning rules of a dialect (Alibaba: ACSCurrent, ACSPrevious, 10 versions, 8 labels;
 * Huawei: SYSCURRENT, SYSPREVIOUS, 20 versions, 12 labels).
 *
 * @category model
 * @since 0.1.0
 */
export interface Rules {
  readonly currentStage: StageLabel
  readonly previousStage: StageLabel
  readonly maxVersions: number
  readonly maxStages: number
}

/**
 * @category model
 * @since 0.1.0
 */
export interface NewVersion<A> {
  readonly versionId: VersionId
  readonly createdAt: number
  readonly value: A
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A new secret has exactly one version, which carries exactly the current label.
 *
 * @category constructors
 * @since 0.1.0
 */
export const create =
  (rules: Rules) =>
  <A>(name: SecretName, first: NewVersion<A>): Secret<A> => ({
    name,
    createdAt: first.createdAt,
    versions: [versionOf(first, onlyCurrent(rules))],
  })

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * @category destructors
 * @since 0.1.0
 */
export const findVersion =
  (versionId: string) =>
  <A>(secret: Secret<A>): O.Option<Version.Version<A>> =>
    O.fromNullable(secret.versions.find((v) => v.versionId === versionId))

/**
 * @category destructors
 * @since 0.1.0
 */
export const findByStage =
  (stage: string) =>
  <A>(secret: Secret<A>): O.Option<Version.Version<A>> =>
    O.fromNullable(secret.versions.find((v) => v.stages.some((s) => s === stage)))

/**
 * Every stage label of the secret, in version order: distinct while the invariants hold, and not
 * deduplicated here, so that `invariantViolations` sees a label that two versions hold.
 *
 * @category destructors
 * @since 0.1.0
 */
export const stages = <A>(secret: Secret<A>): ReadonlyArray<StageLabel> => secret.versions.flatMap((v) => v.stages)

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Adds a version. Without `stages` it becomes current; with `stages` it gets exactly those labels,
 * each moving from wherever it was. Whenever the current label moves, the version that held it gets
 * the previous label. Then the oldest unlabeled versions are pruned down to `maxVersions`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const putVersion =
  (rules: Rules) =>
  <A>(next: NewVersion<A>, stages?: ReadonlyArray<StageLabel>) =>
  (secret: Secret<A>): E.Either<DomainError.DomainError, Secret<A>> => {
    if (O.isSome(findVersion(next.versionId)(secret))) {
      return E.left(DomainError.versionAlreadyExists(next.versionId))
    }
    const added: Secret<A> = { ...secret, versions: [...secret.versions, versionOf(next, [])] }
    // The current label goes first: moving it hands the previous label to the old current version,
    // and a previous label listed for the new version must then move on to it, in any listed order.
    const listed = stages === undefined ? [rules.currentStage] : [...new Set(stages)]
    const labels = listed.includes(rules.currentStage)
      ? [rules.currentStage, ...listed.filter((stage) => stage !== rules.currentStage)]
      : listed
    const labelled = labels.reduce((s, stage) => attach(rules, s, stage, next.versionId), added)
    return E.map((s: Secret<A>) => prune(rules)(s))(withinStageLimit(rules)(labelled))
  }

/**
 * Moves, attaches or removes one stage label (Alibaba's UpdateSecretVersionStage):
 * - `to` only: attach the label to `to`, taking it from wherever it was;
 * - `from` only: remove the label from `from` (refused for the current and previous labels, which
 *   can only move);
 * - both: the label must be on `from`; it moves to `to`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const moveStage =
  (rules: Rules) =>
  (move: { readonly stage: StageLabel; readonly from?: VersionId; readonly to?: VersionId }) =>
  <A>(secret: Secret<A>): E.Either<DomainError.DomainError, Secret<A>> => {
    const { stage, from, to } = move
    if (from === undefined && to === undefined) return E.left({ _tag: 'StageMoveUnspecified', stage })
    if (from !== undefined) {
      const source = findVersion(from)(secret)
      if (O.isNone(source)) return E.left(DomainError.versionNotFound(from))
      if (!Version.hasStage(stage)(source.value))
        return E.left({ _tag: 'StageLabelNotOnVersion', stage, versionId: from })
    }
    if (to === undefined) {
      if (stage === rules.currentStage || stage === rules.previousStage) {
        return E.left({ _tag: 'ProtectedStageLabel', stage })
      }
      return E.right(mapVersions(secret, Version.withoutStage(stage)))
    }
    if (O.isNone(findVersion(to)(secret))) return E.left(DomainError.versionNotFound(to))
    return withinStageLimit(rules)(attach(rules, secret, stage, to))
  }

/**
 * Removes the oldest unlabeled versions until at most `maxVersions` remain. Labeled versions are
 * never pruned.
 *
 * @category combinators
 * @since 0.1.0
 */
export const prune =
  (rules: Rules) =>
  <A>(secret: Secret<A>): Secret<A> => {
    let excess = secret.versions.length - rules.maxVersions
    if (excess <= 0) return secret
    const versions = secret.versions.filter((v) => {
      if (excess > 0 && Version.isDeprecated(v)) {
        excess--
        return false
      }
      return true
    })
    return { ...secret, versions }
  }

/**
 * @category combinators
 * @since 0.1.0
 */
export const map =
  <A, B>(f: (a: A) => B) =>
  (secret: Secret<A>): Secret<B> => ({ ...secret, versions: secret.versions.map(Version.map(f)) })

// -------------------------------------------------------------------------------------
// laws
// -------------------------------------------------------------------------------------

/**
 * Every invariant of the module that `secret` breaks, described in words; empty when it holds them
 * all. Conformance suites and property tests check this after every step.
 *
 * @category laws
 * @since 0.1.0
 */
export const invariantViolations =
  (rules: Rules) =>
  <A>(secret: Secret<A>): ReadonlyArray<string> => {
    const violations: Array<string> = []
    const ids = secret.versions.map((v) => v.versionId)
    if (new Set(ids).size !== ids.length) violations.push('version ids are not unique')
    const labels = stages(secret)
    const distinct = new Set(labels)
    if (distinct.size !== labels.length) violations.push('a stage label marks more than one version')
    const current = secret.versions.filter(Version.hasStage(rules.currentStage)).length
    if (current !== 1) violations.push(`${current} versions carry ${rules.currentStage}`)
    if (secret.versions.length > rules.maxVersions) violations.push(`more than ${rules.maxVersions} versions`)
    if (distinct.size > rules.maxStages) violations.push(`more than ${rules.maxStages} stage labels`)
    return violations
  }

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/**
 * A version as one object literal, always with the same keys in the same order: a spread of the
 * caller's object would give each version its own hidden class in V8 (about 200 bytes more per
 * secret at a million secrets, and slower property reads).
 */
const versionOf = <A>(next: NewVersion<A>, stages: ReadonlyArray<StageLabel>): Version.Version<A> => ({
  versionId: next.versionId,
  createdAt: next.createdAt,
  stages,
  value: next.value,
})

// One shared, frozen `[currentStage]` per dialect: most versions carry exactly that list, and the
// stages of a version are never mutated, only replaced, so sharing it saves an array per secret.
const onlyCurrentByRules = new WeakMap<Rules, ReadonlyArray<StageLabel>>()
const onlyCurrent = (rules: Rules): ReadonlyArray<StageLabel> => {
  const cached = onlyCurrentByRules.get(rules)
  if (cached !== undefined) return cached
  const stages = Object.freeze([rules.currentStage])
  onlyCurrentByRules.set(rules, stages)
  return stages
}

const mapVersions = <A>(secret: Secret<A>, f: (v: Version.Version<A>) => Version.Version<A>): Secret<A> => ({
  ...secret,
  versions: secret.versions.map(f),
})

/** Puts `stage` on `versionId` alone; moving the current label hands the previous label on. */
const attach = <A>(rules: Rules, secret: Secret<A>, stage: StageLabel, versionId: VersionId): Secret<A> => {
  const holder = O.toUndefined(findByStage(stage)(secret))
  if (holder?.versionId === versionId) return secret
  const add = Version.withStage(stage)
  const drop = Version.withoutStage(stage)
  const moved = mapVersions(secret, (v) => (v.versionId === versionId ? add(v) : drop(v)))
  return stage === rules.currentStage && holder !== undefined
    ? attach(rules, moved, rules.previousStage, holder.versionId)
    : moved
}

const withinStageLimit =
  (rules: Rules) =>
  <A>(secret: Secret<A>): E.Either<DomainError.DomainError, Secret<A>> =>
    secret.versions.reduce((labels, v) => labels + v.stages.length, 0) > rules.maxStages
      ? E.left(DomainError.stageLabelLimitExceeded(rules.maxStages))
      : E.right(secret)
