/**
 * Configuration mistakes stop the store as it starts, with a message that says what to set.
 */
import { expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { configFromEnv } from '../src/config.ts'

it('needs STORE_JWT_SECRET on PostgreSQL, before connecting to it', async () => {
  const app = buildApp({ databaseUrl: 'postgresql://nobody@127.0.0.1:1/none' })
  await expect(app.ready()).rejects.toThrow('Set STORE_JWT_SECRET (32 characters or more)')
})

it('refuses a signing secret shorter than 32 characters', async () => {
  const app = buildApp({ dataDir: 'memory://', jwtSecret: 'too-short' })
  await expect(app.ready()).rejects.toThrow('at least 32 characters')
})

it('reads the environment', () => {
  expect(
    configFromEnv({
      DATABASE_URL: 'postgresql://db/store',
      STORE_DATA_DIR: '/srv/store',
      STORE_JWT_SECRET: 's'.repeat(32),
      STORE_TOKEN_MINUTES: '5',
    }),
  ).toEqual({
    databaseUrl: 'postgresql://db/store',
    dataDir: '/srv/store',
    jwtSecret: 's'.repeat(32),
    tokenMinutes: 5,
  })
  expect(configFromEnv({ DATABASE_URL: '' })).toEqual({
    databaseUrl: undefined,
    dataDir: undefined,
    jwtSecret: undefined,
    tokenMinutes: undefined,
  })
})
