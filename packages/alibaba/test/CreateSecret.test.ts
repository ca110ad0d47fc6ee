import {
  CreateSecret,
  createSecretRecord,
  Dialect,
  validateRequest,
  type CreateSecretCommand,
} from '@secrets-engine/alibaba'
import { Redacted, StageLabel } from '@secrets-engine/core'
import { inspect } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

// Each rule of seed 000, at its limit (accepted) and one past it (the exact error).

type Request = Readonly<Record<string, string>>

const decode = (params: unknown) => validateRequest('CreateSecret', params)

const missing = (name: string) =>
  E.left({ code: 'MissingParameter', httpStatus: 400, message: `The parameter "${name}" is needed but not provided.` })

const invalid = (name: string, reason: string) =>
  E.left({
    code: 'InvalidParameter',
    httpStatus: 400,
    message: `The specified parameter "${name}" is not valid. ${reason}`,
  })

const generic: Request = { SecretName: 'name', VersionId: 'v1', SecretData: 'value' }
const genericCommand: CreateSecretCommand = {
  _tag: 'CreateSecret',
  secretName: 'name' as CreateSecretCommand['secretName'],
  versionId: 'v1' as CreateSecretCommand['versionId'],
  secretData: Redacted.make('value'),
  dataType: 'text',
  secretType: 'Generic',
  tags: [],
  rotation: { enabled: false },
}
const accepted = (overrides: Partial<CreateSecretCommand>) => E.right({ ...genericCommand, ...overrides })
const id = <A extends string>(s: string) => s as A

const rdsConfig = '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}'
const rds: Request = {
  SecretName: 'db',
  VersionId: 'v1',
  SecretType: 'Rds',
  SecretData: '{"Accounts":[{"AccountName":"app","AccountPassword":"pw"}]}',
  ExtendedConfig: rdsConfig,
}
const redisConfig = {
  SecretSubType: 'DoubleUsers',
  AccountName: 'app',
  CloneAccountName: 'app_clone',
  AccountPrivilege: 'RoleReadWrite',
  InstanceId: 'r-1',
  RegionId: 'cn-hangzhou',
}
const redis: Request = { ...rds, SecretType: 'Redis', ExtendedConfig: JSON.stringify(redisConfig) }
const ram: Request = {
  SecretName: '$Auto',
  VersionId: 'v1',
  SecretType: 'RAMCredentials',
  SecretData: '{"AccessKeys":[{"AccessKeyId":"LTAI1","AccessKeySecret":"s"}]}',
  ExtendedConfig: '{"SecretSubType":"RamUserAccessKey","UserName":"alice"}',
}
const ecs: Request = {
  SecretName: 'acs/ecs/web-1',
  VersionId: 'v1',
  SecretType: 'ECS',
  SecretData: '{"UserName":"root","Password":"pw"}',
  ExtendedConfig: '{"SecretSubType":"Password","RegionId":"cn-hangzhou","InstanceId":"i-1"}',
}
const typed = { Rds: rds, Redis: redis, RAMCredentials: ram, ECS: ecs } as const

const isRight = (params: Request): boolean => E.isRight(decode(params))

describe('actions and parameters', () => {
  it('an unknown action is the gateway error, whatever the parameters', () => {
    const notFound = E.left({
      code: 'InvalidAction.NotFound',
      httpStatus: 404,
      message: 'Specified api is not found, please check your url and method.',
    })
    expect(validateRequest('DecryptSecret', generic)).toStrictEqual(notFound)
    expect(validateRequest('createsecret', generic)).toStrictEqual(notFound)
    expect(validateRequest('toString', generic)).toStrictEqual(notFound)
    expect(validateRequest('__proto__', null)).toStrictEqual(notFound)
  })

  it('params that are not a record of strings are InvalidParameter, not an exception', () => {
    const notRecord = E.left({
      code: 'InvalidParameter',
      httpStatus: 400,
      message: 'The specified parameters are not valid. They must be a record of strings.',
    })
    for (const params of [null, undefined, 'SecretName=x', 42, [generic], new Map(), new Date(0)]) {
      expect(decode(params)).toStrictEqual(notRecord)
    }
    expect(decode({ ...generic, VersionId: 1 })).toStrictEqual(invalid('VersionId', 'It must be a string.'))
    // A field left undefined is an absent parameter.
    expect(decode({ ...generic, Description: undefined, Tags: undefined })).toStrictEqual(decode(generic))
    expect(decode({ ...generic, VersionId: undefined })).toStrictEqual(missing('VersionId'))
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    expect(decode(throwing)).toStrictEqual(notRecord)
  })

  it('a record without prototype is accepted, and __proto__ is an ordinary (ignored) name', () => {
    const params = Object.assign(Object.create(null) as object, generic)
    expect(decode(params)).toStrictEqual(accepted({}))
    expect(
      decode(JSON.parse('{"__proto__":"x","SecretName":"name","VersionId":"v1","SecretData":"value"}')),
    ).toStrictEqual(accepted({}))
  })

  it('unknown parameters (common parameters such as RegionId or Format) are ignored', () => {
    expect(decode({ ...generic, RegionId: 'cn-hangzhou', Format: 'JSON', Action: 'CreateSecret' })).toStrictEqual(
      accepted({}),
    )
  })
})

