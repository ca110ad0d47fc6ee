/**
 * The floor suite: how close to the bare envelope seal a write can get at all. It times a minimal
 * CreateSecret and PutSecretValue, written by hand for this comparison and not part of any package,
 * beside the bare `cipher.seal` of the same 100 B value on node:crypto, interleaved as the engine
 * suite times the engine.
 *
 * The minimal writes do only what every write must, in the plainest code V8 runs fast (literals,
 * loops, one async function each): copy the wire parameters and check they are
 * strings, check the name and version id against one pattern, find the name in a `Map`, encode the
 * value, seal it for its name and version, write the envelope as base64, build the record frozen
 * (PutSecretValue also moves ACSCurrent and ACSPrevious and keeps 10 versions), put it in the `Map`
 * and answer with a request id. They leave out what the engine does besides: the other parameters
 * and their errors, the key lookup, the quota, the compare-and-set transaction and its retries,
 * expiry and rotation, custom labels, the error mapping. Their ratio is the least any complete
 * engine on this runtime and adapter could show; the engine suite's ratio less this one is what the
 * engine's own work costs.
 */
import { Base64, type Keyring, Text } from '@secrets-engine/core'
import { MemoryKeyring, NodeAesGcm } from '@secrets-engine/crypto'
import * as E from 'fp-ts/lib/Either.js'
import { measure, type Comparison, type Measure, type Options, type Report, type Suite, type Task } from './Suite.js'

interface MinimalVersion {
  readonly versionId: string
  readonly createdAt: number
  readonly stages: ReadonlyArray<string>
  readonly value: { readonly envelope: string; readonly dataType: string }
}

interface MinimalRecord {
  readonly name: string
  readonly createdAt: number
  readonly keyId: string
  readonly versions: ReadonlyArray<MinimalVersion>
}

type Params = Record<string, string>

const current = Object.freeze(['ACSCurrent'])
const previous = Object.freeze(['ACSPrevious'])
const none = Object.freeze([])
const pattern = /^[a-zA-Z0-9_/+=.@-]{1,192}$/
const maxVersions = 10

const minimalEngine = (keyring: Keyring.Keyring, keyId: string) => {
  const cipher = NodeAesGcm.make({ keyring })
  const records = new Map<string, MinimalRecord>()
  let requests = 0

  const paramsOf = (input: object): Params | undefined => {
    const params: Params = Object.create(null) as Params
    for (const name in input) {
      const value: unknown = (input as Record<string, unknown>)[name]
      if (typeof value !== 'string') return undefined
      params[name] = value
    }
    const { SecretName, VersionId, SecretData } = params
    return SecretName !== undefined && pattern.test(SecretName) && VersionId !== undefined && pattern.test(VersionId)
      ? SecretData !== undefined && SecretData.length <= 30_720
        ? params
        : undefined
      : undefined
  }

  const sealed = async (name: string, versionId: string, data: string): Promise<MinimalVersion['value']> => {
    const plaintext = Text.utf8Bytes(data)
    const envelope = await cipher.seal({ keyId, plaintext, context: { secretName: name, versionId } })()
    plaintext.fill(0)
    if (E.isLeft(envelope)) throw new Error(envelope.left._tag)
    return Object.freeze({ envelope: Base64.encode(envelope.right.bytes), dataType: 'text' })
  }

  const createSecret = async (input: object): Promise<object> => {
    const params = paramsOf(input)
    if (params === undefined) throw new Error('invalid parameters')
    const { SecretName: name = '', VersionId: versionId = '', SecretData: data = '' } = params
    if (records.has(name)) throw new Error('exists')
    const now = Date.now()
    const value = await sealed(name, versionId, data)
    const version = Object.freeze({ versionId, createdAt: now, stages: current, value })
    records.set(name, Object.freeze({ name, createdAt: now, keyId, versions: Object.freeze([version]) }))
    return { RequestId: `r-${++requests}`, SecretName: name, VersionId: versionId, SecretType: 'Generic' }
  }

  const putSecretValue = async (input: object): Promise<object> => {
    const params = paramsOf(input)
    if (params === undefined) throw new Error('invalid parameters')
    const { SecretName: name = '', VersionId: versionId = '', SecretData: data = '' } = params
    const record = records.get(name)
    if (record === undefined) throw new Error('not found')
    for (const v of record.versions) if (v.versionId === versionId) throw new Error('version exists')
    const now = Date.now()
    const value = await sealed(name, versionId, data)
    const versions: Array<MinimalVersion> = []
    for (const v of record.versions) {
      const stages = v.stages[0] === 'ACSCurrent' ? previous : v.stages[0] === 'ACSPrevious' ? none : v.stages
      versions.push(
        stages === v.stages
          ? v
          : Object.freeze({ versionId: v.versionId, createdAt: v.createdAt, stages, value: v.value }),
      )
    }
    versions.push(Object.freeze({ versionId, createdAt: now, stages: current, value }))
    // At most 10 versions: the oldest unlabelled ones go first, a labelled one always stays.
    let excess = versions.length - maxVersions
    const kept = versions.filter((v) => {
      if (excess <= 0 || v.stages.length > 0) return true
      excess--
      return false
    })
    records.set(name, Object.freeze({ name, createdAt: record.createdAt, keyId, versions: Object.freeze(kept) }))
    return {
      RequestId: `r-${++requests}`,
      SecretName: name,
      VersionId: versionId,
      VersionStages: { VersionStage: current },
    }
  }

  return { createSecret, putSecretValue }
}

const run = async (options: Options): Promise<Report> => {
  const keyring = MemoryKeyring.make()
  const key = await keyring.defaultKey()()
  if (E.isLeft(key)) throw new Error('no default key')
  const keyId = key.right.keyId
  const engine = minimalEngine(keyring, keyId)
  const cipher = NodeAesGcm.make({ keyring })
  const data = 'x'.repeat(100)
  const plaintext = new TextEncoder().encode(data)
  const context = { secretName: 'bench/read', versionId: 'v1' }
  // As in the engine suite: 1,000 other secrets, and one secret that PutSecretValue writes to.
  for (let i = 0; i < 1000; i++)
    await engine.createSecret({ SecretName: `bench/other-${i}`, VersionId: 'v1', SecretData: 'o' })
  await engine.createSecret({ SecretName: 'bench/write', VersionId: 'w0', SecretData: data })
  let n = 0
  const seal: readonly [string, Task] = [
    'node:crypto envelope seal',
    () => cipher.seal({ keyId, plaintext, context })(),
  ]
  // Each write in a measure of its own, PutSecretValue first, as in the engine suite: the collector
  // work that CreateSecret's kept secrets leave behind would otherwise be paid by the next task.
  const [put, putSeal] = await measure(options, [
    [
      'minimal PutSecretValue',
      () => engine.putSecretValue({ SecretName: 'bench/write', VersionId: `w${++n}`, SecretData: data }),
    ],
    seal,
  ])
  const [create, createSeal] = await measure(options, [
    [
      'minimal CreateSecret',
      () => engine.createSecret({ SecretName: `bench/new-${++n}`, VersionId: 'v1', SecretData: data }),
    ],
    seal,
  ])
  if (create === undefined || put === undefined || putSeal === undefined || createSeal === undefined) {
    throw new Error('missing measures')
  }
  const comparison = (subject: Measure, baseline: Measure): Comparison => ({
    suite: 'floor',
    case: 'node:crypto 100 B',
    subject,
    baseline,
    context: [],
  })
  return { comparisons: [comparison(put, putSeal), comparison(create, createSeal)] }
}

export const suite: Suite = { name: 'floor', run }
