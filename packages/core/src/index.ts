/**
 * @secrets-engine/core: the pure domain of secrets, versions and stage labels, the ports that
 * adapters implement (random source, envelope cipher, keyring, store), and the transaction that the
 * engines' writes go through.
 */
export * as DomainError from './DomainError.js'
export * as Random from './Random.js'
export * as Redacted from './Redacted.js'
export * as Secret from './Secret.js'
export * as SecretName from './SecretName.js'
export * as StageLabel from './StageLabel.js'
export * as Text from './Text.js'
export * as Version from './Version.js'
export * as VersionId from './VersionId.js'
export * as SecretStore from './SecretStore.js'
export * as StoreError from './StoreError.js'
export * as Transaction from './Transaction.js'
export * as CryptoError from './CryptoError.js'
export * as Envelope from './Envelope.js'
export * as EnvelopeCipher from './EnvelopeCipher.js'
export * as KeyMetadata from './KeyMetadata.js'
export * as Keyring from './Keyring.js'
export * as Base64 from './Base64.js'
