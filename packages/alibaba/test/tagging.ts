// What the batch tag tests share: the request scope and an engine with some untagged secrets.
import { testEngine } from '../../../test/support/engine.js'

export const scope = { RegionId: 'cn-hangzhou', ResourceType: 'secret' } as const

export const setupSecrets = async (...names: ReadonlyArray<string>) => {
  const t = testEngine()
  for (const SecretName of names) await t.engine.createSecret({ SecretName, VersionId: 'v1', SecretData: 'x' })()
  return t
}
