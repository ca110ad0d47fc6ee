#!/usr/bin/env node
/**
 * `secrets-engine-server`: starts the server on the embedded defaults and prints the endpoint and the
 * test credentials. Flags win over environment variables, which win over the defaults:
 * `--port` / `SECRETS_ENGINE_PORT` (8088), `--access-key-id` / `SECRETS_ENGINE_ACCESS_KEY_ID` and
 * `--access-key-secret` / `SECRETS_ENGINE_ACCESS_KEY_SECRET` (the documented test pair),
 * `--no-verify` / `SECRETS_ENGINE_VERIFY=false` (accept unsigned requests), `--debug` /
 * `SECRETS_ENGINE_DEBUG=true` (log each request, never its values, to stderr). For the Huawei CSMS
 * API on the same port: `--huawei-ak` / `SECRETS_ENGINE_HUAWEI_AK` and `--huawei-sk` /
 * `SECRETS_ENGINE_HUAWEI_SK` (the documented test pair), `--huawei-project-id` /
 * `SECRETS_ENGINE_HUAWEI_PROJECT_ID` (the documented 32-hex test id).
 */
import { parseArgs } from 'node:util'
import { apiVersion, defaults, startServer } from './Server.js'

const usage = `usage: secrets-engine-server [--port N] [--access-key-id ID --access-key-secret SECRET]
                             [--huawei-ak AK --huawei-sk SK] [--huawei-project-id ID] [--no-verify] [--debug]`

const main = async (): Promise<void> => {
  // `pnpm start -- --port 9000` hands the script a literal `--` first.
  const args = process.argv.slice(2)
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      port: { type: 'string' },
      'access-key-id': { type: 'string' },
      'access-key-secret': { type: 'string' },
      'huawei-ak': { type: 'string' },
      'huawei-sk': { type: 'string' },
      'huawei-project-id': { type: 'string' },
      'no-verify': { type: 'boolean' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    console.log(usage)
    return
  }
  const env = process.env
  const port = Number(values.port ?? env['SECRETS_ENGINE_PORT'] ?? 8088)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${String(port)}\n${usage}`)
  const accessKeyId = values['access-key-id'] ?? env['SECRETS_ENGINE_ACCESS_KEY_ID']
  const accessKeySecret = values['access-key-secret'] ?? env['SECRETS_ENGINE_ACCESS_KEY_SECRET']
  if ((accessKeyId === undefined) !== (accessKeySecret === undefined)) {
    throw new Error(`give both the access key id and its secret, or neither\n${usage}`)
  }
  const credentials =
    accessKeyId !== undefined && accessKeySecret !== undefined
      ? [{ accessKeyId, accessKeySecret }]
      : defaults.credentials
  const ak = values['huawei-ak'] ?? env['SECRETS_ENGINE_HUAWEI_AK']
  const sk = values['huawei-sk'] ?? env['SECRETS_ENGINE_HUAWEI_SK']
  if ((ak === undefined) !== (sk === undefined)) throw new Error(`give both the Huawei AK and SK, or neither\n${usage}`)
  const projectId = values['huawei-project-id'] ?? env['SECRETS_ENGINE_HUAWEI_PROJECT_ID']
  const huawei = {
    ...(ak !== undefined && sk !== undefined ? { credentials: [{ ak, sk }] } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
  }
  const verifySignatures = values['no-verify'] !== true && env['SECRETS_ENGINE_VERIFY'] !== 'false'
  const debug = values.debug === true || env['SECRETS_ENGINE_DEBUG'] === 'true'

  const server = await startServer({
    port,
    credentials,
    verifySignatures,
    huawei,
    ...(debug ? { logger: { debug: (message, fields) => console.error(message, JSON.stringify(fields)) } } : {}),
  })
  console.log(`Alibaba Cloud KMS Secrets Manager (API ${apiVersion}) test double listening on ${server.url}`)
  for (const c of server.credentials) {
    console.log(`  AccessKeyId      ${c.accessKeyId}`)
    console.log(`  AccessKeySecret  ${c.accessKeySecret}`)
  }
  console.log(`  signatures       ${verifySignatures ? 'verified (HMAC-SHA1 and ACS3-HMAC-SHA256)' : 'not verified'}`)
  console.log(
    `pop-core:        new RPCClient({ endpoint: '${server.url}', apiVersion: '${apiVersion}', accessKeyId, accessKeySecret })`,
  )
  console.log(
    `openapi-client:  new Config({ endpoint: '${server.host}', protocol: 'http', accessKeyId, accessKeySecret })`,
  )
  console.log(
    `Huawei Cloud CSMS (REST API v1) test double on the same port: ${server.huawei.endpoint}/v1/{project_id}/...`,
  )
  for (const c of server.huawei.credentials) {
    console.log(`  AK               ${c.ak}`)
    console.log(`  SK               ${c.sk}`)
  }
  console.log(`  project id       ${server.huawei.projectId}`)
  console.log(`  signatures       ${verifySignatures ? 'verified (SDK-HMAC-SHA256)' : 'not verified'}`)
  console.log(
    `huaweicloud-sdk: new BasicCredentials().withAk(AK).withSk(SK).withProjectId('${server.huawei.projectId}'), withEndpoint('${server.huawei.endpoint}')`,
  )
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
