import { ApiErrors, storeIndex, type ListSecretsResponse, type SecretRecord } from '@secrets-engine/alibaba'
import { MemoryStore } from '@secrets-engine/store-memory'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { days, hours, testEngine, withoutRequestId } from '../../../../test/support/engine.js'

const names = (r: E.Either<unknown, ListSecretsResponse>) =>
  E.map((b: ListSecretsResponse) => [b.TotalCount, b.SecretList.Secret.map((s) => s.SecretName)] as const)(r)

const secret = (SecretName: string, extra: Record<string, string> = {}) => ({
  SecretName,
  VersionId: 'v1',
  SecretData: 'x',
  ...extra,
})
const rds = (SecretName: string) =>
  secret(SecretName, {
    SecretData: '{"Accounts":[{"AccountName":"u","AccountPassword":"p"}]}',
    SecretType: 'Rds',
    ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}',
  })

/** a, b, c, d, e created one second apart; b and d tagged; d in a KMS instance; e an Rds secret. */
const populated = async () => {
  const t = testEngine({ dkmsInstances: ['kst-1'] })
  const requests = [
    secret('a', { Description: 'first' }),
    secret('b', { Tags: '[{"TagKey":"env","TagValue":"prod"}]' }),
    secret('c', { Description: 'first' }),
    secret('d', {
      Tags: '[{"TagKey":"env","TagValue":"dev"},{"TagKey":"team","TagValue":"prod"}]',
      DKMSInstanceId: 'kst-1',
    }),
    rds('e'),
  ]
  for (const request of requests) {
    const r = await t.engine.request('CreateSecret', request)()
    if (E.isLeft(r)) throw new Error(r.left.message)
    t.clock.advance(1_000)
  }
  return t
}

const filters = (...entries: ReadonlyArray<readonly [string, ReadonlyArray<string>]>) =>
  JSON.stringify(entries.map(([Key, Values]) => ({ Key, Values })))

