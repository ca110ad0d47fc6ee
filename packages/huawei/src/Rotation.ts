/**
 * Rotation of RDS-type secrets (COMMON secrets do not rotate: CSMS.0111). A rotation writes a new
 * version, which takes SYSCURRENT (the old current version takes SYSPREVIOUS): its value is the
 * current value with every `password` field of its JSON replaced by a fresh random password, or a
 * fresh password when the value is not JSON. The same transition serves RotateSecret and the
 * automatic rotation that the engine applies when `next_rotation_time` has passed. RotateSecret that
 * fails is refused and changes nothing; an automatic rotation that fails is recorded as a FAILED task
 * and retried at the next period of the schedule, as nobody is there to be refused.
 *
 * RotateSecret starts the period again: the next automatic rotation is one period after it. The
 * automatic rotation keeps the schedule's phase, as Alibaba's does: the next one is the first time of
 * the schedule (`next_rotation_time` plus whole periods) after now, so a rotation noticed late moves
 * nothing, and however many periods were missed, one version is written.
 *
 * @since 0.1.0
 */
import { Redacted, Secret, SecretName, type VersionId } from '@secrets-engine/core'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as Body from './Body.js'
import * as CsmsError from './CsmsError.js'
import * as Dialect from './Dialect.js'
import * as Engine from './Engine.js'
import * as Password from './Password.js'
import { type Request } from './Request.js'
import * as SecretRecord from './SecretRecord.js'
import * as SecretValues from './SecretValues.js'
import * as Secrets from './Secrets.js'
import * as Wire from './Wire.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export interface ListTasksResponse {
  readonly tasks: ReadonlyArray<{
    readonly task_id: string
    readonly secret_name: string
    readonly rotation_func_urn?: string
    readonly task_status: 'SUCCESS' | 'FAILED'
    readonly operate_type: string
    readonly attempt_nums: number
    readonly task_time: number
    readonly task_error_code: string
    readonly task_error_msg: string
  }>
  readonly total: number
  readonly next_marker?: string
}

/**
 * @category model
 * @since 0.1.0
 */
export interface RotateResponse {
  readonly version_id: string
  readonly secret_name: string
  readonly rotation_task_id: string
}

/**
 * Where a rotation at `now` puts `next_rotation_time`, for a secret rotating every `period`
 * milliseconds.
 *
 * @category model
 * @since 0.1.0
 */
export type Schedule = (record: SecretRecord.SecretRecord, now: number, period: number) => number

// -------------------------------------------------------------------------------------
// transitions
// -------------------------------------------------------------------------------------

/**
 * RotateSecret's schedule: the period starts again at the rotation.
 *
 * @category transitions
 * @since 0.1.0
 */
export const restartPeriod: Schedule = (_, now, period) => now + period

/**
 * The automatic rotation's schedule: the first time after `now` that is the `next_rotation_time`
 * that fell due plus whole periods, so the schedule keeps its phase however late the rotation was
 * noticed.
 *
 * @category transitions
 * @since 0.1.0
 */
export const keepPhase: Schedule = (record, now, period) => {
  const due = record.nextRotationTime ?? now
  return due + (Math.floor((now - due) / period) + 1) * period
}

/**
 * The record after one rotation at `env.now`, with the new version's id; while rotation is automatic,
 * `schedule` gives the next one.
 *
 * @category transitions
 * @since 0.1.0
 */
export const rotateRecord = (
  env: Engine.Env,
  record: SecretRecord.SecretRecord,
  schedule: Schedule,
): TE.TaskEither<
  CsmsError.CsmsError,
  { readonly record: SecretRecord.SecretRecord; readonly versionId: string; readonly taskId: string }
> => {
  const name = record.secret.name
  const number = record.lastVersion + 1
  const versionId = `v${number}` as VersionId.VersionId
  return pipe(
    Secret.findByStage(Dialect.currentStage)(record.secret),
    TE.fromOption(() => CsmsError.internalError()),
    TE.flatMap((current) => SecretValues.open(env, { secretName: name, versionId: current.versionId }, current.value)),
    TE.flatMapEither((value) => rotatedValue(env, value)),
    TE.flatMap((value) => SecretValues.seal(env, record.kmsKeyId, { secretName: name, versionId }, value)),
    TE.flatMapEither((sealed) =>
      pipe(
        Secret.putVersion(Dialect.rules)({ versionId, createdAt: env.now, value: sealed })(record.secret),
        E.mapLeft(() => CsmsError.internalError()),
      ),
    ),
    TE.map((secret) => {
      const attempt = recordAttempt(env, record, { status: 'SUCCESS' }, schedule)
      const next = SecretRecord.withSecret(
        secret,
        env.now,
      )({ ...attempt.record, lastVersion: number, rotationTime: env.now })
      return { record: next, versionId, taskId: attempt.taskId }
    }),
  )
}