describe('required parameters', () => {
  it.each(['SecretName', 'VersionId', 'SecretData'])('%s absent or empty is MissingParameter', (name) => {
    const { [name]: _, ...rest } = generic
    expect(decode(rest)).toStrictEqual(missing(name))
    expect(decode({ ...generic, [name]: '' })).toStrictEqual(missing(name))
  })

  it('missing parameters are reported before invalid ones, in documentation order', () => {
    expect(decode({ SecretType: 'Nope' })).toStrictEqual(missing('SecretName'))
    expect(decode({ SecretName: 'bad name', SecretData: 'x' })).toStrictEqual(missing('VersionId'))
  })

  it.each(Object.keys(typed))('ExtendedConfig is required for %s', (type) => {
    const { ExtendedConfig: _, ...rest } = typed[type as keyof typeof typed]
    expect(decode(rest)).toStrictEqual(missing('ExtendedConfig'))
  })
})

describe('SecretName', () => {
  it('is 1 to 192 characters', () => {
    const name = 'n'.repeat(192)
    expect(decode({ ...generic, SecretName: name })).toStrictEqual(accepted({ secretName: id(name) }))
    expect(decode({ ...generic, SecretName: 'n'.repeat(193) })).toStrictEqual(
      invalid('SecretName', 'It must be at most 192 characters long.'),
    )
  })

  it('holds letters, digits and _ / + = . - @ only', () => {
    const name = 'Az09_/+=.-@'
    expect(decode({ ...generic, SecretName: name })).toStrictEqual(accepted({ secretName: id(name) }))
    for (const bad of ['a b', 'a:b', 'a$b', '密钥', 'a\\b']) {
      expect(decode({ ...generic, SecretName: bad })).toStrictEqual(
        invalid('SecretName', 'It may contain only letters, digits and _ / + = . - @'),
      )
    }
  })

  it.each([
    ['Generic', generic],
    ['Rds', rds],
    ['Redis', redis],
  ] as const)('a %s name must not start with acs/', (type, request) => {
    expect(isRight({ ...request, SecretName: 'acsx/ecs/a' })).toBe(true)
    expect(isRight({ ...request, SecretName: 'ACS/a' })).toBe(true)
    expect(decode({ ...request, SecretName: 'acs/a' })).toStrictEqual(
      invalid('SecretName', `A ${type} secret name must not start with "acs/".`),
    )
  })

  it('an ECS name must start with acs/ecs/', () => {
    expect(isRight({ ...ecs, SecretName: 'acs/ecs/' + 'n'.repeat(184) })).toBe(true)
    expect(decode({ ...ecs, SecretName: 'acs/ecs/' + 'n'.repeat(185) })).toStrictEqual(
      invalid('SecretName', 'It must be at most 192 characters long.'),
    )
    for (const bad of ['web-1', 'acs/ecsweb', 'acs/rds/web']) {
      expect(decode({ ...ecs, SecretName: bad })).toStrictEqual(
        invalid('SecretName', 'An ECS secret name must start with "acs/ecs/".'),
      )
    }
  })

  it('a RAMCredentials name is $Auto, and becomes acs/ram/user/<UserName>', () => {
    const result = decode(ram)
    expect(E.isRight(result) && result.right.secretName).toBe('acs/ram/user/alice')
    for (const bad of ['alice', 'acs/ram/user/alice', '$auto']) {
      expect(decode({ ...ram, SecretName: bad })).toStrictEqual(
        invalid('SecretName', 'A RAMCredentials secret name must be "$Auto".'),
      )
    }
  })
})

describe('VersionId', () => {
  it('is 1 to 64 characters of any kind (code points)', () => {
    for (const versionId of ['v'.repeat(64), '版'.repeat(64), '😀'.repeat(64), 'a b:c']) {
      expect(decode({ ...generic, VersionId: versionId })).toStrictEqual(accepted({ versionId: id(versionId) }))
    }
    expect(decode({ ...generic, VersionId: 'v'.repeat(65) })).toStrictEqual(
      invalid('VersionId', 'It must be 1 to 64 characters long.'),
    )
  })
})

