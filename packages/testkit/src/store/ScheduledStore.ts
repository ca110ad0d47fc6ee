/**
 * A store whose every call starts only when a fast-check scheduler says so. Build a target on it to
 * let the race suite interleave the store steps of concurrent requests (read, read, commit,
 * conflict, retry...) and not only the order in which whole requests start and end.
 *
 * @since 0.1.0
 */
import type { SecretStore } from '@secrets-engine/core'
import type fc from 'fast-check'

/**
 * The store keeps its `index`, so that an engine on it pages and counts as on the store itself.
 *
 * @category constructors
 * @since 0.1.0
 */
export const scheduledStore = <R>(store: SecretStore.SecretStore<R>, s: fc.Scheduler): SecretStore.SecretStore<R> => ({
  get: (name) => () => s.schedule(Promise.resolve(), `store.get ${name}`).then(() => store.get(name)()),
  commit: (name, expected, record) => () =>
    s
      .schedule(Promise.resolve(), `store.commit ${name} @${expected}`)
      .then(() => store.commit(name, expected, record)()),
  remove: (name, expected) => () =>
    s.schedule(Promise.resolve(), `store.remove ${name} @${expected}`).then(() => store.remove(name, expected)()),
  list: (request) => () => s.schedule(Promise.resolve(), 'store.list').then(() => store.list(request)()),
  ...(store.index === undefined ? {} : { index: store.index }),
})
