import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { unfrozenPath } from '../../../test/support/frozen.js'
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
      tags: fc.array(fc.record({ key: fc.string(), value: fc.string() }, { noNullPrototype: true }), { maxLength: 3 }),
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
      noNullPrototype: true,
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

// A version as a write leaves it: new and unfrozen, or carried over (frozen by an earlier commit).
const version = fc
  .record({
    versionId: fc.string(),
    createdAt: fc.nat(),
    stages: fc.array(fc.string(), { maxLength: 3 }),
    value: fc.record(
      { envelope: fc.base64String(), dataType: fc.constantFrom('text', 'binary') },
      { noNullPrototype: true },
    ),
    carried: fc.boolean(),
  })
  .map(({ carried, stages, value, ...rest }) => {
    const built = { ...rest, stages, value }
    if (!carried) return built
    Object.freeze(stages)
    Object.freeze(value)
    return Object.freeze(built)
  })

const rotation: fc.Arbitrary<SecretRecord.RotationState> = fc.record(
  { enabled: fc.boolean(), intervalSeconds: fc.nat(), nextRotationAt: fc.nat(), lastRotationAt: fc.nat() },
  { requiredKeys: ['enabled'], noNullPrototype: true },
)

describe('SecretRecord.frozen', () => {
  it('freezes the record itself all the way down, and changes nothing in it', () => {
    fc.assert(
      fc.property(record, fc.array(version, { maxLength: 12 }), rotation, (before, versions, rotationState) => {
        const record: SecretRecord.SecretRecord = {
          ...before,
          secret: { ...before.secret, versions } as unknown as SecretRecord.SecretRecord['secret'],
          rotation: rotationState,
        }
        const copy = structuredClone(record)
        expect(unfrozenPath(record)).toBe('$')
        expect(SecretRecord.frozen(record)).toBe(record)
        expect(unfrozenPath(record)).toBeUndefined()
        expect(record).toStrictEqual(copy)
      }),
      { numRuns: runs(300) },
    )
  })
})
