/**
 * @secrets-engine/server: an HTTP test double of Alibaba Cloud KMS Secrets Manager and Huawei Cloud
 * CSMS that the official SDKs talk to unmodified. `startServer()` listens on 127.0.0.1 in front of an
 * engine from `@secrets-engine/alibaba` (the RPC API on `/`) and one from `@secrets-engine/huawei`
 * (the REST API on `/v1/{project_id}/...`).
 */
export { apiVersion, businessParameters, commonParameters, defaults, startServer } from './Server.js'
export type { HuaweiOptions, Logger, RunningHuawei, RunningServer, ServerOptions } from './Server.js'
export type { Credential } from './Signature.js'
export type { HuaweiCredential } from './HuaweiSignature.js'
export * as GatewayError from './GatewayError.js'
export * as Signature from './Signature.js'
export * as HuaweiGatewayError from './HuaweiGatewayError.js'
export * as HuaweiSignature from './HuaweiSignature.js'
