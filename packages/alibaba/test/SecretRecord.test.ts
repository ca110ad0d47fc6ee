import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../../../test/support/runs.js'
import type { SecretType } from '../src/CreateSecret.js'
import * as SecretRecord from '../src/SecretRecord.js'

const secretOf = (name: string, createdAt: number) =>
  ({ name, createdAt, versions: [] }) as unknown as SecretRecord.SecretRecord['secret']

// Every field of a record, the optional ones present or not in any combination.
const record: fc.Arbitrary<SecretRecord.SecretRecord> = fc
  .record(
    {
      name: fc.string(),
      createdAt: fc.nat(),
      secretType: fc.constantFrom<SecretType>('Generic', 'Rds', 'RAMCredentials', 'ECS', 'Redis'),
      encryptionKeyId: fc.string(),
      description: fc.string(),
      extendedConfig: fc.string(),
      dkmsInstanceId: fc.string(),
      tags: fc.array(fc.record({ key: fc.string(), value: fc.string() }), { maxLength: 3 }),
      policy: fc.string(),
      rotation: fc.constant({ enabled: false }),
      updatedAt: fc.nat(),
      plannedDeleteAt: fc.nat(),
    },
    {
      requiredKeys: [
        'name',
        'createdAt',
        'secretType',
        'encryptionKeyId',
        'description',
        'tags',
        'policy',
        'rotation',
        'updatedAt',
      ],
    },
  )
  .map(({ name, createdAt, ...rest }) => ({ secret: secretOf(name, createdAt), ...rest }) as SecretRecord.SecretRecord)

describe('SecretRecord.withSecret', () => {
  it('is the record with the new secret and update time, every other field as it was, none added', () => {
    fc.assert(
      fc.property(record, fc.string(), fc.nat(), (before, name, updatedAt) => {
        const secret = secretOf(name, 1)
        expect(SecretRecord.withSecret(before, secret, updatedAt)).toStrictEqual({ ...before, secret, updatedAt })
      }),
      { numRuns: runs(300) },
    )
  })
})
