/**
 * What the Huawei CSMS suite runs against: anything that answers a REST request
 * `request(method, path, body?)` with a promise of the HTTP status and the response body, or of the
 * status and CSMS's `error_code` and `error_msg`: our engine, our HTTP server through Huawei's SDK,
 * or an adapter to the real cloud. Paths are Huawei's, with the project id and any query string
 * (`/v1/{project_id}/secrets?limit=2`); bodies are parsed JSON.
 *
 * @since 0.1.0
 */
import { Routes, type Csms } from '@secrets-engine/huawei'
import * as E from 'fp-ts/lib/Either.js'
import type { TargetEnv } from '../alibaba/Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * @category model
 * @since 0.1.0
 */
export type HuaweiOutcome =
  | { readonly ok: true; readonly status: number; readonly body: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly status: number; readonly error_code: string; readonly error_msg: string }

/**
 * @category model
 * @since 0.1.0
 */
export interface HuaweiTarget {
  readonly request: (method: string, path: string, body?: unknown) => Promise<HuaweiOutcome>
}

/**
 * A fresh target in an empty project for each run, built on the kit's clock and random source.
 *
 * @category model
 * @since 0.1.0
 */
export type MakeHuaweiTarget = (env: Omit<TargetEnv, 'scheduler'>) => HuaweiTarget | Promise<HuaweiTarget>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Our CSMS engine as a target: its `TaskEither` answers become promises of outcomes, with the
 * success status of the request's route (204 for the operations that answer no content).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromCsms = (csms: Pick<Csms, 'request' | 'config'>): HuaweiTarget => ({
  request: async (method, path, body) => {
    const result = await csms.request(method, path, body)()
    if (E.isLeft(result)) {
      const { error_code, error_msg, httpStatus } = result.left
      return { ok: false, status: httpStatus, error_code, error_msg }
    }
    const route = Routes.match(method, path, csms.config.projectId)
    return { ok: true, status: E.isRight(route) ? route.right.route.successStatus : 200, body: result.right }
  },
})
