/**
 * @secrets-engine/testkit: the property-based conformance kit. fast-check arbitraries of Alibaba KMS
 * requests (valid ones and ones that break exactly one named rule), the store-port contract, the
 * model-based Alibaba conformance suite, the race suite, the model-based Huawei CSMS conformance
 * suite, and the manual clock and seeded random source to build targets with. Every suite runs
 * without a test runner (`checkStore`, `checkAlibabaConformance`, `checkAlibabaRaces`,
 * `checkHuaweiConformance`); `@secrets-engine/testkit/vitest` registers them as
 * vitest tests.
 */
export { report, runChecks, seedOf } from './Check.js'
export type { AnyProperty, Check, CheckOptions, CheckResult, Failure } from './Check.js'
export { days, epoch, hours, manualClock, seededRandom } from './Clock.js'
export type { ManualClock } from './Clock.js'
export { checkStore, storeChecks } from './store/StoreContract.js'
export type { MakeStore, Snapshots, Store } from './store/StoreContract.js'
export { scheduledStore } from './store/ScheduledStore.js'
export * as AlibabaArbitraries from './alibaba/Arbitraries.js'
export { fromEngine } from './alibaba/Target.js'
export type { MakeTarget, Outcome, Target, TargetEnv } from './alibaba/Target.js'
export { alibabaCommands, checkAlibabaConformance } from './alibaba/Conformance.js'
export type { ConformanceOptions } from './alibaba/Conformance.js'
export type { ConformanceResult } from './Conformance.js'
export { checkAlibabaRaces, raceChecks } from './alibaba/Races.js'
export { engineChoices } from './alibaba/Deviation.js'
export type { Deviation, Difference, ObservedDeviation } from './alibaba/Deviation.js'
export type { AlibabaCommand, Model, ModelSecret, ModelVersion, Real } from './alibaba/Model.js'
export { fromCsms } from './huawei/Target.js'
export type { HuaweiOutcome, HuaweiTarget, MakeHuaweiTarget } from './huawei/Target.js'
export { checkHuaweiConformance, huaweiCommands } from './huawei/Conformance.js'
export type { HuaweiConformanceOptions } from './huawei/Conformance.js'
export type {
  HuaweiCommand,
  HuaweiExpectation,
  HuaweiModel,
  HuaweiModelSecret,
  HuaweiModelVersion,
  HuaweiReal,
} from './huawei/Model.js'
