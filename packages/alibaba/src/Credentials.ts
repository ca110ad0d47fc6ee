/**
 * The credentials a rotation writes: from the value of the current version and the secret's
 * ExtendedConfig, the value of the next version, in the JSON shape of the secret's type (seed 000):
 *
 * - Rds, Redis: `{"Accounts":[{"AccountName","AccountPassword"}]}`. SingleUser keeps each account
 *   and gives it a new password. DoubleUsers switches each account to its twin and gives the twin a
 *   new password (the account that becomes current is the one whose password is reset, as the
 *   seed describes). Redis twins are `AccountName` and `CloneAccountName` of the ExtendedConfig;
 *   an Rds ExtendedConfig names no second account, so the twin of `name` is `name_clone` and the
 *   twin of `name_clone` is `name` (the suffix Redis requires, so both types read alike).
 * - RAMCredentials: `{"AccessKeys":[{"AccessKeyId","AccessKeySecret"}]}`, one new key: an id of
 *   `LTAI` and 20 letters or digits, a secret of 30 letters or digits (the forms RAM issues).
 * - ECS: `{"UserName","Password"}` with a new password, or for SSHKey
 *   `{"UserName","PublicKey","PrivateKey"}` with a new Ed25519 key pair (comment: the user name).
 *
 * New passwords are GetRandomPassword's defaults (32 characters of every class). Every random
 * choice comes from the `Random` handed in.
 *
 * These are the shapes CreateSecret takes and the engine stores; `readShape` gives a stored value the
 * shape GetSecretValue returns, which holds one account or key.
 *
 * @since 0.1.0
 */
import type { Random } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import type { SecretType } from './CreateSecret.js'
import * as Json from './Json.js'
import * as Password from './Password.js'
import { extendedConfigOf } from './SecretRecord.js'
import * as SshKey from './SshKey.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * The suffix of a DoubleUsers secret's second account: a Redis ExtendedConfig's `CloneAccountName`
 * must be its `AccountName` with it (CreateSecret checks), and an Rds secret's twin account is
 * named with it.
 *
 * @category constants
 * @since 0.1.0
 */
export const cloneSuffix = '_clone'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The next value of a secret of `secretType` whose current value is `current`, or
 * `'Unrotatable'` when the stored value or ExtendedConfig does not have its type's shape (never
 * for a value the engine accepted) or the type does not rotate (Generic).
 *
 * @category constructors
 * @since 0.1.0
 */
export const next = (
  secretType: SecretType,
  extendedConfig: string | undefined,
  current: string,
  random: Random.Random,
): E.Either<'Unrotatable', string> => {
  const data = Json.parse(current)
  const config = extendedConfigOf(extendedConfig)
  if (E.isLeft(data) || E.isLeft(config) || !Json.isObject(data.right)) return E.left('Unrotatable')
  const value = data.right
  const settings = config.right
  switch (secretType) {
    case 'Generic':
      return E.left('Unrotatable')
    case 'Rds':
    case 'Redis': {
      const accounts = value['Accounts']
      if (
        !Array.isArray(accounts) ||
        !accounts.every((a) => Json.isObject(a) && typeof a['AccountName'] === 'string')
      ) {
        return E.left('Unrotatable')
      }
      const double = settings['SecretSubType'] === 'DoubleUsers'
      const twin = secretType === 'Redis' ? redisTwin(settings) : rdsTwin
      return E.right(
        JSON.stringify({
          Accounts: accounts.map((a) => {
            const name = String((a as Json.JsonObject)['AccountName'])
            return { AccountName: double ? twin(name) : name, AccountPassword: password(random) }
          }),
        }),
      )
    }
    case 'RAMCredentials':
      return E.right(
        JSON.stringify({
          AccessKeys: [
            {
              AccessKeyId: `LTAI${alphanumeric(20, random)}`,
              AccessKeySecret: alphanumeric(30, random),
            },
          ],
        }),
      )
    case 'ECS': {
      const userName = value['UserName']
      if (typeof userName !== 'string') return E.left('Unrotatable')
      if (settings['SecretSubType'] !== 'SSHKey') {
        return E.right(JSON.stringify({ UserName: userName, Password: password(random) }))
      }
      const keys = SshKey.ed25519(random.bytes(32), random.bytes(4), userName)
      return E.right(JSON.stringify({ UserName: userName, PublicKey: keys.publicKey, PrivateKey: keys.privateKey }))
    }
  }
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * A stored value of a secret of `secretType` in the shape GetSecretValue's `SecretData` has, as
 * Alibaba's 2024 API metadata describes it (S-META24, `kms-api-metadata-2024-07-30.json`,
 * GetSecretValue's `SecretData`):
 *
 * - Generic: the value as stored.
 * - Rds, Redis: `{"AccountName":"","AccountPassword":""}`, the first account of the stored
 *   `Accounts` (after a DoubleUsers rotation, the current one), with any other field it was
 *   stored with.
 * - RAMCredentials: `{"AccessKeyId":"","AccessKeySecret":"","GenerateTimestamp":""}`, the first key
 *   of the stored `AccessKeys` with any other field it was stored with, generated when its
 *   version was: `GenerateTimestamp` is `createTime`, the version's CreateTime.
 * - ECS: the value as stored, which already has the read shape.
 *
 * A stored value without its type's shape (never one the engine accepted) is returned as stored.
 *
 * @category destructors
 * @since 0.1.0
 */
export const readShape = (secretType: SecretType, stored: string, createTime: string): string => {
  // Generic first, before any parsing: reading a Generic secret is the engine's hot path.
  if (secretType === 'Generic' || secretType === 'ECS') return stored
  const data = Json.parse(stored)
  if (E.isLeft(data) || !Json.isObject(data.right)) return stored
  if (secretType === 'RAMCredentials') {
    const key = firstOf(data.right['AccessKeys'], 'AccessKeyId', 'AccessKeySecret')
    return key === undefined ? stored : JSON.stringify({ ...key, GenerateTimestamp: createTime })
  }
  const account = firstOf(data.right['Accounts'], 'AccountName', 'AccountPassword')
  return account === undefined ? stored : JSON.stringify(account)
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The first element of `list` when it is an object whose fields `a` and `b` are strings. */
const firstOf = (list: Json.Json | undefined, a: string, b: string): Json.JsonObject | undefined => {
  const first = Array.isArray(list) ? (list as ReadonlyArray<Json.Json>)[0] : undefined
  return Json.isObject(first) && typeof first[a] === 'string' && typeof first[b] === 'string' ? first : undefined
}

const password = (random: Random.Random): string =>
  Password.fromAlphabet(allClasses, Password.defaults.length, true)(random)

const allClasses: Password.Alphabet = Object.values(Password.classes).map((chars) => Array.from(chars))

const letterAndDigitClasses: Password.Alphabet = [
  Password.classes.lowercase,
  Password.classes.uppercase,
  Password.classes.numbers,
].map((chars) => Array.from(chars))

const alphanumeric = (length: number, random: Random.Random): string =>
  Password.fromAlphabet(letterAndDigitClasses, length, false)(random)

const rdsTwin = (name: string): string =>
  name.endsWith(cloneSuffix) && name.length > cloneSuffix.length
    ? name.slice(0, -cloneSuffix.length)
    : `${name}${cloneSuffix}`

const redisTwin =
  (settings: Json.JsonObject) =>
  (name: string): string => {
    const account = String(settings['AccountName'])
    const clone = String(settings['CloneAccountName'])
    return name === clone ? account : clone
  }
