/**
 * ListSecrets: one page of the secrets that match every filter, ordered by creation time, then
 * name, with `TotalCount` counting every match. Secrets pending deletion are listed with their
 * `PlannedDeleteTime`; a secret whose window has passed is gone, so it is neither listed nor
 * counted, even before any request has removed it from the store. Listing reads only: it never
 * writes to the store (due rotations and expiries are applied by the requests that touch a secret),
 * but it shows each secret as those requests would leave it.
 *
 * Cost, for n secrets in the store and a page of p:
 * - with a `SecretName` filter: one `store.get` per distinct name (at most 10), never a scan;
 * - with no filter, on a store that keeps the engine's index (`Engine.storeIndex`; the default
 *   store does): one `store.list` at the page's offset, which leaves out the secrets whose window
 *   has passed and counts the others: O(p log n). The page is widened until it holds whole runs of
 *   equal CreateTime at both ends, which are then sorted by name. When the store says that some
 *   secret was created with a CreateTime below an earlier one's (a clock set back), it is a scan;
 * - otherwise: one pass over the whole store in creation order, in chunks of 1,000, keeping only
 *   the page: O(n) time, O(p) memory. The whole pass is needed for `TotalCount`, since any secret
 *   may have passed its `PlannedDeleteTime` since it was written.
 *   The store's creation order is the order of `CreateTime` as long as the clock does not go back;
 *   when the pass meets two matches out of (CreateTime, name) order (equal times created in
 *   reverse name order, or a clock set back), it passes again keeping every match and sorts them:
 *   O(n log n) time and O(matches) memory for that request.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as ApiError from '../ApiError.js'
import type { SecretType } from '../CreateSecret.js'
import * as Engine from '../Engine.js'
import type { Filter, ListSecretsCommand } from '../ListSecrets.js'
import * as SecretRecord from '../SecretRecord.js'
import * as Wire from '../Wire.js'
import { tagsField, type TagsField } from './DescribeSecret.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ListedSecret {
  readonly SecretName: string
  readonly SecretType: SecretType
  readonly CreateTime: string
  readonly UpdateTime: string
  readonly PlannedDeleteTime?: string
  readonly Tags?: TagsField
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListSecretsResponse {
  readonly PageNumber: number
  readonly PageSize: number
  readonly TotalCount: number
  readonly SecretList: { readonly Secret: ReadonlyArray<ListedSecret> }
}

// -------------------------------------------------------------------------------------
// handler
// -------------------------------------------------------------------------------------

/**
 * @category handler
 * @since 0.1.0
 */
