/**
 * @secrets-engine/huawei: the Huawei Cloud CSMS (Cloud Secret Management Service) REST API over the
 * secrets-engine core. `createCsms()` answers REST requests (`request(method, path, body)`) and typed
 * methods named as in Huawei's SDK.
 *
 * @since 0.1.0
 */
export { createCsms, defaults } from './Csms.js'
export type { Csms, CsmsOptions, ResponseBody } from './Csms.js'
export * as CsmsErrors from './CsmsError.js'
export type { CsmsError, Code } from './CsmsError.js'
export * as Dialect from './Dialect.js'
export * as Routes from './Routes.js'
export type { Route, Match, Method } from './Routes.js'
export { storeIndex } from './Engine.js'
export type { Config, Env } from './Engine.js'
export * as Keys from './Keys.js'
export type { KeyDirectory } from './Keys.js'
export type { RotationTask, SealedValue, SecretRecord, SecretState, SecretType, Tag } from './SecretRecord.js'
export type { EventRecord, EventType, Notification } from './EventRecord.js'
export type { SecretBody, VersionMetadata, StageBody, PageInfo } from './Wire.js'
export type {
  TypedMethods,
  Query,
  CreateSecretRequestBody,
  UpdateSecretRequestBody,
  CreateSecretVersionRequestBody,
} from './Operations.js'
export type { SecretResponse, ListSecretsResponse } from './Secrets.js'
export type { VersionMetadataResponse, ListVersionsResponse, ShowVersionResponse } from './Versions.js'
export type { StageResponse } from './Stages.js'
export type { ListTasksResponse, RotateResponse } from './Rotation.js'
export * as Password from './Password.js'
export type { ListSecretTagsResponse, ListProjectTagsResponse, ResourceInstancesResponse } from './Tags.js'
export type { BackupResponse } from './Backup.js'
export type { EventBody, EventResponse, ListEventsResponse } from './Events.js'
export type { PasswordResponse } from './RandomPassword.js'
export type {
  CreateSecretEventRequestBody,
  GenerateRandomPasswordRequestBody,
  ListResourceInstancesRequestBody,
} from './Operations.js'
export type { NotificationRecord, ListNotificationRecordsResponse } from './Notifications.js'
export type { Notifier, RotationOutcome, Rotator } from './Engine.js'