describe('ListSecrets: pages', () => {
  it('answers an empty account with an empty real array and the defaults', async () => {
    const { engine } = testEngine()
    expect(withoutRequestId(await engine.listSecrets({})())).toStrictEqual(
      E.right({ PageNumber: 1, PageSize: 10, TotalCount: 0, SecretList: { Secret: [] } }),
    )
  })

  it('lists every field, in creation order, Tags only with FetchTags=true', async () => {
    const { engine } = await populated()
    const plain = await engine.listSecrets({ PageSize: '2' })()
    expect(withoutRequestId(plain)).toStrictEqual(
      E.right({
        PageNumber: 1,
        PageSize: 2,
        TotalCount: 5,
        SecretList: {
          Secret: [
            {
              SecretName: 'a',
              SecretType: 'Generic',
              CreateTime: '2026-01-01T00:00:00Z',
              UpdateTime: '2026-01-01T00:00:00Z',
            },
            {
              SecretName: 'b',
              SecretType: 'Generic',
              CreateTime: '2026-01-01T00:00:01Z',
              UpdateTime: '2026-01-01T00:00:01Z',
            },
          ],
        },
      }),
    )
    const tagged = await engine.listSecrets({ PageSize: '2', PageNumber: '2', FetchTags: 'true' })()
    expect(E.map((b: ListSecretsResponse) => b.SecretList.Secret)(tagged)).toStrictEqual(
      E.right([
        {
          SecretName: 'c',
          SecretType: 'Generic',
          CreateTime: '2026-01-01T00:00:02Z',
          UpdateTime: '2026-01-01T00:00:02Z',
          Tags: { Tag: [] },
        },
        {
          SecretName: 'd',
          SecretType: 'Generic',
          CreateTime: '2026-01-01T00:00:03Z',
          UpdateTime: '2026-01-01T00:00:03Z',
          Tags: {
            Tag: [
              { TagKey: 'env', TagValue: 'dev' },
              { TagKey: 'team', TagValue: 'prod' },
            ],
          },
        },
      ]),
    )
  })

  it('pages by skipping (PageNumber - 1) * PageSize matches; past the end is an empty page', async () => {
    const { engine } = await populated()
    expect(names(await engine.listSecrets({ PageSize: '2', PageNumber: '3' })())).toStrictEqual(E.right([5, ['e']]))
    expect(names(await engine.listSecrets({ PageSize: '2', PageNumber: '4' })())).toStrictEqual(E.right([5, []]))
    expect(names(await engine.listSecrets({ PageSize: '100' })())).toStrictEqual(
      E.right([5, ['a', 'b', 'c', 'd', 'e']]),
    )
    expect(names(await engine.listSecrets({ PageSize: '1', PageNumber: '5' })())).toStrictEqual(E.right([5, ['e']]))
  })

  it('orders equal creation times by name, and follows CreateTime when the clock went back', async () => {
    const { engine, clock } = testEngine()
    for (const n of ['m', 'z', 'b']) await engine.createSecret(secret(n))()
    clock.advance(-days(1))
    await engine.createSecret(secret('y'))()
    clock.advance(days(2))
    await engine.createSecret(secret('a'))()
    expect(names(await engine.listSecrets({})())).toStrictEqual(E.right([5, ['y', 'b', 'm', 'z', 'a']]))
    expect(names(await engine.listSecrets({ PageSize: '2', PageNumber: '2' })())).toStrictEqual(
      E.right([5, ['m', 'z']]),
    )
  })

  it('takes PageSize 1 and 100 and PageNumber 1 and 2147483647; refuses the rest', async () => {
    const { engine } = await populated()
    for (const ok of [{ PageSize: '1' }, { PageSize: '100' }, { PageNumber: '1' }, { PageNumber: '2147483647' }]) {
      expect(E.isRight(await engine.listSecrets(ok)())).toBe(true)
    }
    for (const bad of ['0', '101', '-1', '1.5', 'ten', ' 1', '1e1']) {
      expect(await engine.listSecrets({ PageSize: bad })()).toStrictEqual(
        E.left(ApiErrors.invalidParameter('PageSize', 'It must be an integer from 1 to 100.')),
      )
    }
    for (const bad of ['0', '2147483648', '-1', '1.0', 'one', '99999999999']) {
      expect(await engine.listSecrets({ PageNumber: bad })()).toStrictEqual(
        E.left(ApiErrors.invalidParameter('PageNumber', 'It must be an integer from 1 to 2147483647.')),
      )
    }
    expect(await engine.request('ListSecrets', { FetchTags: 'yes' })()).toStrictEqual(
      E.left(ApiErrors.invalidParameter('FetchTags', 'It must be true or false.')),
    )
  })

  it('lists a secret pending deletion with PlannedDeleteTime, and neither lists nor counts it once expired', async () => {
    const { engine, clock } = await populated()
    await engine.deleteSecret({ SecretName: 'b', RecoveryWindowInDays: '7' })()
    const listed = await engine.listSecrets({ PageSize: '2' })()
    expect(E.map((b: ListSecretsResponse) => b.SecretList.Secret[1])(listed)).toStrictEqual(
      E.right({
        SecretName: 'b',
        SecretType: 'Generic',
        CreateTime: '2026-01-01T00:00:01Z',
        UpdateTime: '2026-01-01T00:00:01Z',
        PlannedDeleteTime: '2026-01-08T00:00:05Z',
      }),
    )
    clock.advance(days(7))
    expect(names(await engine.listSecrets({ PageSize: '2' })())).toStrictEqual(E.right([4, ['a', 'c']]))
    expect(names(await engine.listSecrets({ Filters: filters(['TagKey', ['env']]) })())).toStrictEqual(
      E.right([1, ['d']]),
    )
  })

  it('shows a due rotation in UpdateTime as DescribeSecret does, without writing', async () => {
    const { engine, clock, store } = testEngine()
    await engine.createSecret({ ...rds('r'), EnableAutomaticRotation: 'true', RotationInterval: '6h' })()
    clock.advance(hours(7))
    const before = store.snapshot()
    const listed = await engine.listSecrets({})()
    expect(store.snapshot()).toStrictEqual(before)
    const described = await engine.describeSecret({ SecretName: 'r' })()
    expect(E.map((b: ListSecretsResponse) => b.SecretList.Secret[0]?.UpdateTime)(listed)).toStrictEqual(
      E.right('2026-01-01T07:00:00Z'),
    )
    expect(E.map((b: { UpdateTime: string }) => b.UpdateTime)(described)).toStrictEqual(E.right('2026-01-01T07:00:00Z'))
  })

  it('answers a store failure with 500 InternalFailure', async () => {
    const { engine, store } = await populated()
    store.faults.failNext('list')
    expect(await engine.listSecrets({})()).toStrictEqual(E.left(ApiErrors.internalFailure()))
    store.faults.failNext('get')
    expect(await engine.listSecrets({ Filters: filters(['SecretName', ['a']]) })()).toStrictEqual(
      E.left(ApiErrors.internalFailure()),
    )
  })
})

