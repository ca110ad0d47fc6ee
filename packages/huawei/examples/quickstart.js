// The README's example: Huawei Cloud CSMS in memory with @secrets-engine/huawei.
//
//   pnpm exec tsc -b && node packages/huawei/examples/quickstart.js
//
// Every call returns an fp-ts TaskEither: run it (the trailing `()`) to get
// { _tag: 'Right', right: body } or { _tag: 'Left', left: { error_code, error_msg, httpStatus } }.
// The engine runs on a manual clock and a SEEDED random source only so that the output is the same
// on every run: never pass a seeded source outside tests and demos.
import { Random } from '@secrets-engine/core'
import { createCsms } from '@secrets-engine/huawei'

let clock = Date.parse('2026-01-01T00:00:00Z')
const csms = createCsms({ now: () => new Date(clock), random: Random.seeded(7) })
const project = csms.config.projectId

// Typed methods, named as in Huawei's SDK.
const created = await csms.createSecret({ name: 'db-password', secret_string: 's3cr3t' })()
console.log(created.right.secret.name, created.right.secret.state, created.right.secret.kms_key_id)

await csms.createSecretVersion('db-password', { secret_string: 'n3w-s3cr3t' })()
const latest = await csms.showSecretVersion('db-password', 'latest')()
console.log(latest.right.version.version_metadata.id, latest.right.version.secret_string)

const versions = await csms.listSecretVersions('db-password')()
console.log(versions.right.version_metadatas.map((v) => `${v.id}:${v.version_stages.join('+')}`).join(' '))

// The same engine through REST paths, as the HTTP server will route them.
const stage = await csms.request('PUT', `/v1/${project}/secrets/db-password/stages/canary`, { version_id: 'v1' })()
console.log(stage.right.stage)

// Errors carry Huawei's code, message and HTTP status.
const refused = await csms.request('DELETE', `/v1/${project}/secrets/db-password/stages/SYSCURRENT`)()
console.log(refused.left)

// Scheduled deletion follows the engine's clock.
await csms.deleteSecretForSchedule('db-password', { recovery_window_in_days: 7 })()
clock += 7 * 86_400_000
console.log((await csms.showSecret('db-password')()).left.error_code)
