/**
 * BatchGetSecretValue: the wire parameters decoded into a command. `SecretsList` is a JSON array
 * string of 1 to 20 entries `{"SecretName":"","VersionId":"","VersionStage":"","FetchExtendedConfig":"true"}`
 * (only `SecretName` required). A malformed list fails the whole request with 400 InvalidParameter;
 * anything wrong with one secret is that entry's error, reported in the response.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import type * as ApiError from './ApiError.js'
import { NonEmptyString } from './CreateSecret.js'
import * as Json from './Json.js'
import * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method. `SecretsList` is JSON text.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchGetSecretValueRequest {
  readonly SecretsList: string
}

/**
 * One entry of the list, decoded.
 *
 * @category model
 * @since 0.1.0
 */
export interface SecretReference {
  /** A name or an ARN, as the caller wrote it (errors echo it). */
  readonly secretName: string
  readonly versionId?: string
  readonly versionStage?: string
  readonly fetchExtendedConfig: boolean
}

/**
 * @category model
 * @since 0.1.0
 */
export interface BatchGetSecretValueCommand {
  readonly _tag: 'BatchGetSecretValue'
  /** In request order; 1 to 20 entries. */
  readonly secrets: ReadonlyArray<SecretReference>
}

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

/**
 * @category constants
 * @since 0.1.0
 */
export const maxSecrets = 20

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, BatchGetSecretValueCommand> =>
  pipe(
    Params.required(params, 'SecretsList', SecretsListC),
    E.map((secrets): BatchGetSecretValueCommand => ({ _tag: 'BatchGetSecretValue', secrets })),
  )

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/** The SDK sends the flag as the string "true" or "false"; a JSON boolean means the same. */
const FlagC = t.union([t.keyof({ true: null, false: null }, '"true" or "false"'), t.boolean], '"true" or "false"')

const Entry = t.intersection([
  t.type({ SecretName: NonEmptyString }),
  t.partial({ VersionId: t.string, VersionStage: t.string, FetchExtendedConfig: FlagC }),
])

const EntryList = t.readonlyArray(Entry, 'a JSON array of {"SecretName":"","VersionId":"","VersionStage":""}')

const expected = `a JSON array of 1 to ${maxSecrets} entries {"SecretName":"","VersionId":"","VersionStage":"","FetchExtendedConfig":"false"}`

/** An empty `VersionId` or `VersionStage` is absent, as an empty wire parameter is. */
const present = <K extends string>(key: K, value: string | undefined): { readonly [P in K]?: string } =>
  Params.present(key, value === '' ? undefined : value)

/**
 * `SecretsList`: 1 to 20 entries, each with a non-empty `SecretName`. Escaped quotes are accepted,
 * as for `Tags`. Reasons name the entry's index and field, never a value.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SecretsListC = new t.Type<ReadonlyArray<SecretReference>, string, string>(
  'SecretsList',
  (u): u is ReadonlyArray<SecretReference> => Array.isArray(u),
  (s, c) => {
    const json = Json.parseLenient(s)
    if (E.isLeft(json)) return t.failure(s, c, `It must be ${expected}, and it is not valid JSON.`)
    const list = json.right
    if (!Array.isArray(list)) return t.failure(s, c, `It must be ${expected}.`)
    if (list.length === 0 || list.length > maxSecrets) {
      return t.failure(s, c, `It must hold 1 to ${maxSecrets} entries.`)
    }
    return pipe(
      EntryList.decode(list),
      E.map((entries) =>
        entries.map((e): SecretReference => ({
          secretName: e.SecretName,
          ...present('versionId', e.VersionId),
          ...present('versionStage', e.VersionStage),
          fetchExtendedConfig: e.FetchExtendedConfig === 'true' || e.FetchExtendedConfig === true,
        })),
      ),
    )
  },
  (secrets) =>
    JSON.stringify(
      secrets.map((r) => ({
        SecretName: r.secretName,
        ...(r.versionId === undefined ? {} : { VersionId: r.versionId }),
        ...(r.versionStage === undefined ? {} : { VersionStage: r.versionStage }),
        FetchExtendedConfig: String(r.fetchExtendedConfig),
      })),
    ),
)