describe('ListSecrets: filters', () => {
  it('matches each key exactly; values of one key are ORed, keys are ANDed', async () => {
    const { engine } = await populated()
    const cases: ReadonlyArray<readonly [string, readonly [number, ReadonlyArray<string>]]> = [
      [filters(['SecretName', ['a', 'c', 'nope']]), [2, ['a', 'c']]],
      [filters(['SecretName', ['c', 'a', 'c']]), [2, ['a', 'c']]],
      [filters(['Description', ['first']]), [2, ['a', 'c']]],
      [filters(['Description', ['firs']]), [0, []]],
      [filters(['TagKey', ['env']]), [2, ['b', 'd']]],
      [filters(['TagValue', ['prod']]), [2, ['b', 'd']]],
      [filters(['TagKey', ['team']], ['TagValue', ['prod']]), [1, ['d']]],
      [filters(['DKMSInstanceId', ['kst-1']]), [1, ['d']]],
      [filters(['SecretType', ['Rds']]), [1, ['e']]],
      [filters(['SecretType', ['Generic', 'Rds']], ['Description', ['first']]), [2, ['a', 'c']]],
      [filters(['SecretName', ['a', 'b']], ['TagKey', ['env']]), [1, ['b']]],
      [filters(['SecretName', ['a', 'b']], ['SecretName', ['b', 'c']]), [1, ['b']]],
      [filters(['SecretName', []]), [5, ['a', 'b', 'c', 'd', 'e']]],
      ['[]', [5, ['a', 'b', 'c', 'd', 'e']]],
    ]
    for (const [f, expected] of cases) {
      expect([f, names(await engine.listSecrets({ Filters: f })())]).toStrictEqual([f, E.right(expected)])
    }
  })

  it('pages and counts filtered matches', async () => {
    const { engine } = await populated()
    const f = filters(['SecretName', ['e', 'd', 'a']])
    expect(names(await engine.listSecrets({ Filters: f, PageSize: '2', PageNumber: '2' })())).toStrictEqual(
      E.right([3, ['e']]),
    )
  })

  it("accepts the documentation's backslash-escaped form", async () => {
    const { engine } = await populated()
    expect(
      names(await engine.listSecrets({ Filters: '[{\\"Key\\":\\"SecretName\\", \\"Values\\":[\\"a\\"]}]' })()),
    ).toStrictEqual(E.right([1, ['a']]))
  })

  it('looks names up directly: a SecretName filter never lists the store', async () => {
    const { engine, store } = await populated()
    store.faults.failNext('list', 10)
    expect(
      names(await engine.listSecrets({ Filters: filters(['SecretName', ['b']], ['TagKey', ['env']]) })()),
    ).toStrictEqual(E.right([1, ['b']]))
    store.faults.clear()
  })

  it('takes 10 entries of 10 values and the longest values; refuses one more of anything', async () => {
    const { engine, store } = await populated()
    const before = store.snapshot()
    const ten = Array.from({ length: 10 }, (_, i) => `n${i}`)
    const invalid = (reason: string) => E.left(ApiErrors.invalidParameter('Filters', reason))
    const accepted = [
      filters(...Array.from({ length: 10 }, () => ['SecretType', ['Generic']] as const)),
      filters(['SecretName', ten]),
      filters(['SecretName', ['n'.repeat(192)]]),
      filters(['Description', ['d'.repeat(256)]], ['TagKey', ['k'.repeat(256)]], ['TagValue', ['v'.repeat(256)]]),
      filters(['DKMSInstanceId', ['kst-x']], ['SecretType', ['Redis', 'RAMCredentials', 'ECS']]),
    ]
    for (const f of accepted)
      expect([f, E.isRight(await engine.listSecrets({ Filters: f })())]).toStrictEqual([f, true])
    const refused: ReadonlyArray<readonly [string, string]> = [
      [
        filters(...Array.from({ length: 11 }, () => ['SecretType', ['Generic']] as const)),
        'It may hold at most 10 entries.',
      ],
      [filters(['SecretName', [...ten, 'n10']]), '[0].Values must be a JSON array of at most 10 strings.'],
      [
        filters(['Owner', ['me']]),
        '[0].Key must be one of SecretName, Description, TagKey, TagValue, DKMSInstanceId, SecretType.',
      ],
      [
        filters(['SecretType', ['Generic']], ['secretname', ['a']]),
        '[1].Key must be one of SecretName, Description, TagKey, TagValue, DKMSInstanceId, SecretType.',
      ],
      [filters(['SecretName', ['n'.repeat(193)]]), '[0].Values[0] must be 1 to 192 letters, digits or _ / + = . - @.'],
      [filters(['SecretName', ['ok', 'a b']]), '[0].Values[1] must be 1 to 192 letters, digits or _ / + = . - @.'],
      [filters(['SecretName', ['']]), '[0].Values[0] must be 1 to 192 letters, digits or _ / + = . - @.'],
      [filters(['Description', ['d'.repeat(257)]]), '[0].Values[0] must be 1 to 256 characters.'],
      [filters(['TagKey', ['']]), '[0].Values[0] must be 1 to 256 characters.'],
      [filters(['TagValue', ['v'.repeat(257)]]), '[0].Values[0] must be 1 to 256 characters.'],
      [filters(['DKMSInstanceId', ['']]), '[0].Values[0] must be a KMS instance id.'],
      [filters(['SecretType', ['PolarDB']]), '[0].Values[0] must be one of Generic, Rds, Redis, RAMCredentials, ECS.'],
      ['[{"Key":"SecretName","Values":[1]}]', '[0].Values[0] must be 1 to 192 letters, digits or _ / + = . - @.'],
      ['[{"Key":"SecretName"}]', '[0].Values must be a JSON array of at most 10 strings.'],
      ['[{"Key":"SecretName","Values":"a"}]', '[0].Values must be a JSON array of at most 10 strings.'],
      ['["SecretName"]', '[0] must be a JSON object {"Key":"","Values":[]}.'],
      ['{"Key":"SecretName","Values":["a"]}', 'It must be a JSON array of {"Key":"","Values":[]}.'],
      ['[{"Key":"SecretName",', 'It must be a JSON array of {"Key":"","Values":[]}, and it is not valid JSON.'],
    ]
    for (const [f, reason] of refused) {
      expect([f, await engine.listSecrets({ Filters: f })()]).toStrictEqual([f, invalid(reason)])
    }
    expect(store.snapshot()).toStrictEqual(before)
  })
})

