/**
 * CreateSecretVersion (`POST /secrets/{name}/versions`): the next id (`v` and a counter that never
 * goes back), with SYSCURRENT by default, which hands SYSPREVIOUS to the version that had it, or
 * with the listed `version_stages`. Beyond 20 versions the oldest unstaged one goes. A 13th stage is
 * 400 CSMS.0203, an empty `version_stages` 400 CSMS.0002, a pending deletion 400 CSMS.0103.
 *
 * @since 0.1.0
 */
import fc from 'fast-check'
import {
  attach,
  CURRENT,
  exceedsStages,
  existing,
  invalid,
  isSecret,
  ok,
  pathOf,
  prune,
  request,
  stageLimit,
  type HuaweiCommand,
  type HuaweiModelVersion,
  versionMetadata,
} from '../Model.js'
import * as Pools from '../Pools.js'

/**
 * One CreateSecretVersion request of `value` on `name`, with `stages` as `version_stages` when given.
 *
 * @since 0.1.0
 */
export const createSecretVersionRequest = ({
  name,
  value,
  stages,
}: {
  readonly name: string
  readonly value: string
  readonly stages: ReadonlyArray<string> | undefined
}): HuaweiCommand =>
  request('createSecretVersion', (m) => {
    const sent = {
      method: 'POST',
      path: pathOf(m, ['secrets', name, 'versions']),
      body: { secret_string: value, ...(stages === undefined ? {} : { version_stages: stages }) },
    }
    // The body is decoded before the secret is looked up.
    if (stages !== undefined && stages.length === 0) return { sent, expected: invalid }
    const secret = existing(m, name, 'refused')
    if (!isSecret(secret)) return { sent, expected: secret }
    const listed = [...new Set(stages ?? [CURRENT])]
    if (exceedsStages(secret, listed)) return { sent, expected: stageLimit }
    const number = secret.lastVersion + 1
    const version: HuaweiModelVersion = { id: `v${number}`, number, value, createdAt: m.now, stages: [] }
    return {
      sent,
      expected: ok({ version_metadata: versionMetadata(secret, { ...version, stages: listed }) }),
      change: () => {
        secret.versions.push(version)
        // SYSCURRENT first: moving it hands SYSPREVIOUS on, and a listed SYSPREVIOUS then follows.
        const ordered = listed.includes(CURRENT) ? [CURRENT, ...listed.filter((s) => s !== CURRENT)] : listed
        for (const stage of ordered) attach(secret, stage, version, m.now)
        prune(secret)
        secret.lastVersion = number
        secret.updateTime = m.now
      },
    }
  })

/** @since 0.1.0 */
export const createSecretVersion: fc.Arbitrary<HuaweiCommand> = fc
  .record({
    name: Pools.reference,
    value: Pools.value,
    stages: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.array(Pools.stage, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant([]) },
    ),
  })
  .map(createSecretVersionRequest)