describe('SecretData', () => {
  it('is at most 30720 UTF-8 bytes, not characters', () => {
    for (const data of ['a'.repeat(30_720), 'é'.repeat(15_360), '😀'.repeat(7_680)]) {
      expect(decode({ ...generic, SecretData: data })).toStrictEqual(accepted({ secretData: Redacted.make(data) }))
    }
    for (const data of ['a'.repeat(30_721), 'é'.repeat(15_361), '😀'.repeat(7_680) + 'a']) {
      expect(decode({ ...generic, SecretData: data })).toStrictEqual(
        invalid('SecretData', 'It must be at most 30720 bytes long (UTF-8).'),
      )
    }
  })

  it('is any text for Generic, JSON or not', () => {
    expect(isRight({ ...generic, SecretData: '{"Accounts":' })).toBe(true)
  })

  const accountsShape = 'It must be a JSON object {"Accounts":[{"AccountName":"","AccountPassword":""}]} for a'

  it.each([
    ['Rds', rds],
    ['Redis', redis],
  ] as const)('a %s value is {"Accounts":[{"AccountName":"","AccountPassword":""}]}', (type, request) => {
    expect(isRight({ ...request, SecretData: '{"Accounts":[{"AccountName":"","AccountPassword":""}]}' })).toBe(true)
    expect(
      isRight({
        ...request,
        SecretData:
          '{"Accounts":[{"AccountName":"a","AccountPassword":"1"},{"AccountName":"b","AccountPassword":"2"}]}',
      }),
    ).toBe(true)
    expect(decode({ ...request, SecretData: 'password' })).toStrictEqual(
      invalid('SecretData', `${accountsShape} ${type} secret.`),
    )
    expect(decode({ ...request, SecretData: '[]' })).toStrictEqual(
      invalid('SecretData', 'It must be a JSON object {"Accounts":[{"AccountName":"","AccountPassword":""}]}.'),
    )
    expect(decode({ ...request, SecretData: '{"Accounts":[]}' })).toStrictEqual(
      invalid('SecretData', '"Accounts" must be a non-empty array of {"AccountName":"","AccountPassword":""}.'),
    )
    expect(decode({ ...request, SecretData: '{"Accounts":[{"AccountName":"a","AccountPassword":7}]}' })).toStrictEqual(
      invalid('SecretData', '"Accounts[0].AccountPassword" must be a string.'),
    )
  })

  it('a RAMCredentials value is {"AccessKeys":[{"AccessKeyId":"","AccessKeySecret":""}]}', () => {
    expect(decode({ ...ram, SecretData: '{"AccessKeys":[{"AccessKeyId":"k"}]}' })).toStrictEqual(
      invalid('SecretData', '"AccessKeys[0].AccessKeySecret" must be a string.'),
    )
    expect(decode({ ...ram, SecretData: rds['SecretData'] ?? '' })).toStrictEqual(
      invalid('SecretData', '"AccessKeys" must be a non-empty array of {"AccessKeyId":"","AccessKeySecret":""}.'),
    )
  })

  it('an ECS value depends on SecretSubType: Password or SSHKey', () => {
    const sshConfig = '{"SecretSubType":"SSHKey","RegionId":"cn-hangzhou","InstanceId":"i-1"}'
    const sshData = '{"UserName":"root","PublicKey":"ssh-ed25519 AAAA","PrivateKey":"-----BEGIN"}'
    expect(isRight({ ...ecs, ExtendedConfig: sshConfig, SecretData: sshData })).toBe(true)
    expect(decode({ ...ecs, ExtendedConfig: sshConfig })).toStrictEqual(
      invalid('SecretData', '"PublicKey" must be a string.'),
    )
    expect(decode({ ...ecs, SecretData: sshData })).toStrictEqual(invalid('SecretData', '"Password" must be a string.'))
  })

  it('never appears in an error', () => {
    const secret = 'hunter2-very-secret'
    const requests = [
      { ...rds, SecretData: `{"Accounts":[{"AccountName":"a","AccountPassword":["${secret}"]}]}` },
      { ...rds, SecretData: `{"Accounts":[{"AccountName":"a","AccountPassword":"${secret}"}` },
      { ...rds, SecretData: secret },
      { ...generic, SecretData: secret.repeat(2_000) },
    ]
    for (const request of requests) {
      const result = decode(request)
      expect(E.isLeft(result)).toBe(true)
      expect(JSON.stringify(result)).not.toContain('hunter2')
    }
  })
})