/**
 * The engine's automatic rotation: SECRET_ROTATED with the rotated record, or, when the rotation
 * fails (a key that cannot be used, a value that does not open), SECRET_ROTATED_FAILED with
 * `failedRotation`'s record. The secret stays usable either way.
 *
 * @category transitions
 * @since 0.1.0
 */
export const rotate: Engine.Rotator = (env, record) =>
  pipe(
    rotateRecord(env, record, keepPhase),
    TE.match(
      (error): Engine.RotationOutcome => ({
        record: failedRotation(env, record, error),
        event: 'SECRET_ROTATED_FAILED',
      }),
      (rotated): Engine.RotationOutcome => ({ record: rotated.record, event: 'SECRET_ROTATED' }),
    ),
  )

// -------------------------------------------------------------------------------------
// handlers
// -------------------------------------------------------------------------------------

/**
 * `POST /v1/{project_id}/secrets/{secret_name}/rotate`: ENABLED, non-COMMON secrets only.
 *
 * @category handlers
 * @since 0.1.0
 */
export const rotateNow = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, RotateResponse> =>
  pipe(
    TE.fromEither(Secrets.secretName(request)),
    TE.flatMap((name) =>
      Engine.transactExisting(env, name, (stored) =>
        pipe(
          TE.fromEither(Secrets.enabled(stored.record)),
          TE.flatMap((record) =>
            record.secretType === 'COMMON'
              ? TE.left(CsmsError.make('CSMS.0111'))
              : rotateRecord(env, record, restartPeriod),
          ),
          TE.map(({ record, versionId, taskId }) =>
            Engine.commit(record, {
              record,
              response: { version_id: versionId, secret_name: name, rotation_task_id: taskId },
            }),
          ),
        ),
      ),
    ),
    TE.tap(({ record }) => env.notify(env, record, 'SECRET_ROTATED')),
    TE.map(({ response }) => response),
  )

/**
 * `GET /v1/{project_id}/csms/tasks?secret_name=&status=&task_id=&limit=&marker=`: rotation tasks
 * (SUCCESS, or FAILED with the error's code and message) in the order they ran, 50 by default; `marker` is the last task id of the previous page; `task_id`
 * may not be combined with the other filters. Tasks of deleted secrets are gone with them.
 *
 * @category handlers
 * @since 0.1.0
 */
