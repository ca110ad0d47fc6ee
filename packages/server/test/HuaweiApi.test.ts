// The Huawei side's answers before the engine: a known API under another project id is CSMS's
// 400 CSMS.0003, in the error shape its operation documents (nested for tags, events and
// RotateSecret, flat for the rest), once the signature holds. Sent by hand so that the body can be
// read as it is: the SDK reports no code for the nested shape.
import { startServer, type RunningServer } from '@secrets-engine/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { huaweiSigned, send } from '../../../test/server-signers.js'

const invalidRequest = { error_code: 'CSMS.0003', error_msg: 'The request is invalid.' }

describe('a known API under another project id', () => {
  const other = '0123456789abcdef0123456789abcdef'
  const secretId = '5f9ae1a4-2b9c-4d4e-9a53-7d3e6c1b0f21'
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  const refused = async (method: string, path: string, body?: string) => {
    const answer = await send(huaweiSigned(server, method, `/v1/${other}${path}`, body === undefined ? {} : { body }))
    return { status: answer.status, body: answer.body }
  }

  it('is 400 CSMS.0003 in its operation’s shape: nested for events and tags, flat for secrets', async () => {
    const nested = { status: 400, body: { error: invalidRequest } }
    expect(await refused('GET', '/csms/events')).toStrictEqual(nested)
    expect(await refused('DELETE', '/csms/events/my-event')).toStrictEqual(nested)
    const tag = JSON.stringify({ tag: { key: 'env', value: 'test' } })
    expect(await refused('POST', `/csms/${secretId}/tags`, tag)).toStrictEqual(nested)
    expect(await refused('GET', '/csms/tags')).toStrictEqual(nested)
    expect(await refused('POST', '/secrets/my-secret/rotate')).toStrictEqual(nested)
    const flat = { status: 400, body: invalidRequest }
    expect(await refused('GET', '/secrets')).toStrictEqual(flat)
    expect(await refused('GET', '/secrets/my-secret/versions/latest')).toStrictEqual(flat)
  })
})
