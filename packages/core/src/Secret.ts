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
    // withStage gives the version the shared frozen list of the current label (see Version).
    versions: [Version.withStage(rules.currentStage)(versionOf(first, []))],
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
    O.fromNullable(secret.versions[indexOfVersion(secret.versions, versionId)])

/**
 * @category destructors
 * @since 0.1.0
 */
export const findByStage =
  (stage: string) =>
  <A>(secret: Secret<A>): O.Option<Version.Version<A>> =>
    O.fromNullable(secret.versions[indexOfStage(secret.versions, stage)])

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
    if (indexOfVersion(secret.versions, next.versionId) >= 0) {
      return E.left(DomainError.versionAlreadyExists(next.versionId))
    }
    const versions = [...secret.versions, versionOf(next, [])]
    const added = versions.length - 1
    if (stages === undefined) {
      attach(rules, versions, rules.currentStage, added)
    } else {
      // The current label goes first: moving it hands the previous label to the old current version,
      // and a previous label listed for the new version must then move on to it, in any listed order.
      if (stages.includes(rules.currentStage)) attach(rules, versions, rules.currentStage, added)
      for (const stage of stages) if (stage !== rules.currentStage) attach(rules, versions, stage, added)
    }
    const labelled = withinStageLimit(rules, withVersions(secret, versions))
    return E.isLeft(labelled) ? labelled : E.right(prune(rules)(labelled.right))
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
      return E.right(withVersions(secret, secret.versions.map(Version.withoutStage(stage))))
    }
    const target = indexOfVersion(secret.versions, to)
    if (target < 0) return E.left(DomainError.versionNotFound(to))
    const versions = [...secret.versions]
    attach(rules, versions, stage, target)
    return withinStageLimit(rules, withVersions(secret, versions))
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
    return withVersions(secret, versions)
  }

/**
 * @category combinators
 * @since 0.1.0
 */
export const map =
  <A, B>(f: (a: A) => B) =>
  (secret: Secret<A>): Secret<B> =>
    withVersions(secret, secret.versions.map(Version.map(f)))

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

/** `secret` with other versions, as one object literal with the same keys in the same order. */
const withVersions = <A, B>(secret: Secret<A>, versions: ReadonlyArray<Version.Version<B>>): Secret<B> => ({
  name: secret.name,
  createdAt: secret.createdAt,
  versions,
})

// Plain loops rather than `find` and `some`: the memory store freezes the arrays it keeps, and V8 (as
// of Node 20) runs `find`, `some`, `filter` and `slice` on a frozen array on a slow path, 5 to 30
// times slower than on another array; an indexed loop loses much less.

const indexOfVersion = <A>(versions: ReadonlyArray<Version.Version<A>>, versionId: string): number => {
  for (let i = 0; i < versions.length; i++) if (versions[i]?.versionId === versionId) return i
  return -1
}

const indexOfStage = <A>(versions: ReadonlyArray<Version.Version<A>>, stage: string): number => {
  for (let i = 0; i < versions.length; i++) if (versions[i]?.stages.includes(stage as StageLabel)) return i
  return -1
}

/**
 * Puts `stage` on `versions[target]` alone; moving the current label hands the previous label on.
 * It writes into `versions`, a copy its caller has just made (one copy per transition, not one per
 * label moved); the versions themselves are replaced, never changed.
 */
const attach = <A>(rules: Rules, versions: Array<Version.Version<A>>, stage: StageLabel, target: number): void => {
  const holder = indexOfStage(versions, stage)
  if (holder === target) return
  if (holder >= 0) {
    // No version before the first holder carries the label.
    const drop = Version.withoutStage(stage)
    for (let i = holder; i < versions.length; i++) {
      if (i !== target) versions[i] = drop(versions[i] as Version.Version<A>)
    }
  }
  versions[target] = Version.withStage(stage)(versions[target] as Version.Version<A>)
  if (stage === rules.currentStage && holder >= 0) attach(rules, versions, rules.previousStage, holder)
}

/** `secret`, or the error of a secret whose versions carry more than `maxStages` labels in all. */
const withinStageLimit = <A>(rules: Rules, secret: Secret<A>): E.Either<DomainError.DomainError, Secret<A>> => {
  let count = 0
  for (const version of secret.versions) count += version.stages.length
  return count > rules.maxStages ? E.left(DomainError.stageLabelLimitExceeded(rules.maxStages)) : E.right(secret)
}