export const handle = (
  command: ListSecretsCommand,
  env: Engine.Env,
): TE.TaskEither<ApiError.ApiError, ListSecretsResponse> => {
  const keep = matches(env.now, command.filters)
  const from = (command.pageNumber - 1) * command.pageSize
  const to = from + command.pageSize
  const names = namesToLookUp(command.filters)
  const unfiltered = command.filters.every((filter) => filter.values.length === 0)
  return pipe(
    names !== undefined
      ? lookUp(env, names, keep, from, to)
      : unfiltered && env.store.index === Engine.storeIndex
        ? indexedPage(env, keep, from, to)
        : scan(env, keep, from, to),
    TE.map(({ total, page }): ListSecretsResponse => ({
      PageNumber: command.pageNumber,
      PageSize: command.pageSize,
      TotalCount: total,
      SecretList: { Secret: page.map(listed(env.now, command.fetchTags)) },
    })),
  )
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

type Row = SecretRecord.SecretRecord

interface Selection {
  readonly total: number
  readonly page: ReadonlyArray<Row>
}

/** CreateTime, then name. */
const byCreation = (a: Row, b: Row): number =>
  a.secret.createdAt - b.secret.createdAt ||
  (a.secret.name < b.secret.name ? -1 : a.secret.name > b.secret.name ? 1 : 0)

/** Whether a record is live at `now` and matches every filter (an entry without values matches all). */
const matches =
  (now: number, filters: ReadonlyArray<Filter>) =>
  (record: Row): boolean =>
    !SecretRecord.isExpired(now)(record) &&
    filters.every((filter) => filter.values.length === 0 || filter.values.some(fieldMatches(filter.key, record)))

const fieldMatches =
  (key: Filter['key'], record: Row) =>
  (value: string): boolean => {
    switch (key) {
      case 'SecretName':
        return record.secret.name === value
      case 'Description':
        return record.description === value
      case 'TagKey':
        return record.tags.some((tag) => tag.key === value)
      case 'TagValue':
        return record.tags.some((tag) => tag.value === value)
      case 'DKMSInstanceId':
        return record.dkmsInstanceId === value
      case 'SecretType':
        return record.secretType === value
    }
  }

/**
 * The only names that can match, when some `SecretName` entry has values: those every such entry
 * lists. Undefined when no entry restricts the name.
 */
const namesToLookUp = (filters: ReadonlyArray<Filter>): ReadonlyArray<string> | undefined =>
  filters
    .filter((filter) => filter.key === 'SecretName' && filter.values.length > 0)
    .reduce<ReadonlyArray<string> | undefined>(
      (names, filter) =>
        names === undefined ? [...new Set(filter.values)] : names.filter((n) => filter.values.includes(n)),
      undefined,
    )

/** Direct reads of at most 10 names. */
const lookUp = (
  env: Engine.Env,
  names: ReadonlyArray<string>,
  keep: (record: Row) => boolean,
  from: number,
  to: number,
): TE.TaskEither<ApiError.ApiError, Selection> =>
  pipe(
    names,
    TE.traverseArray((name) => pipe(env.store.get(name), TE.mapLeft(Engine.storeFailure))),
    TE.map((found) => {
      const all = pipe(found, RA.filterMap(O.map((stored) => stored.record)), RA.filter(keep))
      return { total: all.length, page: [...all].sort(byCreation).slice(from, to) }
    }),
  )

/**
 * One pass that keeps only the page, trusting the store's creation order; if that order disagrees
 * with (CreateTime, name) for two matches, a second pass that keeps and sorts every match.
 */
const scan =
  (
    env: Engine.Env,
    keep: (record: Row) => boolean,
    from: number,
    to: number,
  ): TE.TaskEither<ApiError.ApiError, Selection> =>
  () => {
    // Local mutable state, fresh for each run of the task, filled by a pass and read once it has ended.
    let total = 0
    let ordered = true
    let previous: Row | undefined
    const page: Array<Row> = []
    const all: Array<Row> = []
    return pipe(
      Engine.forEachStored(env, ({ record }) => {
        if (!keep(record)) return
        if (previous !== undefined && byCreation(previous, record) > 0) ordered = false
        previous = record
        if (total >= from && total < to) page.push(record)
        total++
      }),
      TE.flatMap(() =>
        ordered
          ? TE.right<ApiError.ApiError, Selection>({ total, page })
          : pipe(
              Engine.forEachStored(env, ({ record }) => {
                if (keep(record)) all.push(record)
              }),
              TE.map((): Selection => ({ total: all.length, page: all.sort(byCreation).slice(from, to) })),
            ),
      ),
    )()
  }

/**
 * An unfiltered page from a store that keeps the engine's index: the records from `from` to `to`
 * with a margin around them, widened (4 times at each step) until any run of equal CreateTime that
 * the page cuts lies whole inside, then sorted, which only puts those runs in name order.
 */
const indexedPage =
  (
    env: Engine.Env,
    keep: (record: Row) => boolean,
    from: number,
    to: number,
  ): TE.TaskEither<ApiError.ApiError, Selection> =>
  async () => {
    for (let margin = 1; ; margin *= 4) {
      const lo = Math.max(0, from - margin)
      const listed = await env.store.list({ offset: lo, limit: to - lo + margin, dueBy: env.now })()
      if (E.isLeft(listed)) return E.left(Engine.storeFailure(listed.left))
      const { items, next, total, ordered } = listed.right
      if (ordered !== true) return scan(env, keep, from, to)()
      const rows = items.map((stored) => stored.record)
      const createdAt = (i: number): number | undefined => rows[i]?.secret.createdAt
      const first = from - lo
      const last = Math.min(rows.length, to - lo) - 1
      const wholeAtStart = lo === 0 || first >= rows.length || createdAt(0) !== createdAt(first)
      const wholeAtEnd = next === undefined || last < first || createdAt(rows.length - 1) !== createdAt(last)
      if (wholeAtStart && wholeAtEnd) return E.right({ total, page: rows.sort(byCreation).slice(first, to - lo) })
    }
  }

/**
 * A listed secret as it is at `now`. A rotation that is due but not yet applied (listing does not
 * write) updates the secret at the time of the request that applies it; so the list shows `now`
 * as its UpdateTime, which is what a DescribeSecret at the same time gives.
 */
const listed =
  (now: number, fetchTags: boolean) =>
  (record: Row): ListedSecret => ({
    SecretName: record.secret.name,
    SecretType: record.secretType,
    CreateTime: Wire.date(record.secret.createdAt),
    UpdateTime: Wire.date(SecretRecord.isRotationDue(now)(record) ? now : record.updatedAt),
    ...(record.plannedDeleteAt === undefined ? {} : { PlannedDeleteTime: Wire.date(record.plannedDeleteAt) }),
    ...(fetchTags ? { Tags: tagsField(record.tags) } : {}),
  })