export const listTasks = (env: Engine.Env, request: Request): TE.TaskEither<CsmsError.CsmsError, ListTasksResponse> => {
  const q = request.query
  const secretName = q.get('secret_name')
  const status = q.get('status')
  const taskId = q.get('task_id')
  const marker = q.get('marker')
  const problem =
    secretName !== null && !SecretName.is(Dialect.nameRule)(secretName)
      ? 'secret_name'
      : status !== null && status !== 'SUCCESS' && status !== 'FAILED'
        ? 'status'
        : taskId !== null && (!taskIdPattern.test(taskId) || secretName !== null || status !== null)
          ? 'task_id'
          : marker !== null && !taskIdPattern.test(marker)
            ? 'marker'
            : undefined
  if (problem !== undefined) return TE.left(CsmsError.invalidParameter(problem))
  return pipe(
    TE.fromEither(Body.limit(q.get('limit'), Dialect.limits.listLimitMax, Dialect.limits.listLimitDefault)),
    // Automatic rotations whose time has passed run before the tasks are read.
    TE.tap(() => Engine.catchUpAll(env)),
    TE.flatMap((limit) =>
      pipe(
        Engine.liveSecrets(env),
        TE.map((all) => {
          const tasks = all
            .flatMap(({ record }) => record.tasks.map((task) => ({ task, record })))
            .filter(({ record }) => secretName === null || record.secret.name === secretName)
            .filter(({ task }) => status === null || task.status === status)
            .filter(({ task }) => taskId === null || task.taskId === taskId)
            .sort((a, b) => a.task.time - b.task.time)
          const start = marker === null ? 0 : tasks.findIndex(({ task }) => task.taskId === marker) + 1
          const shown = tasks.slice(start, start + limit)
          const last = shown[shown.length - 1]
          return {
            tasks: shown.map(({ task, record }) => ({
              task_id: task.taskId,
              secret_name: record.secret.name,
              ...(record.rotationFuncUrn === undefined ? {} : { rotation_func_urn: record.rotationFuncUrn }),
              task_status: task.status,
              operate_type: task.operateType,
              attempt_nums: 1,
              task_time: task.time,
              task_error_code: task.errorCode ?? '',
              task_error_msg: task.errorMessage ?? '',
            })),
            total: tasks.length,
            ...(last !== undefined && start + limit < tasks.length ? { next_marker: last.task.taskId } : {}),
          }
        }),
      ),
    ),
  )
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/**
 * The record after an automatic rotation at `env.now` failed with `error`: the versions stay as they
 * were, a FAILED task records the error, and the next attempt is the next period of the schedule (so
 * the failure is recorded once per period, not on every request).
 */
const failedRotation = (
  env: Engine.Env,
  record: SecretRecord.SecretRecord,
  error: CsmsError.CsmsError,
): SecretRecord.SecretRecord =>
  recordAttempt(
    env,
    record,
    { status: 'FAILED', errorCode: error.error_code, errorMessage: error.error_msg },
    keepPhase,
  ).record

/**
 * `record` after a rotation attempt at `env.now` that ended as `outcome`: its task is appended (the
 * newest `SecretRecord.maxTasks` are kept), and while rotation is automatic `schedule` gives the next
 * one, whether this one succeeded or not.
 */
const recordAttempt = (
  env: Engine.Env,
  record: SecretRecord.SecretRecord,
  outcome: Pick<SecretRecord.RotationTask, 'status' | 'errorCode' | 'errorMessage'>,
  schedule: Schedule,
): { readonly record: SecretRecord.SecretRecord; readonly taskId: string } => {
  const seconds = record.rotationPeriod === undefined ? undefined : Body.periodSeconds(record.rotationPeriod)
  const { nextRotationTime: _, ...rest } = record
  const task: SecretRecord.RotationTask = {
    taskId: Wire.uuid(env.random),
    status: outcome.status,
    operateType: operateType(record.rotationConfig),
    time: env.now,
    ...(outcome.errorCode === undefined ? {} : { errorCode: outcome.errorCode }),
    ...(outcome.errorMessage === undefined ? {} : { errorMessage: outcome.errorMessage }),
  }
  return {
    record: {
      ...rest,
      updateTime: env.now,
      ...(record.autoRotation && seconds !== undefined
        ? { nextRotationTime: schedule(record, env.now, seconds * 1000) }
        : {}),
      tasks: [...record.tasks, task].slice(-SecretRecord.maxTasks),
    },
    taskId: task.taskId,
  }
}

/** `task_id` and `marker` of ListSecretTask: a task id, a UUID as the engine makes them. */
const taskIdPattern = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/

const operateType = (config: string | undefined): string =>
  config !== undefined && /multiuser/i.test(config) ? 'MULTI_USER' : 'SINGLE_USER'

const fresh = (env: Engine.Env): E.Either<CsmsError.CsmsError, string> =>
  pipe(
    Password.generate({ ...Password.defaults, requireEachIncludedType: true })(env.random),
    E.mapLeft(() => CsmsError.internalError()),
  )

const replacePasswords = (env: Engine.Env, json: unknown): unknown => {
  if (Array.isArray(json)) return json.map((item) => replacePasswords(env, item))
  if (typeof json !== 'object' || json === null) return json
  return Object.fromEntries(
    Object.entries(json).map(([key, v]) => [
      key,
      key.toLowerCase() === 'password' && typeof v === 'string'
        ? O.getOrElse(() => v)(O.fromEither(fresh(env)))
        : replacePasswords(env, v),
    ]),
  )
}

const rotatedValue = (env: Engine.Env, value: Body.SecretValue): E.Either<CsmsError.CsmsError, Body.SecretValue> => {
  if (value.kind === 'string') {
    try {
      const parsed: unknown = JSON.parse(Redacted.value(value.data))
      if (typeof parsed === 'object' && parsed !== null) {
        return E.right({ kind: 'string', data: Redacted.make(JSON.stringify(replacePasswords(env, parsed))) })
      }
    } catch {
      // Not JSON: the whole value is the password.
    }
  }
  return E.map((p: string) => ({ kind: 'string' as const, data: Redacted.make(p) }))(fresh(env))
}