describe('SecretDataType', () => {
  it('is text (the default) or binary', () => {
    expect(decode(generic)).toStrictEqual(accepted({ dataType: 'text' }))
    expect(decode({ ...generic, SecretDataType: 'text' })).toStrictEqual(accepted({ dataType: 'text' }))
    expect(decode({ ...generic, SecretDataType: 'binary' })).toStrictEqual(accepted({ dataType: 'binary' }))
    for (const bad of ['Text', 'BINARY', 'json']) {
      expect(decode({ ...generic, SecretDataType: bad })).toStrictEqual(
        invalid('SecretDataType', 'It must be text or binary.'),
      )
    }
  })

  it.each(Object.keys(typed))('must be text for %s', (type) => {
    const request = typed[type as keyof typeof typed]
    expect(isRight({ ...request, SecretDataType: 'text' })).toBe(true)
    expect(decode({ ...request, SecretDataType: 'binary' })).toStrictEqual(
      invalid('SecretDataType', `It must be text for a ${type} secret.`),
    )
  })
})

describe('SecretType', () => {
  it('is Generic by default, or one of five', () => {
    expect(decode({ ...generic, SecretType: 'Generic' })).toStrictEqual(accepted({}))
    for (const [type, request] of Object.entries(typed)) {
      const result = decode(request)
      expect(E.isRight(result) && result.right.secretType).toBe(type)
    }
    for (const bad of ['generic', 'RDS', 'PolarDB', 'Kms']) {
      expect(decode({ ...generic, SecretType: bad })).toStrictEqual(
        invalid('SecretType', 'It must be one of Generic, Rds, Redis, RAMCredentials, ECS.'),
      )
    }
  })
})

