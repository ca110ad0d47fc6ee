// A tour of every action of @secrets-engine/alibaba: the example calls of packages/alibaba/README.md,
// in the README's order, printing the results the README shows.
//
//   pnpm exec tsc -b && node examples/api-tour.js
//
// Every call takes the parameters an Alibaba Cloud KMS request carries (strings; JSON-valued ones as
// JSON text) and returns an fp-ts TaskEither: run it (the trailing `()`) to get
// { _tag: 'Right', right: body } or { _tag: 'Left', left: { code, httpStatus, message } }. The tour
// prints them as `Right { ...body }` and `Left { ... }`, leaving out the RequestId of each body.
//
// The engine runs on a manual clock and a SEEDED random source only so that the tour prints the same
// text on every run and the README can quote it. Never pass a seeded source outside tests and demos:
// the engine also draws key material and nonces from it.
import { inspect } from 'node:util'
import { createSecretsManager, validateRequest } from '@secrets-engine/alibaba'
import { Random } from '@secrets-engine/core'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'

let clock = Date.parse('2025-01-01T00:00:00Z')
const engine = createSecretsManager({ now: () => new Date(clock), random: Random.seeded(2025) })

const render = (result) => {
  if (result._tag === 'Left') return `Left ${inspect(result.left, { depth: null })}`
  const { RequestId: _requestId, ...body } = result.right
  return `Right ${inspect(body, { depth: null })}`
}

const section = (title) => console.log(`\n\n# ${title}`)

const show = async (title, task) => {
  const result = await task()
  console.log(`\n== ${title}\n${render(result)}`)
  return result
}

// -------------------------------------------------------------------------------------------------
section('Results')
// -------------------------------------------------------------------------------------------------

const password = await engine.getRandomPassword({ PasswordLength: '8' })()
console.log('\n== the Either of a call, as it is')
console.log(`_tag: ${password._tag}, body fields: ${Object.keys(password.right).join(', ')}`)
console.log(
  `RequestId is a UUID v4: ${/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(password.right.RequestId)}`,
)

const describe = (name) =>
  pipe(
    engine.describeSecret({ SecretName: name }),
    TE.match(
      (error) => `${error.httpStatus} ${error.code}`,
      (body) => `${body.SecretName} is a ${body.SecretType} secret`,
    ),
  )
console.log('\n== fp-ts: TE.match over a call')
console.log(await describe('app/nope')())

await show('request: an action the API does not have', engine.request('GetSecretValues', { SecretName: 'x' }))
await show('request: a parameter that is not a string', engine.request('GetSecretValue', { SecretName: 42 }))

// -------------------------------------------------------------------------------------------------
section('Redacted')
// -------------------------------------------------------------------------------------------------

const decoded = validateRequest('CreateSecret', { SecretName: 'app/x', VersionId: 'v1', SecretData: 'hunter2' })
console.log('\n== a decoded command, printed and serialised')
console.log(`${decoded.right.secretData}`)
console.log(JSON.stringify(decoded.right))

await show(
  'CreateSecret: an Rds value of the wrong shape',
  engine.createSecret({
    SecretName: 'app/db',
    VersionId: 'v1',
    SecretType: 'Rds',
    SecretData: '{"Accounts":[{"AccountName":"orders","Password":"hunter2"}]}',
    ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-orders"}',
  }),
)

// -------------------------------------------------------------------------------------------------
section('CreateSecret')
// -------------------------------------------------------------------------------------------------

await show(
  'CreateSecret: a generic secret',
  engine.createSecret({
    SecretName: 'app/api-token',
    VersionId: 'v1',
    SecretData: 'tok-0001',
    Description: 'the API token',
    Tags: '[{"TagKey":"team","TagValue":"payments"}]',
  }),
)

await show(
  'CreateSecret: an Rds secret that rotates every 30 days',
  engine.createSecret({
    SecretName: 'app/orders-db',
    VersionId: 'v1',
    SecretType: 'Rds',
    SecretData: '{"Accounts":[{"AccountName":"orders","AccountPassword":"initial-pw"}]}',
    ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-orders"}',
    EnableAutomaticRotation: 'true',
    RotationInterval: '30d',
  }),
)

