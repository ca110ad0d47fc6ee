/**
 * The typed methods: one per operation, named as in Huawei's SDK, taking the path parameters in path
 * order and then the JSON body (or the query), and answering with the typed response body. Each is
 * `request` on the operation's route, so the two can never disagree.
 *
 * @since 0.1.0
 */
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { BackupResponse } from './Backup.js'
import type { CsmsError } from './CsmsError.js'
import type { EventResponse, ListEventsResponse } from './Events.js'
import type { ListNotificationRecordsResponse } from './Notifications.js'
import type { PasswordResponse } from './RandomPassword.js'
import type { ListTasksResponse, RotateResponse } from './Rotation.js'
import * as Routes from './Routes.js'
import type { ListSecretsResponse, SecretResponse } from './Secrets.js'
import type { StageResponse } from './Stages.js'
import type { ListProjectTagsResponse, ListSecretTagsResponse, ResourceInstancesResponse } from './Tags.js'
import type { ListVersionsResponse, ShowVersionResponse, VersionMetadataResponse } from './Versions.js'

// -------------------------------------------------------------------------------------
// model: request bodies, as the wire carries them
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface CreateSecretRequestBody {
  readonly name: string
  readonly kms_key_id?: string
  readonly description?: string
  readonly secret_string?: string
  readonly secret_binary?: string
  readonly secret_type?: string
  readonly auto_rotation?: boolean
  readonly rotation_period?: string
  readonly rotation_config?: string
  readonly rotation_func_urn?: string
  readonly event_subscriptions?: ReadonlyArray<string>
  readonly enterprise_project_id?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface UpdateSecretRequestBody {
  readonly kms_key_id?: string
  readonly description?: string
  readonly auto_rotation?: boolean
  readonly rotation_period?: string
  readonly rotation_func_urn?: string
  readonly event_subscriptions?: ReadonlyArray<string>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface CreateSecretVersionRequestBody {
  readonly secret_string?: string
  readonly secret_binary?: string
  readonly version_stages?: ReadonlyArray<string>
  readonly expire_time?: number
}

/**
 * Query parameters, as strings.
 *
 * @category model
 * @since 0.1.0
 */
export type Query = Readonly<Record<string, string>>

type Call<B> = TE.TaskEither<CsmsError, B>

/**
 * @category model
 * @since 0.1.0
 */
export interface TypedMethods {
  readonly createSecret: (body: CreateSecretRequestBody) => Call<SecretResponse>
  readonly listSecrets: (query?: Query) => Call<ListSecretsResponse>
  readonly showSecret: (secretName: string) => Call<SecretResponse>
  readonly updateSecret: (secretName: string, body: UpdateSecretRequestBody) => Call<SecretResponse>
  readonly deleteSecret: (secretName: string) => Call<object>
  readonly deleteSecretForSchedule: (
    secretName: string,
    body: { readonly recovery_window_in_days: number },
  ) => Call<SecretResponse>
  /** Cancels a scheduled deletion (the SDK's name). */
  readonly restoreSecret: (secretName: string) => Call<SecretResponse>
  readonly createSecretVersion: (
    secretName: string,
    body: CreateSecretVersionRequestBody,
  ) => Call<VersionMetadataResponse>
  readonly listSecretVersions: (secretName: string, query?: Query) => Call<ListVersionsResponse>
  readonly showSecretVersion: (secretName: string, versionId: string) => Call<ShowVersionResponse>
  readonly updateVersion: (
    secretName: string,
    versionId: string,
    body: { readonly expire_time: number },
  ) => Call<VersionMetadataResponse>
  readonly showSecretStage: (secretName: string, stageName: string) => Call<StageResponse>
  readonly updateSecretStage: (
    secretName: string,
    stageName: string,
    body: { readonly version_id: string },
  ) => Call<StageResponse>
  readonly deleteSecretStage: (secretName: string, stageName: string) => Call<object>
  readonly rotateSecret: (secretName: string) => Call<RotateResponse>
  readonly listSecretTask: (query?: Query) => Call<ListTasksResponse>
  readonly createSecretEvent: (body: CreateSecretEventRequestBody) => Call<EventResponse>
  readonly listSecretEvents: (query?: Query) => Call<ListEventsResponse>
  readonly showSecretEvent: (eventName: string) => Call<EventResponse>
  readonly updateSecretEvent: (
    eventName: string,
    body: Partial<Omit<CreateSecretEventRequestBody, 'name'>>,
  ) => Call<EventResponse>
  readonly deleteSecretEvent: (eventName: string) => Call<object>
  readonly listNotificationRecords: (query?: Query) => Call<ListNotificationRecordsResponse>
  readonly generateRandomPassword: (body?: GenerateRandomPasswordRequestBody) => Call<PasswordResponse>
  readonly downloadSecretBlob: (secretName: string) => Call<BackupResponse>
  readonly uploadSecretBlob: (body: { readonly secret_blob: string }) => Call<SecretResponse>
  readonly createSecretTag: (
    secretId: string,
    body: { readonly tag: { readonly key: string; readonly value?: string } },
  ) => Call<object>
  readonly deleteSecretTag: (secretId: string, key: string) => Call<object>
  readonly batchCreateOrDeleteTags: (
    secretId: string,
    body: {
      readonly action: string
      readonly tags: ReadonlyArray<{ readonly key: string; readonly value?: string }>
      readonly sequence?: string
    },
  ) => Call<object>
  readonly listSecretTags: (secretId: string) => Call<ListSecretTagsResponse>
  readonly listProjectSecretsTags: () => Call<ListProjectTagsResponse>
  readonly listResourceInstances: (body: ListResourceInstancesRequestBody) => Call<ResourceInstancesResponse>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface CreateSecretEventRequestBody {
  readonly name: string
  readonly event_types: ReadonlyArray<string>
  readonly state: string
  readonly notification: { readonly target_type: string; readonly target_id: string; readonly target_name: string }
}

/**
 * @category model
 * @since 0.1.0
 */
export interface GenerateRandomPasswordRequestBody {
  readonly length?: number
  readonly exclude_characters?: string
  readonly exclude_lowercase?: boolean
  readonly exclude_uppercase?: boolean
  readonly exclude_numbers?: boolean
  readonly exclude_punctuation?: boolean
  readonly include_space?: boolean
  readonly require_each_included_type?: boolean
  readonly password_policy_name?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListResourceInstancesRequestBody {
  readonly action: string
  readonly limit?: string
  readonly offset?: string
  readonly tags?: ReadonlyArray<{ readonly key: string; readonly values?: ReadonlyArray<string> }>
  readonly matches?: ReadonlyArray<{ readonly key: string; readonly value: string }>
  readonly sequence?: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The typed methods over `request`: for each route, its path parameters (after `project_id`) are
 * the leading arguments; the next is the body, or for GET the query.
 *
 * @category constructors
 * @since 0.1.0
 */
export const typedMethods = (
  projectId: string,
  request: (method: string, path: string, body?: unknown) => TE.TaskEither<CsmsError, unknown>,
): TypedMethods => {
  const methods: Record<string, (...args: ReadonlyArray<unknown>) => TE.TaskEither<CsmsError, unknown>> = {}
  for (const route of Routes.routes) {
    const names = Array.from(route.path.matchAll(/\{([a-z_]+)\}/g), (m) => m[1] ?? '').filter((n) => n !== 'project_id')
    methods[route.operation] = (...args) => {
      const params: Record<string, string> = { project_id: projectId }
      names.forEach((name, i) => {
        params[name] = String(args[i])
      })
      const rest = args[names.length]
      const path = Routes.pathOf(route, params)
      if (route.method === 'GET') {
        const query = rest === undefined ? '' : new URLSearchParams(rest as Query).toString()
        return request('GET', query === '' ? path : `${path}?${query}`)
      }
      return request(route.method, path, rest)
    }
  }
  return methods as unknown as TypedMethods
}
