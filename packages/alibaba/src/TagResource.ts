/**
 * TagResource and UntagResource, the single-resource tag API: the wire parameters decoded into
 * commands. Exactly one of `KeyId`, `SecretName` and `CertificateId` names the resource; keys and
 * certificates are not part of this engine, so a request naming one is 400 UnsupportedOperation.
 * None: 400 MissingParameter on `SecretName`; more than one: 400 InvalidParameter. `Tags` is
 * CreateSecret's JSON array (the same codec) of at least one tag; `TagKeys` a JSON array of at
 * least one 1 to 128-character key.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as ApiError from './ApiError.js'
import { TagKeyC, TagsC } from './CreateSecret.js'
import type { Tag } from './CreateSecret.js'
import * as Json from './Json.js'
import * as Params from './Params.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method.
 *
 * @category model
 * @since 0.1.0
 */
export interface TagResourceRequest {
  readonly Tags: string
  readonly SecretName?: string
  readonly KeyId?: string
  readonly CertificateId?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface TagResourceCommand {
  readonly _tag: 'TagResource'
  /** A name or an ARN. */
  readonly secretName: string
  readonly tags: ReadonlyArray<Tag>
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const TagKeyList = t.readonlyArray(TagKeyC, 'a JSON array of tag keys')

/**
 * `Tags`: CreateSecret's rule (the same codec) and at least one tag, as the metadata describes it
 * ("one or more tags"), just as `TagKeys` needs a key. CreateSecret's optional `Tags` may be `[]`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const NonEmptyTagsC = new t.Type<ReadonlyArray<Tag>, string, string>(
  'Tags',
  TagsC.is,
  (s, c) =>
    pipe(
      TagsC.validate(s, c),
      E.chain((tags) => (tags.length === 0 ? t.failure(s, c, 'It must hold at least one tag.') : t.success(tags))),
    ),
  TagsC.encode,
)

/**
 * `TagKeys`: a JSON array of keys, each 1 to 128 characters of the tag set and not starting with
 * `aliyun` or `acs:` (such keys cannot be on a secret, so removing them is refused, as
 * UntagResources documents).
 *
 * @category codecs
 * @since 0.1.0
 */
export const TagKeysC = new t.Type<ReadonlyArray<string>, string, string>(
  'TagKeys',
  (u): u is ReadonlyArray<string> => Array.isArray(u),
  (s, c) => {
    const json = Json.parseLenient(s)
    if (E.isLeft(json)) return t.failure(s, c, `It must be ${TagKeyList.name}, and it is not valid JSON.`)
    return pipe(
      TagKeyList.decode(json.right),
      E.chain((keys) => (keys.length === 0 ? t.failure(s, c, 'It must name at least one tag key.') : t.success(keys))),
    )
  },
  (keys) => JSON.stringify(keys),
)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * The secret that `SecretName` names, once `KeyId` and `CertificateId` are ruled out.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeResource = (params: Params.Params): E.Either<ApiError.ApiError, string> => {
  const given = (['KeyId', 'SecretName', 'CertificateId'] as const).filter(
    (name) => Params.lookup(params, name) !== undefined,
  )
  const [first, second] = given
  if (first === undefined) return E.left(ApiError.missingParameter('SecretName'))
  if (second !== undefined) {
    return E.left(ApiError.invalidParameter(second, 'Give exactly one of KeyId, SecretName and CertificateId.'))
  }
  return first === 'SecretName'
    ? Params.required(params, 'SecretName', t.string)
    : E.left(ApiError.unsupportedOperation())
}

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, TagResourceCommand> => {
  // A missing `Tags` first; the resource's own checks (one of three names) come next.
  const missing = Params.firstMissing(params, ['Tags'])
  if (missing !== undefined) return E.left(missing)
  return pipe(
    E.Do,
    E.bind('secretName', () => decodeResource(params)),
    E.bind('tags', () => Params.required(params, 'Tags', NonEmptyTagsC)),
    E.map((d): TagResourceCommand => ({ _tag: 'TagResource', secretName: d.secretName, tags: d.tags })),
  )
}