await show(
  'CreateSecret through request, with a binary value',
  engine.request('CreateSecret', {
    SecretName: 'app/blob',
    VersionId: 'v1',
    SecretData: 'AAECAw==',
    SecretDataType: 'binary',
  }),
)

await show(
  'CreateSecret: the name is taken',
  engine.createSecret({ SecretName: 'app/api-token', VersionId: 'v1', SecretData: 'other' }),
)

await show(
  'CreateSecret: automatic rotation of a Generic secret',
  engine.createSecret({
    SecretName: 'app/other',
    VersionId: 'v1',
    SecretData: 'x',
    EnableAutomaticRotation: 'true',
    RotationInterval: '30d',
  }),
)

// -------------------------------------------------------------------------------------------------
section('GetSecretValue')
// -------------------------------------------------------------------------------------------------

await show('GetSecretValue: ACSCurrent', engine.getSecretValue({ SecretName: 'app/api-token' }))

await show('GetSecretValue: a secret that does not exist', engine.getSecretValue({ SecretName: 'app/nope' }))

await show(
  'GetSecretValue: VersionId and VersionStage that disagree',
  engine.getSecretValue({ SecretName: 'app/api-token', VersionId: 'v1', VersionStage: 'ACSPrevious' }),
)

await show('GetSecretValue: an Rds secret reads as one account', engine.getSecretValue({ SecretName: 'app/orders-db' }))

// -------------------------------------------------------------------------------------------------
section('PutSecretValue')
// -------------------------------------------------------------------------------------------------

clock = Date.parse('2025-01-01T01:00:00Z')

await show(
  'PutSecretValue: v2 becomes ACSCurrent',
  engine.putSecretValue({ SecretName: 'app/api-token', VersionId: 'v2', SecretData: 'tok-0002' }),
)

await show(
  'PutSecretValue: v2 again with other data',
  engine.putSecretValue({ SecretName: 'app/api-token', VersionId: 'v2', SecretData: 'tok-9999' }),
)

await show(
  'PutSecretValue: a version of an Rds secret',
  engine.putSecretValue({ SecretName: 'app/orders-db', VersionId: 'v2', SecretData: '{}' }),
)

// -------------------------------------------------------------------------------------------------
section('BatchGetSecretValue')
// -------------------------------------------------------------------------------------------------

await show(
  'BatchGetSecretValue: one secret read, one not found',
  engine.batchGetSecretValue({
    SecretsList: '[{"SecretName":"app/api-token","VersionStage":"ACSPrevious"},{"SecretName":"app/nope"}]',
  }),
)

await show('BatchGetSecretValue: an empty list', engine.batchGetSecretValue({ SecretsList: '[]' }))

// -------------------------------------------------------------------------------------------------
section('UpdateSecretVersionStage')
// -------------------------------------------------------------------------------------------------

await show(
  'UpdateSecretVersionStage: label v2 canary',
  engine.updateSecretVersionStage({ SecretName: 'app/api-token', VersionStage: 'canary', MoveToVersion: 'v2' }),
)

await show(
  'UpdateSecretVersionStage: take ACSCurrent off v2',
  engine.updateSecretVersionStage({ SecretName: 'app/api-token', VersionStage: 'ACSCurrent', RemoveFromVersion: 'v2' }),
)

// -------------------------------------------------------------------------------------------------
section('ListSecretVersionIds')
// -------------------------------------------------------------------------------------------------

await show('ListSecretVersionIds', engine.listSecretVersionIds({ SecretName: 'app/api-token' }))

await show(
  'ListSecretVersionIds: PageSize out of range',
  engine.listSecretVersionIds({ SecretName: 'app/api-token', PageSize: '500' }),
)

// -------------------------------------------------------------------------------------------------
section('DescribeSecret')
// -------------------------------------------------------------------------------------------------

await show('DescribeSecret: with its tags', engine.describeSecret({ SecretName: 'app/api-token', FetchTags: 'true' }))

