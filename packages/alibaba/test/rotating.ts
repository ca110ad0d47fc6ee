// Secrets of every rotating type (and one Generic), and the helpers the rotation tests share.
import * as E from 'fp-ts/lib/Either.js'
import type { testEngine } from '../../../test/support/engine.js'

export const fixtures = {
  rds: {
    SecretName: 'rds-single',
    VersionId: 'v1',
    SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"old-password"}]}',
    SecretType: 'Rds',
    ExtendedConfig: '{"SecretSubType":"SingleUser","DBInstanceId":"rm-1"}',
  },
  rdsDouble: {
    SecretName: 'rds-double',
    VersionId: 'v1',
    SecretData: '{"Accounts":[{"AccountName":"user1","AccountPassword":"old-password"}]}',
    SecretType: 'Rds',
    ExtendedConfig: '{"SecretSubType":"DoubleUsers","DBInstanceId":"rm-1"}',
  },
  redis: {
    SecretName: 'redis',
    VersionId: 'v1',
    SecretData: '{"Accounts":[{"AccountName":"app","AccountPassword":"old-password"}]}',
    SecretType: 'Redis',
    ExtendedConfig:
      '{"SecretSubType":"DoubleUsers","AccountName":"app","CloneAccountName":"app_clone","AccountPrivilege":"RoleReadWrite","InstanceId":"r-1","RegionId":"cn-hangzhou"}',
  },
  ram: {
    SecretName: '$Auto',
    VersionId: 'v1',
    SecretData: '{"AccessKeys":[{"AccessKeyId":"LTAIold","AccessKeySecret":"old-secret"}]}',
    SecretType: 'RAMCredentials',
    ExtendedConfig: '{"SecretSubType":"RamUserAccessKey","UserName":"alice"}',
  },
  ecsPassword: {
    SecretName: 'acs/ecs/web',
    VersionId: 'v1',
    SecretData: '{"UserName":"root","Password":"old-password"}',
    SecretType: 'ECS',
    ExtendedConfig: '{"SecretSubType":"Password","RegionId":"cn-hangzhou","InstanceId":"i-1"}',
  },
  ecsSsh: {
    SecretName: 'acs/ecs/ssh',
    VersionId: 'v1',
    SecretData: '{"UserName":"root","PublicKey":"ssh-ed25519 old","PrivateKey":"old-private-key"}',
    SecretType: 'ECS',
    ExtendedConfig: '{"SecretSubType":"SSHKey","RegionId":"cn-hangzhou","InstanceId":"i-1"}',
  },
  generic: { SecretName: 'plain', VersionId: 'v1', SecretData: 's3cr3t' },
} as const

type Engine = ReturnType<typeof testEngine>['engine']

export const createAll = async (engine: Engine, extra: Record<string, string> = {}) => {
  for (const request of Object.values(fixtures)) {
    const created = await engine.request('CreateSecret', {
      ...request,
      ...(request === fixtures.generic ? {} : extra),
    })()
    if (E.isLeft(created)) throw new Error(created.left.message)
  }
}

export const read = async (engine: Engine, SecretName: string, VersionStage = 'ACSCurrent') => {
  const r = await engine.getSecretValue({ SecretName, VersionStage })()
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right
}

export const json = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>
