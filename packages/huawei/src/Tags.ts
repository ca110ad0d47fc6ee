/**
 * Tags of secrets, addressed by the secret's id (not its name) under `/csms/`: add one, delete one,
 * batch create or delete, list a secret's tags, list the project's tags, and find secrets by tags
 * and name (`resource_instances`). At most 20 tags per secret, one value per key; keys of 1 to 128
 * characters that neither start with `_sys_` nor start or end with white space; values of at most
 * 255 characters. Tags work in every state of a secret. These operations answer errors in the
 * nested shape.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import { type Request, param } from './Request.js'
import type { SecretRecord, Tag } from './SecretRecord.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ListSecretTagsResponse {
  readonly tags: ReadonlyArray<Tag>
  readonly sys_tags: ReadonlyArray<Tag>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ListProjectTagsResponse {
  readonly tags: ReadonlyArray<{ readonly key: string; readonly values: ReadonlyArray<string> }>
}

/**
 * @category model
 * @since 0.1.0
 */
export interface ResourceInstancesResponse {
  readonly resources?: ReadonlyArray<{
    readonly resource_id: string
    readonly resource_name: string
    readonly resource_detail: Wire.SecretBody
    readonly tags: ReadonlyArray<Tag>
    readonly sys_tags: ReadonlyArray<Tag>
  }>
  readonly total_count: number
}

// -------------------------------------------------------------------------------------
// decoders
// -------------------------------------------------------------------------------------

const keyPattern = /^((?!\s)(?!_sys_)[\p{L}\p{Z}\p{N}_.:=+\-@]*)(?<!\s)$/u
const valuePattern = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u

/**
 * @category decoders
 * @since 0.1.0
 */
export const TagKeyC: t.Decoder<unknown, string> = Body.constrained(
  Body.text(Dialect.limits.tagKeyChars, 1),
  'TagKey',
  (s) => keyPattern.test(s),
)

/**
 * @category decoders
 * @since 0.1.0
 */
export const TagValueC: t.Decoder<unknown, string> = Body.constrained(
  Body.text(Dialect.limits.tagValueChars),
  'TagValue',
  (s) => valuePattern.test(s),
)

/**
 * One tag; an absent value is the empty string.
 *
 * @category decoders
 * @since 0.1.0
 */
export const TagC: t.Decoder<unknown, Tag> = {
  name: 'Tag',
  validate: (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c)
    const { key, value } = u as Record<string, unknown>
    const k = TagKeyC.validate(key, c)
    const v = value === undefined || value === null ? t.success('') : TagValueC.validate(value, c)
    return E.isRight(k) && E.isRight(v) ? t.success({ key: k.right, value: v.right }) : t.failure(u, c)
  },
  decode: (u) => TagC.validate(u, []),
}

const batchFields = {
  action: Body.required(t.keyof({ create: null, delete: null })),
  tags: Body.required(
    Body.constrained(Body.arrayOf(TagC), 'Tags', (a) => a.length >= 1 && a.length <= Dialect.limits.tagsPerSecret),
  ),
  sequence: Body.optional(Body.text(36)),
}

const filterTagC = {
  name: 'FilterTag',
  validate: (
    u: unknown,
    c: t.Context,
  ): t.Validation<{ readonly key: string; readonly values: ReadonlyArray<string> }> => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c)
    const { key, values } = u as Record<string, unknown>
    const k = Body.text(Dialect.limits.tagKeyChars, 1).validate(key, c)
    const v =
      values === undefined ? t.success([]) : Body.arrayOf(Body.text(Dialect.limits.tagValueChars)).validate(values, c)
    return E.isRight(k) && E.isRight(v) && v.right.length <= 10 && new Set(v.right).size === v.right.length
      ? t.success({ key: k.right, values: v.right })
      : t.failure(u, c)
  },
  decode: (u: unknown) => filterTagC.validate(u, []),
}

const matchC: t.Decoder<unknown, { readonly key: 'resource_name'; readonly value: string }> = {
  name: 'Match',
  validate: (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c)
    const { key, value } = u as Record<string, unknown>
    const v = Body.text(255).validate(value ?? '', c)
    return key === 'resource_name' && E.isRight(v) ? t.success({ key, value: v.right }) : t.failure(u, c)
  },
  decode: (u) => matchC.validate(u, []),
}

