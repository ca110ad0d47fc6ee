/**
 * @secrets-engine/server: an HTTP test double of Alibaba Cloud KMS Secrets Manager that the official
 * Alibaba Cloud SDKs talk to unmodified. `startServer()` listens on 127.0.0.1 in front of an engine
 * from `@secrets-engine/alibaba`.
 */
export { apiVersion, businessParameters, commonParameters, defaults, startServer } from './Server.js'
export type { Logger, RunningServer, ServerOptions } from './Server.js'
export type { Credential } from './Signature.js'
export * as GatewayError from './GatewayError.js'
export * as Signature from './Signature.js'
