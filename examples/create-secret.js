// Decoding an Alibaba Cloud KMS CreateSecret request with @secrets-engine/alibaba.
//
//   pnpm exec tsc -b && node examples/create-secret.js
//
// validateRequest(action, params) takes the parameters as an RPC request carries them (all strings;
// JSON-valued ones such as Tags as JSON text) and returns an fp-ts Either: Right(command) when every
// documented rule holds, Left({ code, httpStatus, message }) with Alibaba's exact error otherwise.
import { validateRequest } from '@secrets-engine/alibaba'

// The sample request of the CreateSecret documentation (an ApsaraDB RDS secret), with the
// ExtendedConfig that an Rds secret requires. Tags is in the backslash-escaped form the page prints.
const request = {
  SecretName: 'mydbconninfo',
  VersionId: 'v1',
  EncryptionKeyId: 'key-gzz63ff0db5hg3qje****',
  SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"****"}]}',
  SecretDataType: 'text',
  Description: 'mydbinfo',
  Tags: '[{\\"TagKey\\":\\"key1\\",\\"TagValue\\":\\"val1\\"},{\\"TagKey\\":\\"key2\\",\\"TagValue\\":\\"val2\\"}]',
  SecretType: 'Rds',
  ExtendedConfig:
    '{"SecretSubType":"SingleUser", "DBInstanceId":"rm-bp1b3dd3a506e****" ,"CustomData":{"Key1": "v1", "fds":"fdsf"}}',
  EnableAutomaticRotation: 'true',
  RotationInterval: '30d',
  DKMSInstanceId: 'kst-bjj62d8f5e0sgtx8h****',
  Policy:
    '{"Version":"1","Statement": [{"Sid":"kms default secret policy","Effect":"Allow","Principal":{"RAM": ["acs:ram::119285303511****:*"]},"Action":["kms:*"],"Resource": ["*"] }] }',
}

const show = (title, result) => {
  console.log(`\n${title}`)
  if (result._tag === 'Right') {
    const command = result.right // its secret value is Redacted: it prints as <redacted>
    console.log('  accepted, decoded into this command:')
    console.log(`    secret name      ${command.secretName}`)
    console.log(`    version id       ${command.versionId}`)
    console.log(`    secret type      ${command.secretType} (data type ${command.dataType})`)
    console.log(`    secret data      ${command.secretData}`)
    console.log(`    extended config  ${JSON.stringify(command.extendedConfig?.value)}`)
    console.log(`    tags             ${command.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')}`)
    console.log(
      `    rotation         ${command.rotation.enabled ? `every ${command.rotation.intervalSeconds}s (${command.rotation.intervalSeconds / 86_400} days)` : 'disabled'}`,
    )
    console.log(`    policy           ${command.policy === undefined ? 'default' : 'custom (valid)'}`)
    console.log(`    description      ${command.description ?? '-'}`)
    console.log(`    encryption key   ${command.encryptionKeyId ?? 'default'}`)
    console.log(`    KMS instance     ${command.dkmsInstanceId ?? '-'}`)
  } else {
    const { httpStatus, code, message } = result.left
    console.log(`  refused: HTTP ${httpStatus} ${code}`)
    console.log(`  ${message}`)
  }
}

show('1. The documented sample request:', validateRequest('CreateSecret', request))

show(
  '2. The same request with RotationInterval=5h (the minimum is 6 hours):',
  validateRequest('CreateSecret', { ...request, RotationInterval: '5h' }),
)

show(
  '3. An Rds secret whose value lacks AccountPassword (the value never appears in the error):',
  validateRequest('CreateSecret', { ...request, SecretData: '{"Accounts":[{"AccountName":"user1"}]}' }),
)

show('4. An action the API does not have:', validateRequest('CreateSecrets', request))
