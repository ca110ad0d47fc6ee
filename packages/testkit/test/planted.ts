// Deliberately broken targets: our engine behind wrappers that each break one documented rule. The
// conformance suite must catch every one of them (planted.test.ts).
import { createSecretsManager } from '@secrets-engine/alibaba'
import { epoch, fromEngine, type MakeTarget, type Outcome, type Target } from '@secrets-engine/testkit'

type Params = Readonly<Record<string, string>>

const wrap =
  (around: (inner: Target, action: string, params: Params, now: () => Date) => Promise<Outcome>): MakeTarget =>
  ({ now, random }) => {
    const inner = fromEngine(createSecretsManager({ now, random }))
    return { request: (action, params) => around(inner, action, params, now) }
  }

interface Listed {
  readonly VersionId: string
  readonly CreateTime: string
  readonly VersionStages: { readonly VersionStage: ReadonlyArray<string> }
}

const listed = async (inner: Target, name: string): Promise<ReadonlyArray<Listed>> => {
  const out = await inner.request('ListSecretVersionIds', {
    SecretName: name,
    IncludeDeprecated: 'true',
    PageSize: '100',
  })
  return out.ok ? (out.body['VersionIds'] as { VersionId: ReadonlyArray<Listed> }).VersionId : []
}

/** After PutSecretValue moves ACSCurrent, ACSPrevious is put back on the version that had it. */
export const acsPreviousNotMoved: MakeTarget = wrap(async (inner, action, params) => {
  if (action !== 'PutSecretValue' || params['VersionStages'] !== undefined) return inner.request(action, params)
  const name = params['SecretName'] ?? ''
  const before = (await listed(inner, name)).find((v) => v.VersionStages.VersionStage.includes('ACSPrevious'))
  const out = await inner.request(action, params)
  if (out.ok && before !== undefined) {
    await inner.request('UpdateSecretVersionStage', {
      SecretName: name,
      VersionStage: 'ACSPrevious',
      MoveToVersion: before.VersionId,
    })
  }
  return out
})

/** Versions are never pruned: ListSecretVersionIds still shows every version ever written. */
export const versionsNeverPruned: MakeTarget = ({ now, random }) => {
  const inner = fromEngine(createSecretsManager({ now, random }))
  const written = new Map<string, Array<Listed>>()
  const wire = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`
  return {
    request: async (action, params) => {
      const out = await inner.request(action, params)
      if (!out.ok) return out
      const name = String(out.body['SecretName'] ?? '')
      if (action === 'CreateSecret') written.set(name, [])
      if (action === 'CreateSecret' || action === 'PutSecretValue') {
        const list = written.get(name) ?? []
        if (!list.some((v) => v.VersionId === out.body['VersionId'])) {
          list.push({
            VersionId: String(out.body['VersionId']),
            CreateTime: wire(now()),
            VersionStages: { VersionStage: [] },
          })
        }
        written.set(name, list)
      }
      if (action === 'ListSecretVersionIds' && params['IncludeDeprecated'] === 'true') {
        const shown = (out.body['VersionIds'] as { VersionId: ReadonlyArray<Listed> }).VersionId
        const kept = await listed(inner, name)
        const pruned = (written.get(name) ?? []).filter((v) => !kept.some((k) => k.VersionId === v.VersionId))
        return {
          ok: true,
          body: {
            ...out.body,
            TotalCount: Number(out.body['TotalCount']) + pruned.length,
            VersionIds: { VersionId: [...pruned, ...shown] },
          },
        }
      }
      return out
    },
  }
}

/** The engine's clock is swallowed: time stands still for it, so no deletion window ever ends. */
export const deletionNeverExpires: MakeTarget = ({ random }) =>
  fromEngine(createSecretsManager({ now: () => new Date(epoch), random }))

/** PutSecretValue of a version id that exists is refused even with the same value. */
export const putNotIdempotent: MakeTarget = ({ now, random }) => {
  const inner = fromEngine(createSecretsManager({ now, random }))
  return {
    request: async (action, params) => {
      if (action === 'PutSecretValue') {
        const name = params['SecretName'] ?? ''
        const existed = (await listed(inner, name)).some((v) => v.VersionId === params['VersionId'])
        const out = await inner.request(action, params)
        return out.ok && existed
          ? { ok: false, code: 'Rejected.ResourceExist', httpStatus: 409, message: 'The resource already exists.' }
          : out
      }
      return inner.request(action, params)
    },
  }
}

/** Every 409 is answered as 400. */
export const conflictsAre400: MakeTarget = wrap(async (inner, action, params) => {
  const out = await inner.request(action, params)
  return !out.ok && out.httpStatus === 409 ? { ...out, httpStatus: 400 } : out
})

/** UpdateSecret answers success but drops the new description. */
export const updateSecretIgnored: MakeTarget = wrap((inner, action, params) => {
  if (action !== 'UpdateSecret') return inner.request(action, params)
  const { Description: _, ...rest } = params
  return inner.request(action, rest)
})

export const plantedBugs: ReadonlyArray<readonly [string, MakeTarget]> = [
  ['ACSPrevious not moved by PutSecretValue', acsPreviousNotMoved],
  ['versions never pruned', versionsNeverPruned],
  ['a deletion window that never expires', deletionNeverExpires],
  ['PutSecretValue not idempotent', putNotIdempotent],
  ['409 answered as 400', conflictsAre400],
  ['UpdateSecret drops the description', updateSecretIgnored],
]
