/**
 * UntagResources: the wire parameters decoded into a command. `RegionId`, `ResourceType` and
 * `ResourceId.N` as for TagResources; `TagKey.N` (at most 20) names the keys to remove, each
 * 1 to 128 characters and not starting with `aliyun` or `acs:` (400 InvalidParameter.TagKey).
 * `All=true` removes every tag, and counts only when no `TagKey.N` is given (as documented).
 * `All` also takes `True` and `False`, which its metadata lists beside the lower-case values.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as ApiError from './ApiError.js'
import * as Params from './Params.js'
import { decodeResourceIds, decodeScope } from './TagResources.js'
import * as Tagging from './Tagging.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The wire parameters, for the typed method (`ResourceId.N` and `TagKey.N` written out).
 *
 * @category model
 * @since 0.1.0
 */
export type UntagResourcesRequest = {
  readonly RegionId: string
  readonly ResourceType: string
  readonly All?: 'true' | 'false' | 'True' | 'False'
} & Readonly<Record<`ResourceId.${number}` | `TagKey.${number}`, string>>

/**
 * What to remove: the keys listed, or every tag (`All=true` without keys), or nothing.
 *
 * @category model
 * @since 0.1.0
 */
export type Removal = { readonly _tag: 'Keys'; readonly keys: ReadonlyArray<string> } | { readonly _tag: 'All' }

/**
 * @category model
 * @since 0.1.0
 */
export interface UntagResourcesCommand {
  readonly _tag: 'UntagResources'
  readonly regionId: string
  readonly resourceIds: ReadonlyArray<string>
  readonly removal: Removal
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * `All`: the metadata gives its values as `true false True False` (S-META24), the one boolean of
 * the secret APIs that lists the capitalised spellings; every other boolean stays `BooleanC`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AllC = t.keyof({ true: null, false: null, True: null, False: null }, 'true, false, True or False')

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * @category decoding
 * @since 0.1.0
 */
export const decode = (params: Params.Params): E.Either<ApiError.ApiError, UntagResourcesCommand> =>
  pipe(
    decodeScope(params),
    E.bind('resourceIds', () => decodeResourceIds(params, true)),
    E.bind('keys', () =>
      pipe(
        Tagging.repeatList(params, 'TagKey', Tagging.batchLimits.tags),
        E.filterOrElse((keys) => keys.every(Tagging.isTagKey), ApiError.invalidTagKey),
      ),
    ),
    E.bind('all', () => Params.optional(params, 'All', AllC)),
    E.map((d): UntagResourcesCommand => ({
      _tag: 'UntagResources',
      regionId: d.regionId,
      resourceIds: d.resourceIds,
      removal:
        d.keys.length === 0 && (d.all === 'true' || d.all === 'True')
          ? { _tag: 'All' }
          : { _tag: 'Keys', keys: d.keys },
    })),
  )
