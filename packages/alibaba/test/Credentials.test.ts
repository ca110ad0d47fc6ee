import { describe, expect, it } from 'vitest'
import * as Credentials from '../src/Credentials.js'

// The read shape of a stored value (S-META24, GetSecretValue's SecretData). The end-to-end responses
// are in handlers/GetSecretValue.test.ts.

const at = '2026-01-01T00:00:00Z'

describe('Credentials.readShape', () => {
  it('gives Rds and Redis their first account, with the fields it was stored with', () => {
    const stored = JSON.stringify({
      Accounts: [
        { AccountName: 'u1', AccountPassword: 'p1', Host: '%' },
        { AccountName: 'u2', AccountPassword: 'p2' },
      ],
      Note: 'dropped',
    })
    for (const type of ['Rds', 'Redis'] as const) {
      expect(Credentials.readShape(type, stored, at)).toBe('{"AccountName":"u1","AccountPassword":"p1","Host":"%"}')
    }
  })

  it('gives RAMCredentials its first key, generated at the version CreateTime', () => {
    const stored = JSON.stringify({
      AccessKeys: [
        { AccessKeyId: 'LTAI1', AccessKeySecret: 's1' },
        { AccessKeyId: 'LTAI2', AccessKeySecret: 's2' },
      ],
    })
    expect(Credentials.readShape('RAMCredentials', stored, at)).toBe(
      '{"AccessKeyId":"LTAI1","AccessKeySecret":"s1","GenerateTimestamp":"2026-01-01T00:00:00Z"}',
    )
  })

  it('returns Generic and ECS values as stored, even when they look like another type', () => {
    const accounts = '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}'
    expect(Credentials.readShape('Generic', accounts, at)).toBe(accounts)
    expect(Credentials.readShape('ECS', accounts, at)).toBe(accounts)
    expect(Credentials.readShape('Generic', 'not json', at)).toBe('not json')
    const ecs = '{"UserName":"root","Password":"p"}'
    expect(Credentials.readShape('ECS', ecs, at)).toBe(ecs)
  })

  it('returns a value without its type shape as stored', () => {
    const notObjects = ['not json', '[]', '"text"', 'null', '{}']
    const accounts = [
      '{"Accounts":[]}',
      '{"Accounts":{}}',
      '{"Accounts":[null]}',
      '{"Accounts":[{"AccountName":"u"}]}',
      '{"Accounts":[{"AccountName":"u","AccountPassword":1}]}',
    ]
    const keys = [
      '{"AccessKeys":[]}',
      '{"AccessKeys":["LTAI1"]}',
      '{"AccessKeys":[{"AccessKeyId":"LTAI1"}]}',
      '{"AccessKeys":[{"AccessKeyId":"LTAI1","AccessKeySecret":null}]}',
    ]
    for (const stored of [...notObjects, ...accounts, ...keys]) {
      expect(Credentials.readShape('Rds', stored, at)).toBe(stored)
    }
    for (const stored of [...notObjects, ...keys, '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}']) {
      expect(Credentials.readShape('RAMCredentials', stored, at)).toBe(stored)
    }
  })
})
