/**
 * @secrets-engine/alibaba: the Alibaba Cloud KMS Secrets Manager API over the secrets-engine core.
 * Wire-shaped requests are decoded into commands or exact API errors by `validateRequest`.
 */
export type { ApiError } from './ApiError.js'
export * as ApiErrors from './ApiError.js'
export { validateRequest, actions, isAction } from './Command.js'
export type { Action, Command, Decoder } from './Command.js'
export * as CreateSecret from './CreateSecret.js'
export type { CreateSecretCommand, Rotation, SecretDataType, SecretType, SecretValue, Tag } from './CreateSecret.js'
export * as Dialect from './Dialect.js'
export type { Json, JsonObject, JsonParameter } from './Json.js'
export type { Params } from './Params.js'
export { createSecretsManager, defaults } from './SecretsManager.js'
export type { Response, SecretsManager, SecretsManagerOptions } from './SecretsManager.js'
export type { Config, Env } from './Engine.js'
export type { SealedValue, SecretRecord, RotationState } from './SecretRecord.js'
export type { Requests, ResponseOf } from './Operations.js'
export * as GetSecretValue from './GetSecretValue.js'
export type { GetSecretValueCommand, GetSecretValueRequest } from './GetSecretValue.js'
export type { CreateSecretRequest } from './CreateSecret.js'
export type { CreateSecretResponse } from './handlers/CreateSecret.js'
export type { GetSecretValueResponse } from './handlers/GetSecretValue.js'
