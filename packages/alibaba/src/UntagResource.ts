/**
 * UntagResource: the wire parameters decoded into a command. The resource is named as for
 * TagResource (`SecretName`; `KeyId` or `CertificateId`: 400 UnsupportedOperation); `TagKeys` is a
 * JSON array of keys.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from './ApiError.js'
import * as Params from './Params.js'
import { decodeResource, TagKeysC } from './TagResource.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method.
 *
 * @category model
 * @since 0.1.0
 */
export interface UntagResourceRequest {
  readonly TagKeys: string
  readonly SecretName?: string
  readonly KeyId?: string
  readonly CertificateId?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface UntagResourceCommand {
  readonly _tag: 'UntagResource'
  /** A name or an ARN. */
  readonly secretName: string
  readonly tagKeys: ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, UntagResourceCommand> => {
  // A missing `TagKeys` first; the resource's own checks (one of three names) come next.
  const missing = Params.firstMissing(params, ['TagKeys'])
  if (missing !== undefined) return E.left(missing)
  return pipe(
    E.Do,
    E.bind('secretName', () => decodeResource(params)),
    E.bind('tagKeys', () => Params.required(params, 'TagKeys', TagKeysC)),
    E.map((d): UntagResourceCommand => ({ _tag: 'UntagResource', secretName: d.secretName, tagKeys: d.tagKeys })),
  )
}
