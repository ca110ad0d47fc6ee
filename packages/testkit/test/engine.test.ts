import { createSecretsManager } from '@secrets-engine/alibaba'
import { MemoryStore } from '@secrets-engine/store-memory'
import { fromEngine, scheduledStore, type MakeTarget } from '@secrets-engine/testkit'
import { alibabaConformance, alibabaRaces } from '@secrets-engine/testkit/vitest'
import { replay, runs } from '../../../test/support/runs.js'

const engine: MakeTarget = ({ now, random, scheduler }) =>
  fromEngine(
    createSecretsManager({
      now,
      random,
      ...(scheduler !== undefined ? { store: scheduledStore(MemoryStore.make(), scheduler) } : {}),
    }),
  )

alibabaConformance('the engine', engine, { numRuns: runs(100), ...replay() })
alibabaRaces('the engine', engine)
