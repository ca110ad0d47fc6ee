import { validateRequest, type CreateSecretCommand } from '@secrets-engine/alibaba'
import { Redacted } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

// The example requests of the CreateSecret seeds, as the documentation prints them.
// Seed 000 (the current English page) wins where the editions differ.

const seed000 = {
  SecretName: 'mydbconninfo',
  VersionId: 'v1',
  EncryptionKeyId: 'key-gzz63ff0db5hg3qje****',
  SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"****"}]}',
  SecretDataType: 'text',
  Description: 'mydbinfo',
  Tags: '[{\\"TagKey\\":\\"key1\\",\\"TagValue\\":\\"val1\\"},{\\"TagKey\\":\\"key2\\",\\"TagValue\\":\\"val2\\"}]',
  SecretType: 'Rds',
  EnableAutomaticRotation: 'true',
  RotationInterval: '30d',
  DKMSInstanceId: 'kst-bjj62d8f5e0sgtx8h****',
  Policy:
    '{"Version":"1","Statement": [{"Sid":"kms default secret policy","Effect":"Allow","Principal":{"RAM": ["acs:ram::119285303511****:*"]},"Action":["kms:*"],"Resource": ["*"] }] }',
  // The seed's sample request leaves ExtendedConfig out, but an Rds secret requires it; this is the
  // parameter table's example value.
  ExtendedConfig:
    '{"SecretSubType":"SingleUser", "DBInstanceId":"rm-bp1b3dd3a506e****" ,"CustomData":{"Key1": "v1", "fds":"fdsf"}}',
}

const seed000Command: CreateSecretCommand = {
  _tag: 'CreateSecret',
  secretName: 'mydbconninfo' as CreateSecretCommand['secretName'],
  versionId: 'v1' as CreateSecretCommand['versionId'],
  secretData: Redacted.make('{"Accounts":[{"AccountName":"user1","AccountPassword":"****"}]}'),
  dataType: 'text',
  secretType: 'Rds',
  extendedConfig: {
    raw: seed000.ExtendedConfig,
    value: {
      SecretSubType: 'SingleUser',
      DBInstanceId: 'rm-bp1b3dd3a506e****',
      CustomData: { Key1: 'v1', fds: 'fdsf' },
    },
  },
  tags: [
    { key: 'key1', value: 'val1' },
    { key: 'key2', value: 'val2' },
  ],
  rotation: { enabled: true, intervalSeconds: 2_592_000 },
  policy: {
    raw: seed000.Policy,
    value: {
      Version: '1',
      Statement: [
        {
          Sid: 'kms default secret policy',
          Effect: 'Allow',
          Principal: { RAM: ['acs:ram::119285303511****:*'] },
          Action: ['kms:*'],
          Resource: ['*'],
        },
      ],
    },
  },
  description: 'mydbinfo',
  encryptionKeyId: 'key-gzz63ff0db5hg3qje****',
  dkmsInstanceId: 'kst-bjj62d8f5e0sgtx8h****',
}

describe('seed 000: the current English CreateSecret page', () => {
  it('the sample request decodes, Tags in the backslash-escaped form the page prints', () => {
    expect(validateRequest('CreateSecret', seed000)).toStrictEqual(E.right(seed000Command))
  })

  it('the same request with Tags as plain JSON decodes to the same command', () => {
    const Tags = '[{"TagKey":"key1","TagValue":"val1"},{"TagKey":"key2","TagValue":"val2"}]'
    expect(validateRequest('CreateSecret', { ...seed000, Tags })).toStrictEqual(E.right(seed000Command))
  })

  it('the policy example in the body of the page (Sid "Enable RAM User Permissions") validates', () => {
    const Policy = `{
    "Version": "1",
    "Statement": [
        {
            "Sid": "Enable RAM User Permissions",
            "Effect": "Allow",
            "Principal": {
              "RAM": ["acs:ram::123456789012:root"]
            },
            "Action": [
                "kms:*"
            ],
            "Resource": [
                "*"
            ]
        }
    ]
}`
    const result = validateRequest('CreateSecret', { ...seed000, Policy })
    expect(result).toStrictEqual(
      E.right({ ...seed000Command, policy: { raw: Policy, value: JSON.parse(Policy) as Record<string, unknown> } }),
    )
  })

  it('the sample request as printed, without ExtendedConfig, is refused: Rds requires it', () => {
    const { ExtendedConfig: _, ...printed } = seed000
    expect(validateRequest('CreateSecret', printed)).toStrictEqual(
      E.left({
        code: 'MissingParameter',
        httpStatus: 400,
        message: 'The parameter "ExtendedConfig" is needed but not provided.',
      }),
    )
  })
})

describe('older editions', () => {
  it('seed 001 (Chinese): a generic secret, and its Rds ExtendedConfig example', () => {
    const request = { SecretData: '{"user":"root","passwd":"****"}', SecretName: 'mydbconninfo', VersionId: 'v1' }
    expect(validateRequest('CreateSecret', request)).toStrictEqual(
      E.right({
        _tag: 'CreateSecret',
        secretName: 'mydbconninfo',
        versionId: 'v1',
        secretData: Redacted.make('{"user":"root","passwd":"****"}'),
        dataType: 'text',
        secretType: 'Generic',
        tags: [],
        rotation: { enabled: false },
      }),
    )
    const ExtendedConfig = '{"SecretSubType":"SingleUser", "DBInstanceId":"rm-bp1b3dd3a506e****" ,"CustomData":{}}'
    expect(E.isRight(validateRequest('CreateSecret', { ...seed000, ExtendedConfig }))).toBe(true)
  })

  it('seed 002 (older English): a generic secret with a 32-digit version id', () => {
    const request = {
      SecretData: '{"user":"root","passwd":""}',
      SecretDataType: 'text',
      SecretName: 'mydbconninfo',
      VersionId: '00000000000000000000000000000001',
    }
    const result = validateRequest('CreateSecret', request)
    expect(E.isRight(result) && [result.right.secretType, result.right.versionId]).toStrictEqual([
      'Generic',
      '00000000000000000000000000000001',
    ])
  })

  it('seed 003 (Japanese): the sample request is refused, its SecretDataType was translated', () => {
    // "SecretDataType=テキスト" is a machine translation of "text"; seed 000 allows text or binary only.
    const request = {
      SecretName: 'mydbconninfo',
      VersionId: 'v1',
      EncryptionKeyId: '00aa68af-2c02-4f68-95fe-3435d330 ****',
      SecretData: '{"user":"root","passwd":"****"}',
      SecretDataType: 'テキスト',
      Description: 'mydbinfo',
      SecretType: 'Rds',
      EnableAutomaticRotation: 'true',
      RotationInterval: '30d',
      DKMSInstanceId: 'kst-bjj62d8f5e0sgtx8h ****',
    }
    expect(validateRequest('CreateSecret', request)).toStrictEqual(
      E.left({
        code: 'InvalidParameter',
        httpStatus: 400,
        message: 'The specified parameter "SecretDataType" is not valid. It must be text or binary.',
      }),
    )
  })
})
