/**
 * fast-check arbitraries for Alibaba KMS requests, as the wire carries them (records of strings):
 * valid requests of every operation, and rule breakers, each of which turns a valid request into one
 * that breaks exactly one named rule, with the error code that rule gives. Lengths, ranges and
 * character sets come from the engine's exported rules (`Dialect`, each operation's `limits`), so a
 * rule has one definition; the kit's self-tests decode every generated request with the engine's
 * own decoders in both directions.
 *
 * @since 0.1.0
 */
import {
  BatchGetSecretValue,
  CreateSecret,
  DeleteSecret,
  Dialect,
  ListSecrets,
  ListSecretVersionIds,
  Password,
  UpdateSecretRotationPolicy,
  type Action,
} from '@secrets-engine/alibaba'
import fc from 'fast-check'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export type WireRequest = Readonly<Record<string, string>>

export type SecretType = 'Generic' | 'Rds' | 'Redis' | 'RAMCredentials' | 'ECS'

export const secretTypes: ReadonlyArray<SecretType> = ['Generic', 'Rds', 'Redis', 'RAMCredentials', 'ECS']

/** Every parameter name CreateSecret reads. */
export const createSecretParameterNames: ReadonlyArray<string> = [
  'SecretName',
  'VersionId',
  'SecretData',
  'SecretDataType',
  'SecretType',
  'ExtendedConfig',
  'Tags',
  'EnableAutomaticRotation',
  'RotationInterval',
  'Policy',
  'Description',
  'EncryptionKeyId',
  'DKMSInstanceId',
]

// -------------------------------------------------------------------------------------
// building blocks
// -------------------------------------------------------------------------------------

const chars = (s: string): ReadonlyArray<string> => [...s]
const alnum = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
const nameChars = [...alnum, ...chars('_/+=.-@')]
const tagChars = [...alnum, ...chars('/\\_-.+=:@')]
const sidChars = [...alnum, ...chars(' _/+=.@-')]

const from = (units: ReadonlyArray<string>, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...units), minLength, maxLength })

/** A short identifier (instance ids, region ids, account names). */
const identifier = from([...alnum, '-', '_'], 1, 24)

/** Any string of code points, as JSON values and free text may hold. */
const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', minLength, maxLength })

const maxName = Dialect.secretNameRule.maxLength
const isName = (s: string): boolean => Dialect.secretNameRule.allowed?.test(s) ?? true

/** A secret name for Generic, Rds and Redis: never starting with `acs/`. */
export const plainSecretName: fc.Arbitrary<string> = from(nameChars, 1, maxName).filter(
  (s) => isName(s) && !s.startsWith('acs/'),
)

export const ecsSecretName: fc.Arbitrary<string> = from(nameChars, 1, maxName - 'acs/ecs/'.length)
  .map((s) => `acs/ecs/${s}`)
  .filter(isName)

/** A RAM user name; `acs/ram/user/<name>` is a valid secret name. */
export const ramUserName: fc.Arbitrary<string> = from([...alnum, ...chars('._@-')], 1, 64)

export const versionId: fc.Arbitrary<string> = text(1, Dialect.versionIdRule.maxLength)

// Short enough that the largest ExtendedConfig stays under 1024 characters even when JSON escapes
// every character of a value (\u0000 is 6 characters).
const customData: fc.Arbitrary<Record<string, string>> = fc.dictionary(from(alnum, 1, 8), text(0, 8), {
  maxKeys: 10,
  noNullPrototype: true,
})

const withCustomData = <A extends object>(config: fc.Arbitrary<A>): fc.Arbitrary<A> =>
  fc
    .tuple(config, fc.option(customData, { nil: undefined }))
    .map(([c, data]) => (data === undefined ? c : { ...c, CustomData: data }))

const accounts = fc.array(fc.record({ AccountName: identifier, AccountPassword: text(0, 40) }), {
  minLength: 1,
  maxLength: 2,
})

export const tag: fc.Arbitrary<{ readonly TagKey: string; readonly TagValue: string }> = fc.record({
  TagKey: from(tagChars, 1, CreateSecret.limits.tagCharacters).filter(
    (k) => !k.startsWith('aliyun') && !k.startsWith('acs:'),
  ),
  TagValue: from(tagChars, 0, CreateSecret.limits.tagCharacters),
})

export const tags: fc.Arbitrary<string> = fc
  .uniqueArray(tag, { maxLength: CreateSecret.limits.tags, selector: (t) => t.TagKey })
  .map((list) => JSON.stringify(list))

