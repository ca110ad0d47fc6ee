// One HTTP test double per run of a suite, for the conformance tests over the SDKs: each run gets a
// fresh server (a fresh account), starting it closes the previous run's, and the last one closes
// after the test file.
import { startServer, type RunningServer, type ServerOptions } from '@secrets-engine/server'
import { afterAll } from 'vitest'

/** Registers the file's `afterAll` and returns how to start a run's server. */
export const serverPerRun = (): ((options: ServerOptions) => Promise<RunningServer>) => {
  const running = new Set<RunningServer>()
  const closeAll = async (): Promise<void> => {
    const servers = [...running]
    running.clear()
    await Promise.all(servers.map((s) => s.close()))
  }
  afterAll(closeAll)
  return async (options) => {
    await closeAll()
    const server = await startServer(options)
    running.add(server)
    return server
  }
}