const numeric = (min: number, max: number) =>
  Body.constrained(t.string, 'Numeric', (s) => /^[0-9]{1,4}$/.test(s) && Number(s) >= min && Number(s) <= max)

const resourceFields = {
  action: Body.required(t.keyof({ filter: null, count: null })),
  limit: Body.optional(numeric(1, 1_000)),
  offset: Body.optional(numeric(0, 9_999)),
  tags: Body.optional(Body.constrained(Body.arrayOf(filterTagC), 'Tags', (a) => a.length <= 10)),
  matches: Body.optional(Body.constrained(Body.arrayOf(matchC), 'Matches', (a) => a.length <= 10)),
  sequence: Body.optional(Body.text(36)),
}

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `POST /v1/{project_id}/csms/{secret_id}/tags` with `{tag: {key, value}}`: adds a tag, or replaces
 * the value of its key. 204.
 *
 * @category handlers
 * @since 0.1.0
 */
export const create = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, object> =>
  pipe(
    TE.fromEither(Body.decode({ tag: Body.required(TagC) })(request.body)),
    TE.flatMap(({ tag }) => updateTags(env, request, (tags) => upsert(tags, [tag]))),
  )

/**
 * `DELETE /v1/{project_id}/csms/{secret_id}/tags/{key}`: 204; 404 CSMS.0005 when the key is not there.
 *
 * @category handlers
 * @since 0.1.0
 */
export const remove = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, object> => {
  const key = param(request, 'key')
  return pipe(
    TE.fromEither(Body.pathParam('key', Body.text(255, 1))(key)),
    TE.flatMap(() =>
      updateTags(env, request, (tags) =>
        tags.some((tag) => tag.key === key)
          ? E.right(tags.filter((tag) => tag.key !== key))
          : E.left(CsmsError.resourceNotFound()),
      ),
    ),
  )
}

/**
 * `POST /v1/{project_id}/csms/{secret_id}/tags/action`: `create` adds or replaces every tag given,
 * `delete` removes the keys given (keys that are not there are skipped). 204.
 *
 * @category handlers
 * @since 0.1.0
 */
export const batch = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, object> =>
  pipe(
    TE.fromEither(Body.decode(batchFields)(request.body)),
    TE.flatMap(({ action, tags: given }) =>
      updateTags(env, request, (tags) =>
        action === 'create'
          ? upsert(tags, given)
          : E.right(tags.filter((tag) => !given.some((g) => g.key === tag.key))),
      ),
    ),
  )

/**
 * `GET /v1/{project_id}/csms/{secret_id}/tags`.
 *
 * @category handlers
 * @since 0.1.0
 */
export const list = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, ListSecretTagsResponse> =>
  pipe(
    findById(env, request),
    TE.map((stored) => ({ tags: Wire.tags(stored.record), sys_tags: [] })),
  )

/**
 * `GET /v1/{project_id}/csms/tags`: every key used on the project's secrets, with its distinct
 * values, keys and values in code-unit order.
 *
 * @category handlers
 * @since 0.1.0
 */
export const listProject = (env: Engine.Env): TE.TaskEither<CsmsError.CsmsError, ListProjectTagsResponse> =>
  pipe(
    Engine.liveSecrets(env),
    TE.map((all) => {
      const keys = new Map<string, Set<string>>()
      for (const { record } of all)
        for (const tag of record.tags) keys.set(tag.key, (keys.get(tag.key) ?? new Set()).add(tag.value))
      return {
        tags: Array.from(keys.keys())
          .sort()
          .map((key) => ({ key, values: Array.from(keys.get(key) ?? []).sort() })),
      }
    }),
  )

/**
 * `POST /v1/{project_id}/csms/resource_instances/action`: the secrets that carry every tag key given
 * (with one of its values, or any value when none is listed) and whose name contains each
 * `resource_name` match; `filter` pages them by `offset` and `limit` (default 10) in name order,
 * `count` only counts.
 *
 * @category handlers
 * @since 0.1.0
 */