describe('ListSecrets: property', () => {
  const names5 = ['s0', 's1', 's2', 's3', 's4'] as const
  const spec = fc.record({
    name: fc.constantFrom(...names5),
    description: fc.constantFrom('', 'x', 'y'),
    tag: fc.option(fc.record({ key: fc.constantFrom('k1', 'k2'), value: fc.constantFrom('v1', 'v2') }), {
      nil: undefined,
    }),
    gap: fc.constantFrom(0, 1_000),
    pending: fc.boolean(),
  })
  const filterEntry = fc.oneof(
    fc.tuple(fc.constant('SecretName'), fc.subarray([...names5, 'zz'])),
    fc.tuple(fc.constant('Description'), fc.subarray(['x', 'y', 'z'])),
    fc.tuple(fc.constant('TagKey'), fc.subarray(['k1', 'k2'])),
    fc.tuple(fc.constant('TagValue'), fc.subarray(['v1', 'v2'])),
    fc.tuple(fc.constant('SecretType'), fc.subarray(['Generic', 'Rds'])),
  )

  it('equals a naive filter and sort of every live secret, page by page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(spec, { selector: (s) => s.name, maxLength: 5 }),
        fc.array(filterEntry, { maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (specs, entries, pageSize, pageNumber) => {
          const { engine, clock } = testEngine()
          const model: Array<{
            name: string
            description: string
            tag?: { key: string; value: string }
            at: number
            pending: boolean
          }> = []
          for (const s of specs) {
            clock.advance(s.gap)
            await engine.createSecret({
              ...secret(s.name),
              ...(s.description === '' ? {} : { Description: s.description }),
              ...(s.tag === undefined ? {} : { Tags: JSON.stringify([{ TagKey: s.tag.key, TagValue: s.tag.value }]) }),
            })()
            if (s.pending) await engine.deleteSecret({ SecretName: s.name })()
            model.push({
              name: s.name,
              description: s.description,
              ...(s.tag === undefined ? {} : { tag: s.tag }),
              at: clock.now().getTime(),
              pending: s.pending,
            })
          }
          const matching = model
            .filter((m) =>
              entries.every(([key, values]) => {
                if (values.length === 0) return true
                const field =
                  {
                    SecretName: [m.name],
                    Description: [m.description],
                    TagKey: m.tag ? [m.tag.key] : [],
                    TagValue: m.tag ? [m.tag.value] : [],
                    SecretType: ['Generic'],
                  }[key] ?? []
                return values.some((v) => field.includes(v))
              }),
            )
            .sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : 1))
          const result = await engine.listSecrets({
            Filters: filters(...entries),
            PageSize: String(pageSize),
            PageNumber: String(pageNumber),
          })()
          expect(names(result)).toStrictEqual(
            E.right([
              matching.length,
              matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((m) => m.name),
            ]),
          )
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('ListSecrets: the indexed store', () => {
  type Step =
    | { readonly kind: 'create'; readonly name: string; readonly gap: number }
    | { readonly kind: 'delete'; readonly name: string; readonly force: boolean }
    | { readonly kind: 'restore'; readonly name: string }
    | { readonly kind: 'advance'; readonly ms: number }
  const name = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `n${(i * 7) % 12}`))
  const step: fc.Arbitrary<Step> = fc.oneof(
    // Gaps of 0 make runs of equal CreateTime; a negative gap sets the clock back.
    {
      arbitrary: fc.record({ kind: fc.constant('create' as const), name, gap: fc.constantFrom(0, 0, 1, 500, -700) }),
      weight: 5,
    },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), name, force: fc.boolean() }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('restore' as const), name }), weight: 1 },
    {
      arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(days(3), days(7), 1) }),
      weight: 1,
    },
  )

  it('pages exactly as a scan of the whole store does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        async (steps, pageSize, pageNumber) => {
          const indexed = testEngine({ store: MemoryStore.make<SecretRecord>({ index: storeIndex }) })
          const scanned = testEngine({ store: MemoryStore.make<SecretRecord>() })
          for (const { engine, clock } of [indexed, scanned]) {
            for (const s of steps) {
              if (s.kind === 'create') {
                clock.advance(s.gap)
                await engine.createSecret(secret(s.name))()
              } else if (s.kind === 'delete') {
                await engine.deleteSecret({
                  SecretName: s.name,
                  ...(s.force ? { ForceDeleteWithoutRecovery: 'true' } : { RecoveryWindowInDays: '7' }),
                })()
              } else if (s.kind === 'restore') {
                await engine.restoreSecret({ SecretName: s.name })()
              } else {
                clock.advance(s.ms)
              }
            }
          }
          const request = { PageSize: String(pageSize), PageNumber: String(pageNumber) }
          const fromIndex = await indexed.engine.listSecrets(request)()
          const fromScan = await scanned.engine.listSecrets(request)()
          expect(
            E.map(({ RequestId: _, ...body }: ListSecretsResponse & { RequestId: string }) => body)(fromIndex),
          ).toStrictEqual(
            E.map(({ RequestId: _, ...body }: ListSecretsResponse & { RequestId: string }) => body)(fromScan),
          )
        },
      ),
      { numRuns: 200 },
    )
  })
})