/** A valid RotationInterval from `minSeconds` to `maxSeconds`: an integer and a unit. */
export const rotationIntervalBetween = (minSeconds: number, maxSeconds: number): fc.Arbitrary<string> =>
  fc.oneof(
    ...(
      [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1],
      ] as const
    ).map(([unit, seconds]) =>
      fc
        .integer({ min: Math.ceil(minSeconds / seconds), max: Math.floor(maxSeconds / seconds) })
        .map((n) => `${n}${unit}`),
    ),
  )

/** A valid CreateSecret RotationInterval: 6 h to 8760 h inclusive. */
export const rotationInterval: fc.Arbitrary<string> = rotationIntervalBetween(
  CreateSecret.limits.minRotationSeconds,
  CreateSecret.limits.maxRotationSeconds,
)

export const policy: fc.Arbitrary<string> = fc
  .record(
    {
      Version: fc.constant('1'),
      Statement: fc.array(
        fc.record(
          {
            Sid: from(sidChars, 1, CreateSecret.limits.sidCharacters),
            Effect: fc.constantFrom('Allow', 'Deny'),
            Principal: fc.record({
              RAM: fc.array(
                identifier.map((a) => `acs:ram::${a}:*`),
                { minLength: 1 },
              ),
            }),
            Action: fc.array(
              from(alnum, 0, 12).map((a) => `kms:${a}`),
              { minLength: 1, maxLength: 3 },
            ),
            Resource: fc.constant(['*']),
          },
          { requiredKeys: ['Effect', 'Principal', 'Action', 'Resource'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    },
    { noNullPrototype: true },
  )
  .map((p) => JSON.stringify(p))

/** The parameters that every type shares: all optional. */
const common: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    Tags: tags,
    Policy: policy,
    Description: text(0, 40),
    EncryptionKeyId: identifier.map((id) => `key-${id}`),
    DKMSInstanceId: identifier.map((id) => `kst-${id}`),
  },
  { requiredKeys: [], noNullPrototype: true },
)

/** Rotation for the typed secrets: absent, disabled (with an ignored interval), or enabled. */
const typedRotation: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  fc.record({ EnableAutomaticRotation: fc.constant('false') }),
  fc.record({ EnableAutomaticRotation: fc.constant('false'), RotationInterval: text(0, 8) }),
  fc.record({ EnableAutomaticRotation: fc.constant('true'), RotationInterval: rotationInterval }),
)

/** Optional `SecretDataType=text` and `SecretType` given explicitly or not (Generic only). */
const textType = fc.option(fc.constant('text'), { nil: undefined })

const defined = (r: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(r).filter((e): e is [string, string] => e[1] !== undefined))

// -------------------------------------------------------------------------------------
// requests
// -------------------------------------------------------------------------------------

const generic: fc.Arbitrary<WireRequest> = fc
  .record({
    SecretName: plainSecretName,
    VersionId: versionId,
    SecretData: text(1, 200),
    SecretDataType: fc.option(fc.constantFrom('text', 'binary'), { nil: undefined }),
    SecretType: fc.option(fc.constant('Generic'), { nil: undefined }),
    ExtendedConfig: fc.option(
      withCustomData(fc.constant({})).map((c) => JSON.stringify(c)),
      { nil: undefined },
    ),
    rotation: fc.oneof(
      fc.constant({}),
      fc.record({ EnableAutomaticRotation: fc.constant('false'), RotationInterval: text(0, 8) }),
    ),
    common,
  })
  .map(({ rotation, common, ...r }) => ({ ...defined(r), ...rotation, ...common }))

const typed = (
  secretType: Exclude<SecretType, 'Generic'>,
  SecretName: fc.Arbitrary<string>,
  config: fc.Arbitrary<{ readonly SecretSubType: string }>,
  data: (config: { readonly SecretSubType: string }) => fc.Arbitrary<object>,
): fc.Arbitrary<WireRequest> =>
  withCustomData(config)
    .chain((c) =>
      fc.record({
        SecretName,
        VersionId: versionId,
        SecretData: data(c).map((d) => JSON.stringify(d)),
        SecretDataType: textType,
        ExtendedConfig: fc.constant(JSON.stringify(c)),
        rotation: typedRotation,
        common,
      }),
    )
    .map(({ rotation, common, ...r }) => ({ ...defined(r), SecretType: secretType, ...rotation, ...common }))

const rds = typed(
  'Rds',
  plainSecretName,
  fc.record({ SecretSubType: fc.constantFrom('SingleUser', 'DoubleUsers'), DBInstanceId: identifier }),
  () => fc.record({ Accounts: accounts }),
)

const redis = typed(
  'Redis',
  plainSecretName,
  fc
    .record({ AccountName: identifier, AccountPrivilege: identifier, InstanceId: identifier, RegionId: identifier })
    .map((c) => ({ SecretSubType: 'DoubleUsers', ...c, CloneAccountName: `${c.AccountName}_clone` })),
  () => fc.record({ Accounts: accounts }),
)

const ram = typed(
  'RAMCredentials',
  fc.constant('$Auto'),
  fc.record({ SecretSubType: fc.constant('RamUserAccessKey'), UserName: ramUserName }),
  () =>
    fc.record({
      AccessKeys: fc.array(fc.record({ AccessKeyId: identifier, AccessKeySecret: text(1, 40) }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
)

const ecs = typed(
  'ECS',
  ecsSecretName,
  fc.record({ SecretSubType: fc.constantFrom('Password', 'SSHKey'), RegionId: identifier, InstanceId: identifier }),
  (c) =>
    c.SecretSubType === 'SSHKey'
      ? fc.record({ UserName: identifier, PublicKey: text(0, 60), PrivateKey: text(0, 60) })
      : fc.record({ UserName: identifier, Password: text(0, 40) }),
)

export const createSecretRequests: { readonly [T in SecretType]: fc.Arbitrary<WireRequest> } = {
  Generic: generic,
  Rds: rds,
  Redis: redis,
  RAMCredentials: ram,
  ECS: ecs,
}

/** A valid CreateSecret request of any of the five secret types. */
export const createSecretRequest: fc.Arbitrary<WireRequest> = fc.oneof(generic, rds, redis, ram, ecs)

// -------------------------------------------------------------------------------------
// rule breakers
// -------------------------------------------------------------------------------------

export interface RuleBreaker {
  readonly rule: string
  /** The parameter the error names, if any. */
  readonly parameter?: string
  readonly code: 'MissingParameter' | 'InvalidParameter' | 'UnsupportedOperation'
  /** Whether the breaker applies to this valid request (some rules exist for some types only). */
  readonly appliesTo: (request: WireRequest) => boolean
  readonly break: (request: WireRequest) => WireRequest
}

const typeOf = (r: WireRequest): SecretType => (r['SecretType'] ?? 'Generic') as SecretType
const is =
  (...types: ReadonlyArray<SecretType>) =>
  (r: WireRequest): boolean =>
    types.includes(typeOf(r))
const always = (): boolean => true
const rotating = (r: WireRequest): boolean => r['EnableAutomaticRotation'] === 'true'

const without = (r: WireRequest, name: string): WireRequest =>
  Object.fromEntries(Object.entries(r).filter(([k]) => k !== name))

const config = (r: WireRequest): Record<string, unknown> =>
  JSON.parse(r['ExtendedConfig'] ?? '{}') as Record<string, unknown>
const withConfig = (r: WireRequest, f: (c: Record<string, unknown>) => Record<string, unknown>): WireRequest => ({
  ...r,
  ExtendedConfig: JSON.stringify(f(config(r))),
})
const tagList = (r: WireRequest): Array<{ TagKey: string; TagValue: string }> =>
  JSON.parse(r['Tags'] ?? '[]') as Array<{ TagKey: string; TagValue: string }>
const withTags = (r: WireRequest, f: (t: ReturnType<typeof tagList>) => unknown): WireRequest => ({
  ...r,
  Tags: JSON.stringify(f(tagList(r))),
})
const basePolicy = {
  Version: '1',
  Statement: [{ Effect: 'Allow', Principal: { RAM: ['acs:ram::1:*'] }, Action: ['kms:*'], Resource: ['*'] }],
}
const withStatement = (r: WireRequest, patch: Record<string, unknown>, drop?: string): WireRequest => {
  const statement: Record<string, unknown> = { ...basePolicy.Statement[0], ...patch }
  if (drop !== undefined) delete statement[drop]
  return { ...r, Policy: JSON.stringify({ ...basePolicy, Statement: [statement] }) }
}
const requiredConfigField: { readonly [T in SecretType]?: string } = {
  Rds: 'DBInstanceId',
  Redis: 'AccountPrivilege',
  RAMCredentials: 'UserName',
  ECS: 'InstanceId',
}

const invalid = (
  rule: string,
  parameter: string,
  appliesTo: (r: WireRequest) => boolean,
  f: (r: WireRequest) => WireRequest,
): RuleBreaker => ({ rule, parameter, code: 'InvalidParameter', appliesTo, break: f })
const missing = (rule: string, parameter: string, appliesTo: (r: WireRequest) => boolean): RuleBreaker => ({
  rule,
  parameter,
  code: 'MissingParameter',
  appliesTo,
  break: (r) => without(r, parameter),
})

export const createSecretRuleBreakers: ReadonlyArray<RuleBreaker> = [
  missing('SecretName is required', 'SecretName', always),
  { ...missing('an empty SecretName is missing', 'SecretName', always), break: (r) => ({ ...r, SecretName: '' }) },
  missing('VersionId is required', 'VersionId', always),
  missing('SecretData is required', 'SecretData', always),
  missing(
    'ExtendedConfig is required for typed secrets',
    'ExtendedConfig',
    is('Rds', 'Redis', 'RAMCredentials', 'ECS'),
  ),
  missing('RotationInterval is required when rotation is enabled', 'RotationInterval', rotating),
  {
    rule: 'Generic secrets do not rotate',
    code: 'UnsupportedOperation',
    appliesTo: is('Generic'),
    break: (r) => ({ ...r, EnableAutomaticRotation: 'true', RotationInterval: '30d' }),
  },
  invalid('SecretType is one of five', 'SecretType', always, (r) => ({ ...r, SecretType: 'rds' })),
  invalid('SecretName is at most 192 characters', 'SecretName', is('Generic', 'Rds', 'Redis'), (r) => ({
    ...r,
    SecretName: 'n'.repeat(maxName + 1),
  })),
  invalid('an ECS SecretName is at most 192 characters', 'SecretName', is('ECS'), (r) => ({
    ...r,
    SecretName: `acs/ecs/${'n'.repeat(maxName + 1 - 'acs/ecs/'.length)}`,
  })),
  invalid('SecretName has no space', 'SecretName', is('Generic', 'Rds', 'Redis', 'ECS'), (r) => ({
    ...r,
    SecretName: `${r['SecretName'] ?? ''} x`,
  })),
  invalid('Generic, Rds and Redis names do not start with acs/', 'SecretName', is('Generic', 'Rds', 'Redis'), (r) => ({
    ...r,
    SecretName: `acs/${(r['SecretName'] ?? '').slice(0, 188)}`,
  })),
  invalid('ECS names start with acs/ecs/', 'SecretName', is('ECS'), (r) => ({
    ...r,
    SecretName: `x${(r['SecretName'] ?? '').slice('acs/ecs/'.length)}`,
  })),
  invalid('RAMCredentials names are $Auto', 'SecretName', is('RAMCredentials'), (r) => ({ ...r, SecretName: 'Auto' })),
  invalid('VersionId is at most 64 characters', 'VersionId', always, (r) => ({
    ...r,
    VersionId: 'v'.repeat(Dialect.versionIdRule.maxLength + 1),
  })),
  // The value breakers keep the value they were given inside the value they break, so that a test can
  // look for it in the error.
  invalid('SecretData is at most 30720 bytes', 'SecretData', is('Generic'), (r) => ({
    ...r,
    SecretData: `${r['SecretData'] ?? ''}${'é'.repeat(CreateSecret.limits.secretDataBytes / 2 + 1)}`,
  })),
  invalid('typed SecretData has its JSON shape', 'SecretData', is('Rds', 'Redis', 'RAMCredentials', 'ECS'), (r) => ({
    ...r,
    SecretData: `[${r['SecretData'] ?? '{}'}]`,
  })),
  invalid('SecretDataType is text or binary', 'SecretDataType', always, (r) => ({ ...r, SecretDataType: 'TEXT' })),
  invalid('typed secrets are text', 'SecretDataType', is('Rds', 'Redis', 'RAMCredentials', 'ECS'), (r) => ({
    ...r,
    SecretDataType: 'binary',
  })),
  invalid('ExtendedConfig is a JSON object', 'ExtendedConfig', always, (r) => ({ ...r, ExtendedConfig: '[]' })),
  invalid('ExtendedConfig is at most 1024 characters', 'ExtendedConfig', always, (r) =>
    withConfig(r, (c) => ({ ...c, Pad: 'p'.repeat(CreateSecret.limits.extendedConfigCharacters) })),
  ),
  invalid('CustomData has at most 10 pairs', 'ExtendedConfig', always, (r) =>
    withConfig(r, (c) => ({
      ...c,
      CustomData: Object.fromEntries(
        [...Array(CreateSecret.limits.customDataPairs + 1).keys()].map((i) => [`k${i}`, 'v']),
      ),
    })),
  ),
  invalid('SecretSubType is one of the type', 'ExtendedConfig', is('Rds', 'Redis', 'RAMCredentials', 'ECS'), (r) =>
    withConfig(r, (c) => ({ ...c, SecretSubType: 'Other' })),
  ),
  invalid('the required fields of ExtendedConfig', 'ExtendedConfig', is('Rds', 'Redis', 'RAMCredentials', 'ECS'), (r) =>
    withConfig(r, (c) => {
      const { [requiredConfigField[typeOf(r)] ?? '']: _, ...rest } = c
      return rest
    }),
  ),
  invalid('Redis CloneAccountName is AccountName_clone', 'ExtendedConfig', is('Redis'), (r) =>
    withConfig(r, (c) => ({ ...c, CloneAccountName: `${String(c['AccountName'])}-clone` })),
  ),
  invalid('Tags is a JSON array', 'Tags', always, (r) => ({ ...r, Tags: '{"TagKey":"k","TagValue":"v"}' })),
  invalid('at most 20 tags', 'Tags', always, (r) =>
    withTags(r, () => [...Array(CreateSecret.limits.tags + 1).keys()].map((i) => ({ TagKey: `k${i}`, TagValue: 'v' }))),
  ),
  invalid('TagKey is unique', 'Tags', always, (r) =>
    withTags(r, (t) => [...t, { TagKey: 'dup', TagValue: 'a' }, { TagKey: 'dup', TagValue: 'b' }]),
  ),
  invalid('TagKey does not start with aliyun', 'Tags', always, (r) =>
    withTags(r, (t) => [...t.slice(0, 19), { TagKey: 'aliyunKey', TagValue: 'v' }]),
  ),
  invalid('TagKey does not start with acs:', 'Tags', always, (r) =>
    withTags(r, (t) => [{ TagKey: 'acs:key', TagValue: 'v' }, ...t.slice(1)]),
  ),
  invalid('TagKey is at most 128 characters', 'Tags', always, (r) =>
    withTags(r, () => [{ TagKey: 'k'.repeat(CreateSecret.limits.tagCharacters + 1), TagValue: '' }]),
  ),
  invalid('TagValue is at most 128 characters', 'Tags', always, (r) =>
    withTags(r, () => [{ TagKey: 'k', TagValue: 'v'.repeat(CreateSecret.limits.tagCharacters + 1) }]),
  ),
  invalid('TagKey characters', 'Tags', always, (r) => withTags(r, () => [{ TagKey: 'a key', TagValue: 'v' }])),
  invalid('EnableAutomaticRotation is true or false', 'EnableAutomaticRotation', always, (r) => ({
    ...r,
    EnableAutomaticRotation: 'yes',
  })),
  invalid('RotationInterval is at least 6 hours', 'RotationInterval', rotating, (r) => ({
    ...r,
    RotationInterval: `${CreateSecret.limits.minRotationSeconds - 1}s`,
  })),
  invalid('RotationInterval is at most 8760 hours', 'RotationInterval', rotating, (r) => ({
    ...r,
    RotationInterval: `${CreateSecret.limits.maxRotationSeconds / 3_600 + 1}h`,
  })),
  invalid('RotationInterval has a unit', 'RotationInterval', rotating, (r) => ({ ...r, RotationInterval: '30' })),
  invalid('Policy is JSON', 'Policy', always, (r) => ({ ...r, Policy: '{"Version":"1",' })),
  invalid('Policy is at most 32768 bytes', 'Policy', always, (r) => ({
    ...r,
    Policy: JSON.stringify({ ...basePolicy, Pad: 'p'.repeat(CreateSecret.limits.policyBytes) }),
  })),
  invalid('Policy Version is "1"', 'Policy', always, (r) => ({
    ...r,
    Policy: JSON.stringify({ ...basePolicy, Version: '2' }),
  })),
  invalid('Policy has a statement', 'Policy', always, (r) => ({
    ...r,
    Policy: JSON.stringify({ ...basePolicy, Statement: [] }),
  })),
  invalid('Effect is Allow or Deny', 'Policy', always, (r) => withStatement(r, { Effect: 'allow' })),
  invalid('Principal is present', 'Policy', always, (r) => withStatement(r, {}, 'Principal')),
  invalid('Action starts with kms:', 'Policy', always, (r) => withStatement(r, { Action: ['kms:*', 'ecs:*'] })),
  invalid('Resource is *', 'Policy', always, (r) => withStatement(r, { Resource: ['acs:kms:*'] })),
  invalid('Sid is at most 128 characters', 'Policy', always, (r) =>
    withStatement(r, { Sid: 's'.repeat(CreateSecret.limits.sidCharacters + 1) }),
  ),
  invalid('Sid characters', 'Policy', always, (r) => withStatement(r, { Sid: 'no!' })),
]

// -------------------------------------------------------------------------------------
// every operation
// -------------------------------------------------------------------------------------

const bool = fc.constantFrom('true', 'false')
const opt = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined })
const stageLabel = text(1, Dialect.stageLabelRule.maxLength)
const tagKey = tag.map((t) => t.TagKey)
const repeatList = (name: string, values: ReadonlyArray<string>): Record<string, string> =>
  Object.fromEntries(values.map((v, i) => [`${name}.${i + 1}`, v]))
const scope = { RegionId: 'cn-hangzhou', ResourceType: 'secret' } as const

const request = (fields: { readonly [K: string]: fc.Arbitrary<string | undefined> }): fc.Arbitrary<WireRequest> =>
  fc.record(fields, { noNullPrototype: true }).map(defined)

const pageSize = (max: number): fc.Arbitrary<string> => fc.integer({ min: 1, max }).map(String)
const pageNumber = (max: number): fc.Arbitrary<string> =>
  fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max })).map(String)

