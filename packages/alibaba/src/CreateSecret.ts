/**
 * CreateSecret: the wire parameters of the request, decoded into a `CreateSecretCommand` or the
 * exact Alibaba error, and the initial secret built from a command (the handler stores it, its
 * value sealed). Every rule of the current
 * CreateSecret page (seed 000) is here, each as an io-ts codec; where a rule exists in the core
 * (names, version ids), the codec calls the core's smart constructor with the dialect's rule.
 * Parameters are checked in a fixed order, so one request always yields the same first error:
 * missing required parameters, then SecretType (the other rules depend on it), then the parameters
 * in the order of the documentation.
 *
 * @since 0.1.0
 */
import { Redacted, Secret, SecretName, Text, VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as ApiError from './ApiError.js'
import { cloneSuffix } from './Credentials.js'
import * as Dialect from './Dialect.js'
import * as Json from './Json.js'
import * as Params from './Params.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type SecretType = 'Generic' | 'Rds' | 'Redis' | 'RAMCredentials' | 'ECS'

/**
 * @category model
 * @since 0.1.0
 */
export type SecretDataType = 'text' | 'binary'

/**
 * Automatic rotation; the interval is kept in seconds, the unit the responses use.
 *
 * @category model
 * @since 0.1.0
 */
export type Rotation = { readonly enabled: false } | { readonly enabled: true; readonly intervalSeconds: number }

/**
 * @category model
 * @since 0.1.0
 */
export interface Tag {
  readonly key: string
  readonly value: string
}

/**
 * The wire parameters, for the typed method. JSON-valued parameters are JSON text.
 *
 * @category model
 * @since 0.1.0
 */
export interface CreateSecretRequest {
  readonly SecretName: string
  readonly VersionId: string
  readonly SecretData: string
  readonly SecretDataType?: SecretDataType
  readonly SecretType?: SecretType
  readonly EncryptionKeyId?: string
  readonly Description?: string
  readonly Tags?: string
  readonly ExtendedConfig?: string
  readonly EnableAutomaticRotation?: 'true' | 'false'
  readonly RotationInterval?: string
  readonly DKMSInstanceId?: string
  readonly Policy?: string
}

/**
 * A decoded, valid CreateSecret request. Plain data: no methods, no classes. The secret value is
 * `Redacted`, so a command can be logged, printed or serialised without leaking it.
 *
 * @category model
 * @since 0.1.0
 */
export interface CreateSecretCommand {
  readonly _tag: 'CreateSecret'
  /**
   * For RAMCredentials: `acs/ram/user/<UserName>`, built from `ExtendedConfig`. A `SecretName` given
   * as an ARN is the name inside it.
   */
  readonly secretName: SecretName.SecretName
  /**
   * The region and account of the ARN that `SecretName` was given as, if it was: the engine, which
   * knows its own, refuses an ARN of any other.
   */
  readonly arnScope?: ArnScope
  readonly versionId: VersionId.VersionId
  /** The secret value: it prints as `<redacted>`; `Redacted.value` reveals it. */
  readonly secretData: Redacted.Redacted<string>
  readonly dataType: SecretDataType
  readonly secretType: SecretType
  readonly extendedConfig?: Json.JsonParameter
  /** In request order; empty when the request has no `Tags`. */
  readonly tags: ReadonlyArray<Tag>
  readonly rotation: Rotation
  readonly policy?: Json.JsonParameter
  readonly description?: string
  readonly encryptionKeyId?: string
  readonly dkmsInstanceId?: string
}

/**
 * The value of a version as the core stores it before encryption.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretValue {
  readonly secretData: Redacted.Redacted<string>
  readonly dataType: SecretDataType
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const limits = {
  secretDataBytes: 30_720,
  extendedConfigCharacters: 1_024,
  customDataPairs: 10,
  tags: 20,
  tagCharacters: 128,
  policyBytes: 32_768,
  sidCharacters: 128,
  minRotationSeconds: 6 * 3_600,
  maxRotationSeconds: 8_760 * 3_600,
} as const

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decodes the wire parameters of a CreateSecret request.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, CreateSecretCommand> => {
  // A gateway reports a missing required parameter before it looks at any value.
  const missing = Params.firstMissing(params, ['SecretName', 'VersionId', 'SecretData'])
  if (missing !== undefined) return E.left(missing)
  const decodedType = Params.optional(params, 'SecretType', SecretTypeC)
  if (E.isLeft(decodedType)) return decodedType
  const secretType = decodedType.right ?? 'Generic'
  const name = Params.required(params, 'SecretName', secretNameC(secretType))
  if (E.isLeft(name)) return name
  const versionId = Params.required(params, 'VersionId', VersionIdC)
  if (E.isLeft(versionId)) return versionId
  const dataType = decodeDataType(secretType, params)
  if (E.isLeft(dataType)) return dataType
  const extendedConfig =
    secretType === 'Generic'
      ? Params.optional(params, 'ExtendedConfig', extendedConfigC(secretType))
      : Params.required(params, 'ExtendedConfig', extendedConfigC(secretType))
  if (E.isLeft(extendedConfig)) return extendedConfig
  const subType = extendedConfig.right?.value['SecretSubType']
  const secretData = Params.required(params, 'SecretData', secretDataC(secretType, subType))
  if (E.isLeft(secretData)) return secretData
  const tags = Params.optional(params, 'Tags', TagsC)
  if (E.isLeft(tags)) return tags
  const rotation = decodeRotation(secretType, params)
  if (E.isLeft(rotation)) return rotation
  const policy = Params.optional(params, 'Policy', PolicyC)
  if (E.isLeft(policy)) return policy
  const secretName = resolveName(name.right, extendedConfig.right)
  if (E.isLeft(secretName)) return secretName
  // Built as a literal of the fields every command has, the optional ones assigned after it: V8 adds
  // an assigned field along a cached shape transition, and copies a spread field on a slow path.
  const command: Writable<CreateSecretCommand> = {
    _tag: 'CreateSecret',
    secretName: secretName.right,
    versionId: versionId.right,
    secretData: Redacted.make(secretData.right),
    dataType: dataType.right,
    secretType,
    tags: tags.right ?? [],
    rotation: rotation.right,
  }
  if (!name.right.auto && name.right.arnScope !== undefined) command.arnScope = name.right.arnScope
  if (extendedConfig.right !== undefined) command.extendedConfig = extendedConfig.right
  if (policy.right !== undefined) command.policy = policy.right
  const description = Params.lookup(params, 'Description')
  if (description !== undefined) command.description = description
  const encryptionKeyId = Params.lookup(params, 'EncryptionKeyId')
  if (encryptionKeyId !== undefined) command.encryptionKeyId = encryptionKeyId
  const dkmsInstanceId = Params.lookup(params, 'DKMSInstanceId')
  if (dkmsInstanceId !== undefined) command.dkmsInstanceId = dkmsInstanceId
  return E.right(command)
}

type Writable<A> = { -readonly [K in keyof A]: A[K] }

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The secret that CreateSecret stores: one version, `versionId`, labelled ACSCurrent alone, whose
 * value is `value` (the handler passes the sealed value) or, without it, the command's plaintext
 * value. `createdAt` (milliseconds since the epoch) is a parameter: the core reads no clock.
 *
 * @category destructors
 * @since 0.1.0
 */
export function initialSecret(command: CreateSecretCommand, createdAt: number): Secret.Secret<SecretValue>
export function initialSecret<V>(command: CreateSecretCommand, createdAt: number, value: V): Secret.Secret<V>
export function initialSecret(
  command: CreateSecretCommand,
  createdAt: number,
  value?: unknown,
): Secret.Secret<unknown> {
  return Secret.create(Dialect.rules)(command.secretName, {
    versionId: command.versionId,
    createdAt,
    value: value ?? { secretData: command.secretData, dataType: command.dataType },
  })
}

// -------------------------------------------------------------------------------------
// codecs: simple values
// -------------------------------------------------------------------------------------
//
// The exported codecs are the rules other operations share with CreateSecret (PutSecretValue's
// VersionId and SecretData, TagResource's Tags, UpdateSecretRotationPolicy's RotationInterval,
// SetSecretPolicy's Policy, UpdateSecret's CustomData, BatchGetSecretValue's non-empty
// SecretName): one rule, one implementation.

/** A string, named so that a reason reads "must be a string". */
const AString = new t.Type<string, string, unknown>('a string', t.string.is, t.string.validate, t.identity)

export const NonEmptyString = new t.Type<string, string, unknown>(
  'a non-empty string',
  (u): u is string => typeof u === 'string' && u.length > 0,
  (u, c) => (typeof u === 'string' && u.length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/** A non-empty array of `item`, with `name` as what the reason says is expected. */
const nonEmptyArray = <A>(
  item: t.Type<A, unknown, unknown>,
  name: string,
): t.Type<ReadonlyArray<A>, unknown, unknown> => {
  const array = t.readonlyArray(item)
  return new t.Type<ReadonlyArray<A>, unknown, unknown>(
    name,
    (u): u is ReadonlyArray<A> => array.is(u) && u.length > 0,
    (u, c) => (Array.isArray(u) && u.length > 0 ? array.validate(u, c) : t.failure(u, c)),
    t.identity,
  )
}

/** A JSON object of at most `max` keys, whatever the values. */
const smallObject = (max: number, name: string): t.Type<Json.JsonObject, unknown, unknown> =>
  new t.Type<Json.JsonObject, unknown, unknown>(
    name,
    (u): u is Json.JsonObject => Json.isObject(u) && Object.keys(u).length <= max,
    (u, c) => (Json.isObject(u) && Object.keys(u).length <= max ? t.success(u) : t.failure(u, c)),
    t.identity,
  )

export const SecretTypeC = t.keyof(
  { Generic: null, Rds: null, Redis: null, RAMCredentials: null, ECS: null },
  'one of Generic, Rds, Redis, RAMCredentials, ECS',
)

export const SecretDataTypeC = t.keyof({ text: null, binary: null }, 'text or binary')

export const BooleanC = t.keyof({ true: null, false: null }, 'true or false')

// -------------------------------------------------------------------------------------
// codecs: SecretName and VersionId
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ArnScope {
  readonly region: string
  readonly accountId: string
}

/** `$Auto` (RAMCredentials: the name is built from ExtendedConfig) or a name, given as itself or in an ARN. */
type NameRequest =
  { readonly auto: true } | { readonly auto: false; readonly name: SecretName.SecretName; readonly arnScope?: ArnScope }

/**
 * A codec per secret type, built on first use and shared after: an io-ts `Type` binds its methods
 * when it is built, which every CreateSecret paid for each of its codecs.
 */
const perSecretType = <A>(make: (secretType: SecretType) => A): ((secretType: SecretType) => A) => {
  const built = new Map<SecretType, A>()
  return (secretType) => {
    const known = built.get(secretType)
    if (known !== undefined) return known
    const codec = make(secretType)
    built.set(secretType, codec)
    return codec
  }
}

const autoName = '$Auto'

const textProblemReason = {
  Empty: 'It must not be empty.',
  TooLong: `It must be at most ${Dialect.secretNameRule.maxLength} characters long.`,
  InvalidCharacter: 'It may contain only letters, digits and _ / + = . - @',
} as const

const secretNameC = perSecretType(
  (secretType): t.Type<NameRequest, string, string> =>
    new t.Type<NameRequest, string, string>(
      'SecretName',
      (u): u is NameRequest => typeof u === 'object' && u !== null && 'auto' in u,
      (s, c) => {
        if (secretType === 'RAMCredentials') {
          return s === autoName
            ? t.success({ auto: true })
            : t.failure(s, c, `A RAMCredentials secret name must be "${autoName}".`)
        }
        // An ARN stands for the name inside it (every SecretName parameter accepts one); the name is
        // checked as any other, and its region and account by the engine (see `arnScope`).
        const arn = s.startsWith('acs:kms:') ? Wire.arnParts(s) : undefined
        const text = arn === undefined ? s : arn.name
        const name = SecretName.fromString(Dialect.secretNameRule)(text)
        if (E.isLeft(name)) {
          return t.failure(
            s,
            c,
            name.left._tag === 'InvalidSecretName' ? textProblemReason[name.left.problem] : undefined,
          )
        }
        if (secretType === 'ECS' && !text.startsWith('acs/ecs/')) {
          return t.failure(s, c, 'An ECS secret name must start with "acs/ecs/".')
        }
        if (secretType !== 'ECS' && text.startsWith('acs/')) {
          return t.failure(s, c, `A ${secretType} secret name must not start with "acs/".`)
        }
        return arn === undefined
          ? t.success({ auto: false, name: name.right })
          : t.success({ auto: false, name: name.right, arnScope: { region: arn.region, accountId: arn.accountId } })
      },
      (n) => (n.auto ? autoName : n.name),
    ),
)

export const VersionIdC = Params.brandedC('VersionId', Dialect.versionIdRule, VersionId.fromString)

/** The RAM secret's name: `acs/ram/user/<UserName>`, checked by the same rule as any name. */
const ramSecretName = (userName: string): E.Either<unknown, SecretName.SecretName> =>
  SecretName.fromString(Dialect.secretNameRule)(`acs/ram/user/${userName}`)

const isRamUserName = (u: unknown): u is string => typeof u === 'string' && u.length > 0 && E.isRight(ramSecretName(u))

const RamUserNameC = new t.Type<string, string, unknown>(
  'a RAM user name that makes a valid secret name acs/ram/user/<UserName>',
  isRamUserName,
  (u, c) => (isRamUserName(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)

const resolveName = (
  name: NameRequest,
  extendedConfig: Json.JsonParameter | undefined,
): E.Either<ApiError.ApiError, SecretName.SecretName> => {
  if (!name.auto) return E.right(name.name)
  // RamUserNameC has already accepted this UserName; the check runs again only to keep the brand honest.
  const userName = extendedConfig?.value['UserName']
  return pipe(
    typeof userName === 'string' ? ramSecretName(userName) : E.left(undefined),
    E.mapLeft(() => ApiError.invalidParameter('ExtendedConfig', `"UserName" must be ${RamUserNameC.name}.`)),
  )
}

// -------------------------------------------------------------------------------------
// codecs: SecretDataType and SecretData
// -------------------------------------------------------------------------------------

// Plain early returns rather than a pipe of E.map and E.filterOrElse, as in `decode` above: every
// CreateSecret runs this, and each fp-ts combinator call allocates its closures (0.6 µs here).
const decodeDataType = (secretType: SecretType, params: Params.Params): E.Either<ApiError.ApiError, SecretDataType> => {
  const decoded = Params.optional(params, 'SecretDataType', SecretDataTypeC)
  if (E.isLeft(decoded)) return decoded
  const dataType = decoded.right ?? 'text'
  return secretType === 'Generic' || dataType === 'text'
    ? E.right(dataType)
    : E.left(ApiError.invalidParameter('SecretDataType', `It must be text for a ${secretType} secret.`))
}

const Account = t.type({ AccountName: AString, AccountPassword: AString })
const AccountsData = t.type(
  { Accounts: nonEmptyArray(Account, 'a non-empty array of {"AccountName":"","AccountPassword":""}') },
  'a JSON object {"Accounts":[{"AccountName":"","AccountPassword":""}]}',
)
const AccessKey = t.type({ AccessKeyId: AString, AccessKeySecret: AString })
const AccessKeysData = t.type(
  { AccessKeys: nonEmptyArray(AccessKey, 'a non-empty array of {"AccessKeyId":"","AccessKeySecret":""}') },
  'a JSON object {"AccessKeys":[{"AccessKeyId":"","AccessKeySecret":""}]}',
)
const EcsPasswordData = t.type({ UserName: AString, Password: AString }, 'a JSON object {"UserName":"","Password":""}')
const EcsSshKeyData = t.type(
  { UserName: AString, PublicKey: AString, PrivateKey: AString },
  'a JSON object {"UserName":"","PublicKey":"","PrivateKey":""}',
)

/** The JSON shape the seed gives for the value of each secret type (ECS: by SecretSubType). */
const secretDataShape = (
  secretType: SecretType,
  subType: Json.Json | undefined,
): t.Decoder<unknown, unknown> | undefined => {
  switch (secretType) {
    case 'Generic':
      return undefined
    case 'Rds':
    case 'Redis':
      return AccountsData
    case 'RAMCredentials':
      return AccessKeysData
    case 'ECS':
      return subType === 'SSHKey' ? EcsSshKeyData : EcsPasswordData
  }
}

/**
 * `SecretData` for a secret of this type: at most 30,720 bytes of UTF-8, and of the type's JSON shape
 * (see `secretDataShape`). The codecs are built once per type and shared: an io-ts `Type` binds its
 * methods when it is built, and building one for every CreateSecret and PutSecretValue was a tenth
 * of the memory those requests allocate.
 *
 * @category codecs
 * @since 0.1.0
 */
export const secretDataC = (secretType: SecretType, subType: Json.Json | undefined): t.Type<string, string, string> => {
  const shape = secretDataShape(secretType, subType)
  // Without a shape the codec does not depend on the type; with one, its message names the type.
  const key = shape === undefined ? '' : `${secretType} ${shape.name}`
  const known = secretDataCodecs.get(key)
  if (known !== undefined) return known
  const codec = makeSecretDataC(secretType, shape)
  secretDataCodecs.set(key, codec)
  return codec
}

const secretDataCodecs = new Map<string, t.Type<string, string, string>>()

const makeSecretDataC = (
  secretType: SecretType,
  shape: t.Decoder<unknown, unknown> | undefined,
): t.Type<string, string, string> =>
  new t.Type<string, string, string>(
    'SecretData',
    (u): u is string => typeof u === 'string',
    (s, c) => {
      if (!Text.utf8FitsIn(s, limits.secretDataBytes)) {
        return t.failure(s, c, `It must be at most ${limits.secretDataBytes} bytes long (UTF-8).`)
      }
      if (shape === undefined) return t.success(s)
      // Never the JSON.parse message nor a value: this is the secret itself.
      const json = Json.parse(s)
      if (E.isLeft(json)) return t.failure(s, c, `It must be ${shape.name} for a ${secretType} secret.`)
      return pipe(
        shape.decode(json.right),
        E.map(() => s),
      )
    },
    t.identity,
  )

// -------------------------------------------------------------------------------------
// codecs: ExtendedConfig
// -------------------------------------------------------------------------------------

/** ExtendedConfig's `CustomData`, which UpdateSecret replaces under the same rule. */
export const CustomData = smallObject(
  limits.customDataPairs,
  `a JSON object of at most ${limits.customDataPairs} pairs`,
)
const WithCustomData = t.partial({ CustomData })

const RdsConfig = t.intersection([
  t.type({
    SecretSubType: t.keyof({ SingleUser: null, DoubleUsers: null }, 'SingleUser or DoubleUsers'),
    DBInstanceId: NonEmptyString,
  }),
  WithCustomData,
])

const RedisConfig = t.intersection([
  t.type({
    SecretSubType: t.keyof({ DoubleUsers: null }, 'DoubleUsers'),
    AccountName: NonEmptyString,
    CloneAccountName: NonEmptyString,
    AccountPrivilege: NonEmptyString,
    InstanceId: NonEmptyString,
    RegionId: NonEmptyString,
  }),
  WithCustomData,
])

const RamConfig = t.intersection([
  t.type({ SecretSubType: t.keyof({ RamUserAccessKey: null }, 'RamUserAccessKey'), UserName: RamUserNameC }),
  WithCustomData,
])

const EcsConfig = t.intersection([
  t.type({
    SecretSubType: t.keyof({ Password: null, SSHKey: null }, 'Password or SSHKey'),
    RegionId: NonEmptyString,
    InstanceId: NonEmptyString,
  }),
  WithCustomData,
])

const configShape = (secretType: SecretType): t.Decoder<unknown, unknown> => {
  switch (secretType) {
    case 'Generic':
      return WithCustomData
    case 'Rds':
      return RdsConfig
    case 'Redis':
      return RedisConfig
    case 'RAMCredentials':
      return RamConfig
    case 'ECS':
      return EcsConfig
  }
}

const JsonObjectFromString = Json.objectFromString(true)

const extendedConfigC = perSecretType((secretType): t.Type<Json.JsonParameter, string, string> => {
  const shape = configShape(secretType)
  return new t.Type<Json.JsonParameter, string, string>(
    'ExtendedConfig',
    JsonObjectFromString.is,
    (s, c) => {
      if (Text.codePointLength(s) > limits.extendedConfigCharacters) {
        return t.failure(s, c, `It must be at most ${limits.extendedConfigCharacters} characters long.`)
      }
      return pipe(
        JsonObjectFromString.validate(s, c),
        E.chain((config) =>
          pipe(
            shape.decode(config.value),
            E.chain(() =>
              secretType === 'Redis' &&
              config.value['CloneAccountName'] !== `${config.value['AccountName']}${cloneSuffix}`
                ? t.failure<Json.JsonParameter>(
                    s,
                    c,
                    `"CloneAccountName" must be "AccountName" followed by "${cloneSuffix}".`,
                  )
                : t.success(config),
            ),
          ),
        ),
      )
    },
    (config) => config.raw,
  )
})

// -------------------------------------------------------------------------------------
// codecs: Tags
// -------------------------------------------------------------------------------------

const tagCharacters = /^[A-Za-z0-9/\\_\-.+=:@]*$/

export const TagKeyC = checkedString(
  `1 to ${limits.tagCharacters} letters, digits or / \\ _ - . + = : @, not starting with aliyun or acs:`,
  (u) =>
    u.length > 0 &&
    u.length <= limits.tagCharacters &&
    tagCharacters.test(u) &&
    !u.startsWith('aliyun') &&
    !u.startsWith('acs:'),
)

export const TagValueC = checkedString(
  `at most ${limits.tagCharacters} letters, digits or / \\ _ - . + = : @`,
  (u) => u.length <= limits.tagCharacters && tagCharacters.test(u),
)

const TagList = t.readonlyArray(
  t.type({ TagKey: TagKeyC, TagValue: TagValueC }),
  'a JSON array of {"TagKey":"","TagValue":""}',
)

export const TagsC = new t.Type<ReadonlyArray<Tag>, string, string>(
  'Tags',
  (u): u is ReadonlyArray<Tag> => Array.isArray(u),
  (s, c) => {
    const json = Json.parseLenient(s)
    if (E.isLeft(json)) return t.failure(s, c, `It must be ${TagList.name}, and it is not valid JSON.`)
    return pipe(
      TagList.decode(json.right),
      E.chain((list) => {
        if (list.length > limits.tags) return t.failure(s, c, `It may hold at most ${limits.tags} tags.`)
        if (new Set(list.map((tag) => tag.TagKey)).size !== list.length) {
          return t.failure(s, c, 'Each TagKey may appear only once.')
        }
        return t.success(list.map((tag): Tag => ({ key: tag.TagKey, value: tag.TagValue })))
      }),
    )
  },
  (tags) => JSON.stringify(tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value }))),
)

// -------------------------------------------------------------------------------------
// codecs: rotation
// -------------------------------------------------------------------------------------

const unitSeconds = { d: 86_400, h: 3_600, m: 60, s: 1 } as const

/**
 * `<integer><d|h|m|s>` from `minSeconds` to `maxSeconds` inclusive, decoded to seconds. One rule
 * with its range as a parameter: CreateSecret allows 6 h to 8,760 h, UpdateSecretRotationPolicy
 * 168 h (7 days) to 8,760 h.
 */
export const rotationIntervalC = (minSeconds: number, maxSeconds: number): t.Type<number, string, string> =>
  new t.Type<number, string, string>(
    'RotationInterval',
    (u): u is number => typeof u === 'number',
    (s, c) => {
      // At most 12 digits: larger numbers are out of range anyway, and stay exact as doubles.
      const match = /^([0-9]{1,12})([dhms])$/.exec(s)
      if (match === null) return t.failure(s, c, 'It must be an integer followed by d, h, m or s, such as 30d.')
      const seconds = Number(match[1]) * unitSeconds[match[2] as keyof typeof unitSeconds]
      return seconds >= minSeconds && seconds <= maxSeconds
        ? t.success(seconds)
        : t.failure(s, c, `It must be from ${minSeconds / 3_600} hours to ${maxSeconds / 3_600} hours.`)
    },
    (seconds) => `${seconds}s`,
  )

export const RotationIntervalC = rotationIntervalC(limits.minRotationSeconds, limits.maxRotationSeconds)

const decodeRotation = (secretType: SecretType, params: Params.Params): E.Either<ApiError.ApiError, Rotation> => {
  const enable = Params.optional(params, 'EnableAutomaticRotation', BooleanC)
  if (E.isLeft(enable)) return enable
  if (enable.right !== 'true') return E.right({ enabled: false })
  // Generic secrets rotate by PutSecretValue only (seed 000).
  if (secretType === 'Generic') return E.left(ApiError.unsupportedOperation())
  const interval = Params.required(params, 'RotationInterval', RotationIntervalC)
  return E.isLeft(interval) ? interval : E.right({ enabled: true, intervalSeconds: interval.right })
}

// -------------------------------------------------------------------------------------
// codecs: Policy
// -------------------------------------------------------------------------------------

/*
 * Sid: seed 000 lists letters, digits and `_ / + = . @ -`, but its own example Sid is
 * "kms default secret policy", with spaces. The Chinese metadata lists the special characters as
 * "（ _/+=.@-）", with a space first. So a space is allowed: the documented example must validate.
 */
const sidCharacters = /^[A-Za-z0-9 _/+=.@-]+$/

const Sid = checkedString(
  `1 to ${limits.sidCharacters} letters, digits, spaces or _ / + = . @ -`,
  (u) => u.length <= limits.sidCharacters && sidCharacters.test(u),
)

const isKmsAction = (u: unknown): boolean => typeof u === 'string' && u.startsWith('kms:')

/** RAM policy grammar allows one action or a list of them. */
const Action = checkedUnknown(
  'an action starting with kms:, or a non-empty array of them',
  (u) => isKmsAction(u) || (Array.isArray(u) && u.length > 0 && u.every(isKmsAction)),
)

const Resource = checkedUnknown('["*"]', (u) => u === '*' || (Array.isArray(u) && u.length === 1 && u[0] === '*'))

const Principal = checkedUnknown('a non-empty JSON object', (u) => Json.isObject(u) && Object.keys(u).length > 0)

const Statement = t.intersection([
  t.type({ Effect: t.keyof({ Allow: null, Deny: null }, 'Allow or Deny'), Principal, Action, Resource }),
  t.partial({ Sid, Condition: smallObject(Number.MAX_SAFE_INTEGER, 'a JSON object') }),
])

const PolicyDocument = t.type({
  Version: t.literal('1', '"1"'),
  Statement: nonEmptyArray(Statement, 'a non-empty array of statements'),
})

export const PolicyC = new t.Type<Json.JsonParameter, string, string>(
  'Policy',
  JsonObjectFromString.is,
  (s, c) => {
    if (!Text.utf8FitsIn(s, limits.policyBytes)) {
      return t.failure(s, c, `It must be at most ${limits.policyBytes} bytes long (UTF-8).`)
    }
    return pipe(
      JsonObjectFromString.validate(s, c),
      E.chain((policy) =>
        pipe(
          PolicyDocument.decode(policy.value),
          E.map(() => policy),
        ),
      ),
    )
  },
  (policy) => policy.raw,
)

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

function checkedUnknown(name: string, ok: (u: unknown) => boolean): t.Type<unknown, unknown, unknown> {
  return new t.Type<unknown, unknown, unknown>(
    name,
    (u): u is unknown => ok(u),
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  )
}

function checkedString(name: string, ok: (s: string) => boolean): t.Type<string, string, unknown> {
  const is = (u: unknown): u is string => typeof u === 'string' && ok(u)
  return new t.Type<string, string, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity)
}
