// The whole life of a secret on the embedded engine: nothing to configure, values encrypted at rest.
//
//   pnpm exec tsc -b && node examples/lifecycle.js
//
// Every call takes the parameters an Alibaba Cloud KMS request carries (strings) and returns an fp-ts
// TaskEither: run it (the trailing `()`) to get Right(response) or Left({ code, httpStatus, message }).
import { createSecretsManager } from '@secrets-engine/alibaba'
import { MemoryStore } from '@secrets-engine/store-memory'

// The default store is a MemoryStore too; this one is named so that step 12 can look inside it.
const store = MemoryStore.make()
const engine = createSecretsManager({ store })

const step = async (title, run) => {
  const result = await run()
  console.log(`\n${title}`)
  if (result._tag === 'Left') {
    const { httpStatus, code, message } = result.left
    console.log(`  refused: HTTP ${httpStatus} ${code}: ${message}`)
  } else {
    const { RequestId: _requestId, ...body } = result.right
    for (const [field, value] of Object.entries(body)) {
      const shown =
        typeof value === 'string' ? value : JSON.stringify(value, null, 2).replaceAll('\n', '\n' + ' '.repeat(21))
      console.log(`  ${field.padEnd(18)} ${shown}`)
    }
  }
  return result
}

await step('1. CreateSecret: a generic secret, its first version v1 labelled ACSCurrent', () =>
  engine.createSecret({
    SecretName: 'billing/db-password',
    VersionId: 'v1',
    SecretData: 'correct horse battery staple',
    Description: 'the billing database password',
    Tags: '[{"TagKey":"team","TagValue":"billing"}]',
  })(),
)

await step('2. GetSecretValue: ACSCurrent by default', () =>
  engine.getSecretValue({ SecretName: 'billing/db-password' })(),
)

await step('3. PutSecretValue: v2 becomes ACSCurrent, v1 becomes ACSPrevious', () =>
  engine.putSecretValue({ SecretName: 'billing/db-password', VersionId: 'v2', SecretData: 'Tr0ub4dor&3' })(),
)

await step('4. UpdateSecretVersionStage: move ACSCurrent back to v1 (v2 becomes ACSPrevious)', () =>
  engine.updateSecretVersionStage({
    SecretName: 'billing/db-password',
    VersionStage: 'ACSCurrent',
    RemoveFromVersion: 'v2',
    MoveToVersion: 'v1',
  })(),
)

await step('5. ListSecretVersionIds: the versions and their labels', () =>
  engine.listSecretVersionIds({ SecretName: 'billing/db-password' })(),
)

await step('6. ListSecrets: filtered by tag key, with tags', () =>
  engine.listSecrets({ Filters: '[{"Key":"TagKey","Values":["team"]}]', FetchTags: 'true' })(),
)

await step('7. DeleteSecret: scheduled, with a 7-day recovery window', () =>
  engine.deleteSecret({ SecretName: 'billing/db-password', RecoveryWindowInDays: '7' })(),
)

await step('8. GetSecretValue while the secret waits for deletion', () =>
  engine.getSecretValue({ SecretName: 'billing/db-password' })(),
)

await step('9. RestoreSecret: the deletion is cancelled', () =>
  engine.restoreSecret({ SecretName: 'billing/db-password' })(),
)

await step('10. GetSecretValue after the restore', () => engine.getSecretValue({ SecretName: 'billing/db-password' })())

await step('11. An exact error: CreateSecret with a name that is taken', () =>
  engine.createSecret({ SecretName: 'billing/db-password', VersionId: 'v1', SecretData: 'x' })(),
)

const snapshot = JSON.stringify(store.snapshot())
const leaked = ['correct horse battery staple', 'Tr0ub4dor&3'].filter((value) => snapshot.includes(value))
console.log('\n12. What the store holds: envelopes only')
console.log(`  snapshot size      ${snapshot.length} characters of JSON`)
console.log(`  plaintext in it    ${leaked.length === 0 ? 'none of the values written above' : leaked.join(', ')}`)