const passwordClasses = ['ExcludeLowercase', 'ExcludeUppercase', 'ExcludeNumbers', 'ExcludePunctuation'] as const

/**
 * A valid request of every operation: each decodes (the secrets it names may not exist).
 *
 * @since 0.1.0
 */
export const requests: { readonly [A in Action]: fc.Arbitrary<WireRequest> } = {
  CreateSecret: createSecretRequest,
  GetSecretValue: request({
    SecretName: plainSecretName,
    VersionId: opt(versionId),
    FetchExtendedConfig: opt(bool),
  }),
  BatchGetSecretValue: fc
    .array(fc.record({ SecretName: plainSecretName, VersionStage: stageLabel }, { requiredKeys: ['SecretName'] }), {
      minLength: 1,
      maxLength: BatchGetSecretValue.maxSecrets,
    })
    .map((list) => ({ SecretsList: JSON.stringify(list) })),
  ListSecretVersionIds: request({
    SecretName: plainSecretName,
    IncludeDeprecated: opt(bool),
    PageSize: opt(pageSize(ListSecretVersionIds.paging.maxPageSize)),
    PageNumber: opt(pageNumber(ListSecretVersionIds.paging.maxPageNumber)),
  }),
  UpdateSecretVersionStage: request({
    SecretName: plainSecretName,
    VersionStage: stageLabel,
    RemoveFromVersion: opt(versionId),
    MoveToVersion: versionId,
  }),
  PutSecretValue: request({
    SecretName: plainSecretName,
    VersionId: versionId,
    SecretData: text(1, 200),
    SecretDataType: opt(fc.constantFrom('text', 'binary')),
    VersionStages: opt(
      fc.uniqueArray(stageLabel, { minLength: 1, maxLength: Dialect.rules.maxStages }).map((s) => JSON.stringify(s)),
    ),
  }),
  DescribeSecret: request({ SecretName: plainSecretName, FetchTags: opt(bool) }),
  ListSecrets: request({
    FetchTags: opt(bool),
    PageSize: opt(pageSize(ListSecrets.listLimits.maxPageSize)),
    PageNumber: opt(pageNumber(ListSecrets.listLimits.maxPageNumber)),
  }),
  UpdateSecret: request({ SecretName: plainSecretName, Description: opt(text(0, 40)) }),
  DeleteSecret: request({
    SecretName: plainSecretName,
    RecoveryWindowInDays: opt(
      fc.integer({ min: DeleteSecret.recoveryWindow.minDays, max: DeleteSecret.recoveryWindow.maxDays }).map(String),
    ),
    ForceDeleteWithoutRecovery: opt(bool),
  }),
  RestoreSecret: request({ SecretName: plainSecretName }),
  SetSecretPolicy: request({ SecretName: plainSecretName, Policy: policy }),
  GetSecretPolicy: request({ SecretName: plainSecretName }),
  ListTagResources: fc
    .uniqueArray(plainSecretName, { maxLength: 3 })
    .map((ids) => ({ ...scope, ...repeatList('ResourceId', ids) })),
  TagResources: fc
    .record({
      ids: fc.uniqueArray(plainSecretName, { minLength: 1, maxLength: 3 }),
      tags: fc.uniqueArray(tag, { minLength: 1, maxLength: 3, selector: (t) => t.TagKey }),
    })
    .map(({ ids, tags }) => ({
      ...scope,
      ...repeatList('ResourceId', ids),
      ...Object.fromEntries(
        tags.flatMap((t, i) => [
          [`Tag.${i + 1}.Key`, t.TagKey],
          [`Tag.${i + 1}.Value`, t.TagValue],
        ]),
      ),
    })),
  UntagResources: fc
    .record({
      ids: fc.uniqueArray(plainSecretName, { minLength: 1, maxLength: 3 }),
      keys: fc.uniqueArray(tagKey, { minLength: 1, maxLength: 3 }),
    })
    .map(({ ids, keys }) => ({ ...scope, ...repeatList('ResourceId', ids), ...repeatList('TagKey', keys) })),
  TagResource: request({
    SecretName: plainSecretName,
    Tags: fc.uniqueArray(tag, { minLength: 1, maxLength: 5, selector: (t) => t.TagKey }).map((t) => JSON.stringify(t)),
  }),
  UntagResource: request({
    SecretName: plainSecretName,
    TagKeys: fc.uniqueArray(tagKey, { minLength: 1, maxLength: 5 }).map((k) => JSON.stringify(k)),
  }),
  RotateSecret: request({ SecretName: plainSecretName, VersionId: versionId }),
  UpdateSecretRotationPolicy: fc.oneof(
    request({ SecretName: plainSecretName, EnableAutomaticRotation: fc.constant('false') }),
    request({
      SecretName: plainSecretName,
      EnableAutomaticRotation: fc.constant('true'),
      RotationInterval: rotationIntervalBetween(
        UpdateSecretRotationPolicy.limits.minRotationSeconds,
        UpdateSecretRotationPolicy.limits.maxRotationSeconds,
      ),
    }),
  ),
  GetRandomPassword: fc
    .record({
      length: opt(fc.integer({ min: Password.limits.minLength, max: Password.limits.maxLength })),
      excluded: fc.subarray([...passwordClasses], { maxLength: passwordClasses.length - 1 }),
      requireEach: opt(bool),
    })
    .map(({ length, excluded, requireEach }) =>
      defined({
        PasswordLength: length === undefined ? undefined : String(length),
        RequireEachIncludedType: requireEach,
        ...Object.fromEntries(excluded.map((e) => [e, 'true'])),
      }),
    ),
}