await show(
  'DescribeSecret: an Rds secret, by ARN',
  engine.describeSecret({ SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/app/orders-db' }),
)

// -------------------------------------------------------------------------------------------------
section('ListSecrets')
// -------------------------------------------------------------------------------------------------

await show(
  'ListSecrets: filtered by tag key',
  engine.listSecrets({ Filters: '[{"Key":"TagKey","Values":["team"]}]', FetchTags: 'true' }),
)

await show('ListSecrets: an unknown filter key', engine.listSecrets({ Filters: '[{"Key":"Owner","Values":["me"]}]' }))

// -------------------------------------------------------------------------------------------------
section('UpdateSecret')
// -------------------------------------------------------------------------------------------------

await show(
  'UpdateSecret: a new description',
  engine.updateSecret({ SecretName: 'app/api-token', Description: 'the payments API token' }),
)

await show(
  'UpdateSecret: CustomData of a Generic secret',
  engine.updateSecret({ SecretName: 'app/api-token', 'ExtendedConfig.CustomData': '{"owner":"payments"}' }),
)

// -------------------------------------------------------------------------------------------------
section('SetSecretPolicy')
// -------------------------------------------------------------------------------------------------

await show(
  'SetSecretPolicy',
  engine.setSecretPolicy({
    SecretName: 'app/api-token',
    Policy:
      '{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:role/app"]},"Action":["kms:GetSecretValue"],"Resource":["*"]}]}',
  }),
)

await show(
  'SetSecretPolicy: a policy without Statement',
  engine.setSecretPolicy({ SecretName: 'app/api-token', Policy: '{"Version":"1"}' }),
)

// -------------------------------------------------------------------------------------------------
section('GetSecretPolicy')
// -------------------------------------------------------------------------------------------------

await show('GetSecretPolicy: the default policy', engine.getSecretPolicy({ SecretName: 'app/orders-db' }))

await show('GetSecretPolicy: after SetSecretPolicy', engine.getSecretPolicy({ SecretName: 'app/api-token' }))

await show(
  'GetSecretPolicy: another policy name',
  engine.getSecretPolicy({ SecretName: 'app/api-token', PolicyName: 'extra' }),
)

// -------------------------------------------------------------------------------------------------
section('DeleteSecret')
// -------------------------------------------------------------------------------------------------

await show(
  'DeleteSecret: a 7-day recovery window',
  engine.deleteSecret({ SecretName: 'app/api-token', RecoveryWindowInDays: '7' }),
)

await show('GetSecretValue: during the recovery window', engine.getSecretValue({ SecretName: 'app/api-token' }))

await show('DeleteSecret: at once', engine.deleteSecret({ SecretName: 'app/blob', ForceDeleteWithoutRecovery: 'true' }))

await show('DeleteSecret: a secret that does not exist', engine.deleteSecret({ SecretName: 'app/blob' }))

// -------------------------------------------------------------------------------------------------
section('RestoreSecret')
// -------------------------------------------------------------------------------------------------

await show('RestoreSecret', engine.restoreSecret({ SecretName: 'app/api-token' }))

await show('RestoreSecret: a secret not pending deletion', engine.restoreSecret({ SecretName: 'app/api-token' }))

// -------------------------------------------------------------------------------------------------
section('TagResource')
// -------------------------------------------------------------------------------------------------

await show(
  'TagResource',
  engine.tagResource({ SecretName: 'app/api-token', Tags: '[{"TagKey":"env","TagValue":"prod"}]' }),
)

await show(
  'TagResource: a KMS key',
  engine.tagResource({ KeyId: 'key-1', Tags: '[{"TagKey":"env","TagValue":"prod"}]' }),
)

// -------------------------------------------------------------------------------------------------
section('UntagResource')
// -------------------------------------------------------------------------------------------------

await show('UntagResource', engine.untagResource({ SecretName: 'app/api-token', TagKeys: '["env"]' }))

await show('UntagResource: no key', engine.untagResource({ SecretName: 'app/api-token', TagKeys: '[]' }))

// -------------------------------------------------------------------------------------------------
section('TagResources')
// -------------------------------------------------------------------------------------------------

await show(
  'TagResources',
  engine.tagResources({
    RegionId: 'cn-hangzhou',
    ResourceType: 'secret',
    'ResourceId.1': 'app/api-token',
    'ResourceId.2': 'app/orders-db',
    'Tag.1.Key': 'env',
    'Tag.1.Value': 'prod',
  }),
)

await show(
  'TagResources: a reserved tag key',
  engine.tagResources({
    RegionId: 'cn-hangzhou',
    ResourceType: 'secret',
    'ResourceId.1': 'app/api-token',
    'Tag.1.Key': 'aliyun-owner',
    'Tag.1.Value': 'me',
  }),
)

// -------------------------------------------------------------------------------------------------
section('UntagResources')
// -------------------------------------------------------------------------------------------------

await show(
  'UntagResources',
  engine.untagResources({
    RegionId: 'cn-hangzhou',
    ResourceType: 'secret',
    'ResourceId.1': 'app/orders-db',
    'TagKey.1': 'env',
  }),
)

await show(
  'UntagResources: a secret that does not exist',
  engine.untagResources({ RegionId: 'cn-hangzhou', ResourceType: 'secret', 'ResourceId.1': 'app/nope', All: 'true' }),
)

// -------------------------------------------------------------------------------------------------
section('ListTagResources')
// -------------------------------------------------------------------------------------------------

await show(
  'ListTagResources: the secrets tagged env=prod',
  engine.listTagResources({
    RegionId: 'cn-hangzhou',
    ResourceType: 'secret',
    'Tag.1.Key': 'env',
    'Tag.1.Value': 'prod',
  }),
)

await show(
  'ListTagResources: a NextToken it never gave',
  engine.listTagResources({ RegionId: 'cn-hangzhou', ResourceType: 'secret', NextToken: 'page-2' }),
)

// -------------------------------------------------------------------------------------------------
section('UpdateSecretRotationPolicy')
// -------------------------------------------------------------------------------------------------

await show(
  'UpdateSecretRotationPolicy: every 7 days',
  engine.updateSecretRotationPolicy({
    SecretName: 'app/orders-db',
    EnableAutomaticRotation: 'true',
    RotationInterval: '7d',
  }),
)

await show(
  'UpdateSecretRotationPolicy: under 7 days',
  engine.updateSecretRotationPolicy({
    SecretName: 'app/orders-db',
    EnableAutomaticRotation: 'true',
    RotationInterval: '1d',
  }),
)

// -------------------------------------------------------------------------------------------------
section('RotateSecret')
// -------------------------------------------------------------------------------------------------

await show('RotateSecret', engine.rotateSecret({ SecretName: 'app/orders-db', VersionId: 'r1' }))

await show('RotateSecret: a Generic secret', engine.rotateSecret({ SecretName: 'app/api-token', VersionId: 'r1' }))

// -------------------------------------------------------------------------------------------------
section('GetRandomPassword')
// -------------------------------------------------------------------------------------------------

await show(
  'GetRandomPassword: 16 characters, no punctuation',
  engine.getRandomPassword({ PasswordLength: '16', ExcludePunctuation: 'true' }),
)

await show('GetRandomPassword: too short', engine.getRandomPassword({ PasswordLength: '4' }))

// -------------------------------------------------------------------------------------------------
section('Time')
// -------------------------------------------------------------------------------------------------

await show(
  'DeleteSecret: app/api-token, 7 days',
  engine.deleteSecret({ SecretName: 'app/api-token', RecoveryWindowInDays: '7' }),
)

clock = Date.parse('2025-01-09T00:00:00Z')

await show('DescribeSecret: after the recovery window', engine.describeSecret({ SecretName: 'app/api-token' }))

await show('DescribeSecret: after the rotation date', engine.describeSecret({ SecretName: 'app/orders-db' }))

await show(
  'ListSecretVersionIds: after the automatic rotation',
  engine.listSecretVersionIds({ SecretName: 'app/orders-db' }),
)