describe('ExtendedConfig', () => {
  const pad = (config: Record<string, unknown>, length: number): string => {
    const without = JSON.stringify({ ...config, Pad: '' })
    return JSON.stringify({ ...config, Pad: 'p'.repeat(length - without.length) })
  }

  it('is a JSON object of at most 1024 characters', () => {
    const config = JSON.parse(rdsConfig) as Record<string, unknown>
    expect(isRight({ ...rds, ExtendedConfig: pad(config, 1_024) })).toBe(true)
    expect(decode({ ...rds, ExtendedConfig: pad(config, 1_025) })).toStrictEqual(
      invalid('ExtendedConfig', 'It must be at most 1024 characters long.'),
    )
    expect(decode({ ...rds, ExtendedConfig: '{"SecretSubType":' })).toStrictEqual(
      invalid('ExtendedConfig', 'It must be a JSON object, and it is not valid JSON.'),
    )
    expect(decode({ ...rds, ExtendedConfig: '["SingleUser"]' })).toStrictEqual(
      invalid('ExtendedConfig', 'It must be a JSON object.'),
    )
  })

  it('counts characters as code points', () => {
    const config = JSON.parse(rdsConfig) as Record<string, unknown>
    const ascii = pad(config, 1_024)
    expect(isRight({ ...rds, ExtendedConfig: ascii.replace(/p{2,}/, (run) => '😀'.repeat(run.length)) })).toBe(true)
  })

  it('is optional for Generic, and kept (parsed and raw) when given', () => {
    const raw = '{"CustomData":{"team":"payments"}}'
    expect(decode({ ...generic, ExtendedConfig: raw })).toStrictEqual(
      accepted({ extendedConfig: { raw, value: { CustomData: { team: 'payments' } } } }),
    )
  })

  it('keeps the escaped form of the documentation as the plain JSON it stands for', () => {
    const raw = '{"CustomData":{"team":"payments"}}'
    expect(decode({ ...generic, ExtendedConfig: raw.replaceAll('"', '\\"') })).toStrictEqual(
      accepted({ extendedConfig: { raw, value: { CustomData: { team: 'payments' } } } }),
    )
  })

  it('CustomData holds at most 10 pairs', () => {
    const customData = (n: number) => Object.fromEntries([...Array(n).keys()].map((i) => [`k${i}`, `v${i}`]))
    const config = JSON.parse(rdsConfig) as Record<string, unknown>
    expect(isRight({ ...rds, ExtendedConfig: JSON.stringify({ ...config, CustomData: customData(10) }) })).toBe(true)
    expect(isRight({ ...generic, ExtendedConfig: JSON.stringify({ CustomData: {} }) })).toBe(true)
    const eleven = invalid('ExtendedConfig', '"CustomData" must be a JSON object of at most 10 pairs.')
    expect(decode({ ...rds, ExtendedConfig: JSON.stringify({ ...config, CustomData: customData(11) }) })).toStrictEqual(
      eleven,
    )
    expect(decode({ ...generic, ExtendedConfig: JSON.stringify({ CustomData: customData(11) }) })).toStrictEqual(eleven)
    expect(decode({ ...generic, ExtendedConfig: '{"CustomData":["a"]}' })).toStrictEqual(eleven)
  })

  it('Rds: SecretSubType SingleUser or DoubleUsers, and DBInstanceId', () => {
    expect(isRight({ ...rds, ExtendedConfig: '{"SecretSubType":"DoubleUsers","DBInstanceId":"rm-1"}' })).toBe(true)
    expect(
      decode({ ...rds, ExtendedConfig: '{"SecretSubType":"RamUserAccessKey","DBInstanceId":"rm-1"}' }),
    ).toStrictEqual(invalid('ExtendedConfig', '"SecretSubType" must be SingleUser or DoubleUsers.'))
    expect(decode({ ...rds, ExtendedConfig: '{"SecretSubType":"SingleUser"}' })).toStrictEqual(
      invalid('ExtendedConfig', '"DBInstanceId" must be a non-empty string.'),
    )
    expect(decode({ ...rds, ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":""}' })).toStrictEqual(
      invalid('ExtendedConfig', '"DBInstanceId" must be a non-empty string.'),
    )
  })

  it('Redis: DoubleUsers, its five fields, and CloneAccountName = AccountName + _clone', () => {
    for (const field of ['AccountName', 'CloneAccountName', 'AccountPrivilege', 'InstanceId', 'RegionId']) {
      const rest = Object.fromEntries(Object.entries(redisConfig).filter(([key]) => key !== field))
      expect(decode({ ...redis, ExtendedConfig: JSON.stringify(rest) })).toStrictEqual(
        invalid('ExtendedConfig', `"${field}" must be a non-empty string.`),
      )
    }
    expect(
      decode({ ...redis, ExtendedConfig: JSON.stringify({ ...redisConfig, SecretSubType: 'SingleUser' }) }),
    ).toStrictEqual(invalid('ExtendedConfig', '"SecretSubType" must be DoubleUsers.'))
    for (const clone of ['app-clone', 'app_clone2', 'App_clone', 'app']) {
      expect(
        decode({ ...redis, ExtendedConfig: JSON.stringify({ ...redisConfig, CloneAccountName: clone }) }),
      ).toStrictEqual(invalid('ExtendedConfig', '"CloneAccountName" must be "AccountName" followed by "_clone".'))
    }
  })

  it('RAMCredentials: RamUserAccessKey and a UserName that makes a valid secret name', () => {
    const config = (userName: string) => JSON.stringify({ SecretSubType: 'RamUserAccessKey', UserName: userName })
    const longest = 'u'.repeat(192 - 'acs/ram/user/'.length)
    const result = decode({ ...ram, ExtendedConfig: config(longest) })
    expect(E.isRight(result) && result.right.secretName).toBe(`acs/ram/user/${longest}`)
    const badUser = invalid(
      'ExtendedConfig',
      '"UserName" must be a RAM user name that makes a valid secret name acs/ram/user/<UserName>.',
    )
    expect(decode({ ...ram, ExtendedConfig: config(longest + 'u') })).toStrictEqual(badUser)
    expect(decode({ ...ram, ExtendedConfig: config('al ice') })).toStrictEqual(badUser)
    expect(decode({ ...ram, ExtendedConfig: config('') })).toStrictEqual(badUser)
    expect(decode({ ...ram, ExtendedConfig: '{"SecretSubType":"AccessKey","UserName":"alice"}' })).toStrictEqual(
      invalid('ExtendedConfig', '"SecretSubType" must be RamUserAccessKey.'),
    )
  })

  it('ECS: Password or SSHKey, RegionId and InstanceId', () => {
    expect(decode({ ...ecs, ExtendedConfig: '{"SecretSubType":"Key","RegionId":"r","InstanceId":"i"}' })).toStrictEqual(
      invalid('ExtendedConfig', '"SecretSubType" must be Password or SSHKey.'),
    )
    expect(decode({ ...ecs, ExtendedConfig: '{"SecretSubType":"Password","InstanceId":"i"}' })).toStrictEqual(
      invalid('ExtendedConfig', '"RegionId" must be a non-empty string.'),
    )
  })
})

describe('Tags', () => {
  const tags = (list: ReadonlyArray<readonly [string, string]>) =>
    JSON.stringify(list.map(([TagKey, TagValue]) => ({ TagKey, TagValue })))
  const tagged = (list: ReadonlyArray<readonly [string, string]>) => decode({ ...generic, Tags: tags(list) })

  it('is a JSON array of {TagKey, TagValue}, kept in order', () => {
    expect(
      tagged([
        ['b', '2'],
        ['a', '1'],
      ]),
    ).toStrictEqual(
      accepted({
        tags: [
          { key: 'b', value: '2' },
          { key: 'a', value: '1' },
        ],
      }),
    )
    expect(decode({ ...generic, Tags: '[]' })).toStrictEqual(accepted({}))
    const notArray = 'It must be a JSON array of {"TagKey":"","TagValue":""}.'
    expect(decode({ ...generic, Tags: '{"TagKey":"a","TagValue":"b"}' })).toStrictEqual(invalid('Tags', notArray))
    expect(decode({ ...generic, Tags: '[{"TagKey":"a"}]' })).toStrictEqual(
      invalid('Tags', '"[0].TagValue" must be at most 128 letters, digits or / \\ _ - . + = : @.'),
    )
    expect(decode({ ...generic, Tags: 'key1=val1' })).toStrictEqual(
      invalid('Tags', 'It must be a JSON array of {"TagKey":"","TagValue":""}, and it is not valid JSON.'),
    )
  })

  it('holds at most 20 tags', () => {
    const list = (n: number) => [...Array(n).keys()].map((i) => [`k${i}`, 'v'] as const)
    expect(isRight({ ...generic, Tags: tags(list(20)) })).toBe(true)
    expect(tagged(list(21))).toStrictEqual(invalid('Tags', 'It may hold at most 20 tags.'))
  })

  it('keys and values are up to 128 characters of letters, digits and / \\ _ - . + = : @', () => {
    const all = 'Az09/\\_-.+=:@'
    expect(isRight({ ...generic, Tags: tags([[all, all]]) })).toBe(true)
    expect(isRight({ ...generic, Tags: tags([['k'.repeat(128), 'v'.repeat(128)]]) })).toBe(true)
    expect(isRight({ ...generic, Tags: tags([['k', '']]) })).toBe(true)
    const badKey = invalid(
      'Tags',
      '"[0].TagKey" must be 1 to 128 letters, digits or / \\ _ - . + = : @, not starting with aliyun or acs:.',
    )
    const badValue = invalid('Tags', '"[0].TagValue" must be at most 128 letters, digits or / \\ _ - . + = : @.')
    expect(tagged([['k'.repeat(129), 'v']])).toStrictEqual(badKey)
    expect(tagged([['', 'v']])).toStrictEqual(badKey)
    expect(tagged([['a key', 'v']])).toStrictEqual(badKey)
    expect(tagged([['k', 'v'.repeat(129)]])).toStrictEqual(badValue)
    expect(tagged([['k', 'a,b']])).toStrictEqual(badValue)
  })

  it('a key must not start with aliyun or acs:', () => {
    expect(
      isRight({
        ...generic,
        Tags: tags([
          ['xaliyun', 'v'],
          ['acs', 'v'],
          ['Aliyun', 'v'],
          ['acs/x', 'v'],
        ]),
      }),
    ).toBe(true)
    const reason =
      '"[1].TagKey" must be 1 to 128 letters, digits or / \\ _ - . + = : @, not starting with aliyun or acs:.'
    expect(
      tagged([
        ['ok', 'v'],
        ['aliyun', 'v'],
      ]),
    ).toStrictEqual(invalid('Tags', reason))
    expect(
      tagged([
        ['ok', 'v'],
        ['acs:env', 'v'],
      ]),
    ).toStrictEqual(invalid('Tags', reason))
  })

  it('a repeated TagKey is InvalidParameter', () => {
    expect(
      tagged([
        ['k', '1'],
        ['k', '2'],
      ]),
    ).toStrictEqual(invalid('Tags', 'Each TagKey may appear only once.'))
  })

  it('accepts the backslash-escaped form the documentation prints', () => {
    expect(decode({ ...generic, Tags: '[{\\"TagKey\\":\\"key1\\",\\"TagValue\\":\\"val1\\"}]' })).toStrictEqual(
      accepted({ tags: [{ key: 'key1', value: 'val1' }] }),
    )
  })
})

describe('EnableAutomaticRotation and RotationInterval', () => {
  const rotating = (interval: string) => decode({ ...rds, EnableAutomaticRotation: 'true', RotationInterval: interval })
  const seconds = (interval: string) => {
    const result = rotating(interval)
    return E.isRight(result) && result.right.rotation.enabled ? result.right.rotation.intervalSeconds : result
  }

  it('rotation is true or false, false by default', () => {
    const result = decode(rds)
    expect(E.isRight(result) && result.right.rotation).toStrictEqual({ enabled: false })
    expect(decode({ ...generic, EnableAutomaticRotation: 'false' })).toStrictEqual(accepted({}))
    for (const bad of ['True', '1', 'yes']) {
      expect(decode({ ...generic, EnableAutomaticRotation: bad })).toStrictEqual(
        invalid('EnableAutomaticRotation', 'It must be true or false.'),
      )
    }
  })

  it('rotation on a Generic secret is UnsupportedOperation', () => {
    const unsupported = E.left({
      code: 'UnsupportedOperation',
      httpStatus: 400,
      message: 'This action is not supported.',
    })
    expect(decode({ ...generic, EnableAutomaticRotation: 'true', RotationInterval: '30d' })).toStrictEqual(unsupported)
    expect(decode({ ...generic, EnableAutomaticRotation: 'true' })).toStrictEqual(unsupported)
  })

  it('the interval is required when rotation is enabled, and ignored otherwise', () => {
    expect(decode({ ...rds, EnableAutomaticRotation: 'true' })).toStrictEqual(missing('RotationInterval'))
    expect(decode({ ...rds, EnableAutomaticRotation: 'true', RotationInterval: '' })).toStrictEqual(
      missing('RotationInterval'),
    )
    expect(decode({ ...generic, RotationInterval: 'nonsense' })).toStrictEqual(accepted({}))
    expect(isRight({ ...rds, EnableAutomaticRotation: 'false', RotationInterval: '1s' })).toBe(true)
  })

  it('is kept in seconds, from 6 hours to 8760 hours inclusive, in any unit', () => {
    expect(seconds('30d')).toBe(2_592_000)
    expect(seconds('7d')).toBe(604_800)
    expect(seconds('604800s')).toBe(604_800)
    for (const least of ['6h', '360m', '21600s']) expect(seconds(least)).toBe(21_600)
    for (const most of ['365d', '8760h', '525600m', '31536000s']) expect(seconds(most)).toBe(31_536_000)
    const outOfRange = invalid('RotationInterval', 'It must be from 6 hours to 8760 hours.')
    for (const bad of ['5h', '359m', '21599s', '366d', '8761h', '525601m', '31536001s', '0d', '999999999999d']) {
      expect(rotating(bad)).toStrictEqual(outOfRange)
    }
  })

  it('is an integer followed by d, h, m or s', () => {
    const malformed = invalid('RotationInterval', 'It must be an integer followed by d, h, m or s, such as 30d.')
    for (const bad of ['30', 'd', '30D', '1.5d', '-7d', '7 d', '604,800s', '7w', '1234567890123s']) {
      expect(rotating(bad)).toStrictEqual(malformed)
    }
  })
})

describe('Policy', () => {
  const statement = {
    Sid: 'kms default secret policy',
    Effect: 'Allow',
    Principal: { RAM: ['acs:ram::119285303511****:*'] },
    Action: ['kms:*'],
    Resource: ['*'],
  }
  const withPolicy = (policy: unknown) => decode({ ...generic, Policy: JSON.stringify(policy) })
  const withStatement = (patch: Record<string, unknown>) =>
    withPolicy({ Version: '1', Statement: [{ ...statement, ...patch }] })
  const ok = (policy: unknown) => E.isRight(withPolicy(policy))

  it('is kept parsed and raw', () => {
    const raw = JSON.stringify({ Version: '1', Statement: [statement] })
    expect(decode({ ...generic, Policy: raw })).toStrictEqual(
      accepted({ policy: { raw, value: { Version: '1', Statement: [statement] } } }),
    )
  })

  it('is at most 32768 bytes', () => {
    const policy = (length: number) => {
      const without = JSON.stringify({ Version: '1', Statement: [statement], Pad: '' })
      return JSON.stringify({ Version: '1', Statement: [statement], Pad: 'é'.repeat((length - without.length) / 2) })
    }
    expect(isRight({ ...generic, Policy: policy(32_768) })).toBe(true)
    expect(decode({ ...generic, Policy: policy(32_770) })).toStrictEqual(
      invalid('Policy', 'It must be at most 32768 bytes long (UTF-8).'),
    )
  })

  it('has Version "1" and at least one statement', () => {
    expect(withPolicy({ Version: '2', Statement: [statement] })).toStrictEqual(
      invalid('Policy', '"Version" must be "1".'),
    )
    expect(withPolicy({ Version: 1, Statement: [statement] })).toStrictEqual(
      invalid('Policy', '"Version" must be "1".'),
    )
    expect(withPolicy({ Version: '1', Statement: [] })).toStrictEqual(
      invalid('Policy', '"Statement" must be a non-empty array of statements.'),
    )
    expect(decode({ ...generic, Policy: '{"Version":"1"' })).toStrictEqual(
      invalid('Policy', 'It must be a JSON object, and it is not valid JSON.'),
    )
  })

  it('Effect is Allow or Deny; Principal is present', () => {
    expect(E.isRight(withStatement({ Effect: 'Deny' }))).toBe(true)
    expect(withStatement({ Effect: 'allow' })).toStrictEqual(
      invalid('Policy', '"Statement[0].Effect" must be Allow or Deny.'),
    )
    expect(withStatement({ Principal: undefined })).toStrictEqual(
      invalid('Policy', '"Statement[0].Principal" must be a non-empty JSON object.'),
    )
    expect(withStatement({ Principal: {} })).toStrictEqual(
      invalid('Policy', '"Statement[0].Principal" must be a non-empty JSON object.'),
    )
  })

  it('every Action starts with kms:', () => {
    expect(E.isRight(withStatement({ Action: ['kms:GetSecretValue', 'kms:Describe*'] }))).toBe(true)
    expect(E.isRight(withStatement({ Action: 'kms:*' }))).toBe(true)
    const reason = invalid(
      'Policy',
      '"Statement[0].Action" must be an action starting with kms:, or a non-empty array of them.',
    )
    for (const bad of [['kms:*', 'ram:*'], [], 'KMS:*', ['kms'], [1]])
      expect(withStatement({ Action: bad })).toStrictEqual(reason)
  })

  it('Resource is ["*"]', () => {
    expect(E.isRight(withStatement({ Resource: '*' }))).toBe(true)
    for (const bad of [['*', '*'], ['acs:kms:*'], [], '']) {
      expect(withStatement({ Resource: bad })).toStrictEqual(
        invalid('Policy', '"Statement[0].Resource" must be ["*"].'),
      )
    }
  })

  it('Sid is optional, up to 128 letters, digits, spaces or _ / + = . @ -', () => {
    expect(ok({ Version: '1', Statement: [{ ...statement, Sid: undefined }] })).toBe(true)
    expect(E.isRight(withStatement({ Sid: 'Az09 _/+=.@-' }))).toBe(true)
    expect(E.isRight(withStatement({ Sid: 's'.repeat(128) }))).toBe(true)
    const reason = invalid('Policy', '"Statement[0].Sid" must be 1 to 128 letters, digits, spaces or _ / + = . @ -.')
    for (const bad of ['s'.repeat(129), '', 'a:b', 'a,b', 'a*'])
      expect(withStatement({ Sid: bad })).toStrictEqual(reason)
  })
})

describe('Description, EncryptionKeyId, DKMSInstanceId', () => {
  it('are kept as given, and absent when empty', () => {
    expect(
      decode({ ...generic, Description: 'd é 😀', EncryptionKeyId: 'key-1', DKMSInstanceId: 'kst-1' }),
    ).toStrictEqual(accepted({ description: 'd é 😀', encryptionKeyId: 'key-1', dkmsInstanceId: 'kst-1' }))
    expect(decode({ ...generic, Description: '', EncryptionKeyId: '', DKMSInstanceId: '' })).toStrictEqual(accepted({}))
  })
})

describe('initialSecret and redact', () => {
  it('the initial secret has one version labelled exactly ACSCurrent', () => {
    const result = decode({ ...generic, SecretDataType: 'binary' })
    if (E.isLeft(result)) throw new Error(result.left.message)
    expect(CreateSecret.initialSecret(result.right, 1_700_000_000_000)).toStrictEqual({
      name: 'name',
      createdAt: 1_700_000_000_000,
      versions: [
        {
          versionId: 'v1',
          createdAt: 1_700_000_000_000,
          stages: ['ACSCurrent'],
          value: { secretData: Redacted.make('value'), dataType: 'binary' },
        },
      ],
    })
  })

  it('is the secret CreateSecret stores, with the sealed value in place of the plaintext', () => {
    const result = decode(generic)
    if (E.isLeft(result)) throw new Error(result.left.message)
    const sealed = { envelope: 'c2VhbGVk', dataType: 'text' } as const
    const record = createSecretRecord(result.right, 1_700_000_000_000, '1234567890123456', 'key-1', sealed)
    // Written out, not computed with initialSecret, which createSecretRecord itself calls.
    expect(record.secret).toStrictEqual({
      name: 'name',
      createdAt: 1_700_000_000_000,
      versions: [{ versionId: 'v1', createdAt: 1_700_000_000_000, stages: ['ACSCurrent'], value: sealed }],
    })
  })

  it('never shows the secret value when a command is printed or serialised', () => {
    const command = E.getOrElseW(() => undefined)(decode({ ...generic, SecretData: 'hunter2-plaintext' }))
    expect(command).toBeDefined()
    for (const shown of [
      JSON.stringify(command),
      inspect(command, { depth: null, showHidden: true }),
      `${command?.secretData}`,
    ]) {
      expect(shown).not.toContain('hunter2-plaintext')
      expect(shown).toContain('<redacted>')
    }
  })

  it('compares redacted values by what they hide', () => {
    expect(Redacted.make('a')).toStrictEqual(Redacted.make('a'))
    expect(Redacted.make('a')).not.toStrictEqual(Redacted.make('b'))
  })
})

describe('Dialect', () => {
  it('names ACSCurrent and ACSPrevious, 10 versions and 8 labels', () => {
    expect(Dialect.rules).toStrictEqual({
      currentStage: 'ACSCurrent',
      previousStage: 'ACSPrevious',
      maxVersions: 10,
      maxStages: 8,
    })
  })

  it('its stage labels pass its own stage label rule', () => {
    expect(StageLabel.is(Dialect.stageLabelRule)(Dialect.currentStage)).toBe(true)
    expect(StageLabel.is(Dialect.stageLabelRule)(Dialect.previousStage)).toBe(true)
  })
})