const has =
  (name: string) =>
  (r: WireRequest): boolean =>
    r[name] !== undefined
const notForced = (r: WireRequest): boolean => r['ForceDeleteWithoutRecovery'] !== 'true'

/**
 * For every operation, the rules a request can break on its own, with the error each gives; for
 * CreateSecret, `createSecretRuleBreakers`.
 *
 * @since 0.1.0
 */
export const ruleBreakers: { readonly [A in Action]: ReadonlyArray<RuleBreaker> } = {
  CreateSecret: createSecretRuleBreakers,
  GetSecretValue: [
    missing('SecretName is required', 'SecretName', always),
    invalid('FetchExtendedConfig is true or false', 'FetchExtendedConfig', always, (r) => ({
      ...r,
      FetchExtendedConfig: 'TRUE',
    })),
  ],
  BatchGetSecretValue: [
    missing('SecretsList is required', 'SecretsList', always),
    invalid('SecretsList has at least one entry', 'SecretsList', always, (r) => ({ ...r, SecretsList: '[]' })),
    invalid(`SecretsList has at most ${BatchGetSecretValue.maxSecrets} entries`, 'SecretsList', always, (r) => ({
      ...r,
      SecretsList: JSON.stringify(
        Array.from({ length: BatchGetSecretValue.maxSecrets + 1 }, (_, i) => ({ SecretName: `s${i}` })),
      ),
    })),
    invalid('SecretsList is JSON', 'SecretsList', always, (r) => ({ ...r, SecretsList: '[{' })),
  ],
  ListSecretVersionIds: [
    missing('SecretName is required', 'SecretName', always),
    invalid('PageSize is at least 1', 'PageSize', always, (r) => ({ ...r, PageSize: '0' })),
    invalid(`PageSize is at most ${ListSecretVersionIds.paging.maxPageSize}`, 'PageSize', always, (r) => ({
      ...r,
      PageSize: String(ListSecretVersionIds.paging.maxPageSize + 1),
    })),
    invalid('IncludeDeprecated is true or false', 'IncludeDeprecated', always, (r) => ({
      ...r,
      IncludeDeprecated: 'yes',
    })),
  ],
  UpdateSecretVersionStage: [
    missing('SecretName is required', 'SecretName', always),
    missing('VersionStage is required', 'VersionStage', always),
    {
      ...missing('a version to move to or remove from is required', 'MoveToVersion', always),
      break: (r) => without(without(r, 'MoveToVersion'), 'RemoveFromVersion'),
    },
    invalid('ACSCurrent can only be moved', 'VersionStage', always, (r) => ({
      ...without(r, 'MoveToVersion'),
      VersionStage: Dialect.currentStage,
      RemoveFromVersion: 'v1',
    })),
    invalid('VersionStage is at most 64 characters', 'VersionStage', always, (r) => ({
      ...r,
      VersionStage: 's'.repeat(Dialect.stageLabelRule.maxLength + 1),
    })),
  ],
  PutSecretValue: [
    missing('SecretName is required', 'SecretName', always),
    missing('VersionId is required', 'VersionId', always),
    missing('SecretData is required', 'SecretData', always),
    invalid('VersionId is at most 64 characters', 'VersionId', always, (r) => ({
      ...r,
      VersionId: 'v'.repeat(Dialect.versionIdRule.maxLength + 1),
    })),
    invalid('VersionStages is not empty', 'VersionStages', always, (r) => ({ ...r, VersionStages: '[]' })),
    invalid('SecretDataType is text or binary', 'SecretDataType', always, (r) => ({ ...r, SecretDataType: 'TEXT' })),
  ],
  DescribeSecret: [
    missing('SecretName is required', 'SecretName', always),
    invalid('FetchTags is true or false', 'FetchTags', always, (r) => ({ ...r, FetchTags: 'yes' })),
  ],
  ListSecrets: [
    invalid(`PageSize is at most ${ListSecrets.listLimits.maxPageSize}`, 'PageSize', always, (r) => ({
      ...r,
      PageSize: String(ListSecrets.listLimits.maxPageSize + 1),
    })),
    invalid('PageNumber is at least 1', 'PageNumber', always, (r) => ({ ...r, PageNumber: '0' })),
    invalid('FetchTags is true or false', 'FetchTags', always, (r) => ({ ...r, FetchTags: 'yes' })),
  ],
  UpdateSecret: [missing('SecretName is required', 'SecretName', always)],
  DeleteSecret: [
    missing('SecretName is required', 'SecretName', always),
    invalid(
      `RecoveryWindowInDays is at least ${DeleteSecret.recoveryWindow.minDays}`,
      'RecoveryWindowInDays',
      notForced,
      (r) => ({ ...r, RecoveryWindowInDays: String(DeleteSecret.recoveryWindow.minDays - 1) }),
    ),
    invalid(
      `RecoveryWindowInDays is at most ${DeleteSecret.recoveryWindow.maxDays}`,
      'RecoveryWindowInDays',
      notForced,
      (r) => ({ ...r, RecoveryWindowInDays: String(DeleteSecret.recoveryWindow.maxDays + 1) }),
    ),
  ],
  RestoreSecret: [missing('SecretName is required', 'SecretName', always)],
  SetSecretPolicy: [
    missing('SecretName is required', 'SecretName', always),
    missing('Policy is required', 'Policy', always),
    invalid('Policy is JSON', 'Policy', always, (r) => ({ ...r, Policy: '{"Version":"1",' })),
  ],
  GetSecretPolicy: [missing('SecretName is required', 'SecretName', always)],
  ListTagResources: [missing('RegionId is required', 'RegionId', always)],
  TagResources: [
    missing('RegionId is required', 'RegionId', always),
    missing('ResourceType is required', 'ResourceType', always),
  ],
  UntagResources: [
    missing('RegionId is required', 'RegionId', always),
    missing('ResourceType is required', 'ResourceType', always),
  ],
  TagResource: [
    missing('Tags is required', 'Tags', always),
    invalid('Tags is a JSON array', 'Tags', always, (r) => ({ ...r, Tags: '{"TagKey":"k","TagValue":"v"}' })),
  ],
  UntagResource: [missing('TagKeys is required', 'TagKeys', always)],
  RotateSecret: [
    missing('SecretName is required', 'SecretName', always),
    missing('VersionId is required', 'VersionId', always),
  ],
  UpdateSecretRotationPolicy: [
    missing('SecretName is required', 'SecretName', always),
    missing('EnableAutomaticRotation is required', 'EnableAutomaticRotation', always),
    missing('RotationInterval is required when rotation is enabled', 'RotationInterval', has('RotationInterval')),
    invalid('RotationInterval is at least 7 days here', 'RotationInterval', has('RotationInterval'), (r) => ({
      ...r,
      RotationInterval: `${UpdateSecretRotationPolicy.limits.minRotationSeconds - 1}s`,
    })),
  ],
  GetRandomPassword: [
    invalid(`PasswordLength is at least ${Password.limits.minLength}`, 'PasswordLength', always, (r) => ({
      ...r,
      PasswordLength: String(Password.limits.minLength - 1),
    })),
    invalid(`PasswordLength is at most ${Password.limits.maxLength}`, 'PasswordLength', always, (r) => ({
      ...r,
      PasswordLength: String(Password.limits.maxLength + 1),
    })),
    {
      rule: 'some character class is included',
      code: 'InvalidParameter',
      appliesTo: always,
      break: (r) => ({ ...r, ...Object.fromEntries(passwordClasses.map((c) => [c, 'true'])) }),
    },
  ],
}

/**
 * A request of `action` that breaks exactly one of its rules, with the rule.
 *
 * @since 0.1.0
 */
export const brokenRequest = (
  action: Action,
): fc.Arbitrary<{ readonly request: WireRequest; readonly breaker: RuleBreaker }> =>
  fc
    .tuple(requests[action], fc.constantFrom(...ruleBreakers[action]))
    .filter(([request, breaker]) => breaker.appliesTo(request))
    .map(([request, breaker]) => ({ request: breaker.break(request), breaker }))
