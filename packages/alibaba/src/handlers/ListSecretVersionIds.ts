/**
 * ListSecretVersionIds: the versions of a secret, oldest first, with their labels and creation
 * times, never their values. Without `IncludeDeprecated=true` only labelled versions are listed.
 * `TotalCount` counts every matching version, not only the page. It reads a secret pending
 * deletion too (api-decisions.md), and any secret type.
 *
 * @since 0.1.0
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from '../ApiError.js'
import * as Engine from '../Engine.js'
import type { ListSecretVersionIdsCommand } from '../ListSecretVersionIds.js'
import * as Wire from '../Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface VersionIdEntry {
  readonly VersionId: string
  readonly CreateTime: string
  readonly VersionStages: { readonly VersionStage: ReadonlyArray<string> }
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListSecretVersionIdsResponse {
  readonly SecretName: string
  readonly PageNumber: number
  readonly PageSize: number
  readonly TotalCount: number
  readonly VersionIds: { readonly VersionId: ReadonlyArray<VersionIdEntry> }
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: ListSecretVersionIdsCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, ListSecretVersionIdsResponse> =>
  pipe(
    Engine.readExisting(env, command.secretName),
    TE.map(({ record }) => {
      const matching = record.secret.versions.filter((v) => command.includeDeprecated || v.stages.length > 0)
      // pageNumber is at most 2^31 - 1 and pageSize at most 100, so the offset stays exact.
      const start = (command.pageNumber - 1) * command.pageSize
      return {
        SecretName: record.secret.name,
        PageNumber: command.pageNumber,
        PageSize: command.pageSize,
        TotalCount: matching.length,
        VersionIds: {
          VersionId: matching.slice(start, start + command.pageSize).map((v): VersionIdEntry => ({
            VersionId: v.versionId,
            CreateTime: Wire.date(v.createdAt),
            VersionStages: { VersionStage: [...v.stages] },
          })),
        },
      }
    }),
  )