export const resourceInstances = (
  env: Engine.Env,
  request: Request,
): TE.TaskEither<CsmsError.CsmsError, ResourceInstancesResponse> =>
  pipe(
    TE.fromEither(Body.decode(resourceFields)(request.body)),
    TE.flatMap((body) =>
      pipe(
        Engine.liveSecrets(env),
        TE.map((all) => {
          const matching = all
            .map((s) => s.record)
            .filter((record) => (body.tags ?? []).every((f) => carries(record, f)))
            .filter((record) =>
              (body.matches ?? []).every((m) => m.value !== '' && record.secret.name.includes(m.value)),
            )
            .sort((a, b) => (a.secret.name < b.secret.name ? -1 : a.secret.name > b.secret.name ? 1 : 0))
          if (body.action === 'count') return { total_count: matching.length }
          const offset = Number(body.offset ?? '0')
          const limit = Number(body.limit ?? '10')
          return {
            resources: matching.slice(offset, offset + limit).map((record) => ({
              resource_id: record.id,
              resource_name: record.secret.name,
              resource_detail: Wire.secret(record),
              tags: Wire.tags(record),
              sys_tags: [],
            })),
            total_count: matching.length,
          }
        }),
      ),
    ),
  )

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const secretId = (request: Request): E.Either<CsmsError.CsmsError, string> =>
  Body.pathParam('secret_id', Body.text(36, 36))(param(request, 'secret_id'))

/** The name of the live secret with this id, or 404 CSMS.0005. */
const nameOfId = (env: Engine.Env, id: string): TE.TaskEither<CsmsError.CsmsError, string> =>
  pipe(
    Engine.liveSecrets(env),
    TE.flatMapEither((all) => {
      const found = all.find((s) => s.record.id === id)
      return found === undefined ? E.left(CsmsError.resourceNotFound()) : E.right(found.name)
    }),
  )

/** The secret with this id, as it is now, or 404 CSMS.0005. */
const findById = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, Engine.Stored> =>
  pipe(
    TE.fromEither(secretId(request)),
    TE.flatMap((id) =>
      pipe(
        nameOfId(env, id),
        TE.flatMap((name) => Engine.readExisting(env, name, CsmsError.resourceNotFound)),
        TE.flatMapEither((stored) =>
          stored.record.id === id ? E.right(stored) : E.left(CsmsError.resourceNotFound()),
        ),
      ),
    ),
  )

/**
 * Changes the tags of the secret with the request's id: one list to find its name, then the
 * transaction's own read, which checks that the secret is still there under that id (a secret deleted
 * and created again under its name has another id: 404 CSMS.0005).
 */
const updateTags = (
  env: Engine.Env,
  request: Request,
  f: (tags: ReadonlyArray<Tag>) => E.Either<CsmsError.CsmsError, ReadonlyArray<Tag>>,
): TE.TaskEither<CsmsError.CsmsError, object> =>
  pipe(
    TE.fromEither(secretId(request)),
    TE.flatMap((id) =>
      pipe(
        nameOfId(env, id),
        TE.flatMap((name) =>
          Engine.transactExisting(
            env,
            name,
            ({ record }) =>
              TE.fromEither(
                record.id !== id
                  ? E.left(CsmsError.resourceNotFound())
                  : E.map((tags: ReadonlyArray<Tag>) => Engine.commit<SecretRecord, object>({ ...record, tags }, {}))(
                      f(record.tags),
                    ),
              ),
            CsmsError.resourceNotFound,
          ),
        ),
      ),
    ),
  )

/** Adds or replaces; more than 20 tags is CSMS.0116. */
const upsert = (
  tags: ReadonlyArray<Tag>,
  given: ReadonlyArray<Tag>,
): E.Either<CsmsError.CsmsError, ReadonlyArray<Tag>> => {
  const next = given.reduce(
    (acc, tag) => (acc.some((t) => t.key === tag.key) ? acc.map((t) => (t.key === tag.key ? tag : t)) : [...acc, tag]),
    tags,
  )
  return next.length > Dialect.limits.tagsPerSecret ? E.left(CsmsError.make('CSMS.0116')) : E.right(next)
}

const carries = (
  record: SecretRecord,
  filter: { readonly key: string; readonly values: ReadonlyArray<string> },
): boolean =>
  record.tags.some((tag) => tag.key === filter.key && (filter.values.length === 0 || filter.values.includes(tag.value)))
