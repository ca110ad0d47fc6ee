/**
 * @secrets-engine/store-memory: the in-memory adapter of the secret store port, with snapshots and
 * fault injection.
 */
export * as MemoryStore from './MemoryStore.js'
