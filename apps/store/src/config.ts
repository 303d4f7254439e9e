/**
 * @module
 * Where the store keeps its data and how it signs tokens, from options or the environment.
 */
import { fileURLToPath } from 'node:url'

/** The embedded database's folder when `STORE_DATA_DIR` is not set: `apps/store/.data`, whatever the cwd. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data', import.meta.url))

/** An embedded database kept in memory only (tests, benchmarks): `STORE_DATA_DIR=memory://`. */
export const IN_MEMORY = 'memory://'

export interface StoreConfig {
  /**
   * PostgreSQL's connection string (`DATABASE_URL`). When set, the store uses that server; otherwise the embedded
   * database (PGlite) in `dataDir`.
   */
  databaseUrl?: string | undefined
  /** The embedded database's folder (`STORE_DATA_DIR`, default `apps/store/.data`), or `memory://`. */
  dataDir?: string | undefined
  /**
   * The key that signs access tokens (`STORE_JWT_SECRET`, at least 32 characters). Without it the embedded store
   * generates one and keeps it in its data folder; a store on PostgreSQL needs it (every instance must share it).
   */
  jwtSecret?: string | undefined
  /** How long an access token lasts, in minutes (`STORE_TOKEN_MINUTES`, default 30). */
  tokenMinutes?: number | undefined
  /** Logins allowed per client address and username in `loginWindowMs` (default 5 per minute). */
  loginAttempts?: number | undefined
  loginWindowMs?: number | undefined
}

/** The configuration the environment gives (what `fastbox run src/app.ts:buildApp` uses). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const minutes = env.STORE_TOKEN_MINUTES === undefined ? undefined : Number(env.STORE_TOKEN_MINUTES)
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.STORE_DATA_DIR || undefined,
    jwtSecret: env.STORE_JWT_SECRET || undefined,
    tokenMinutes: minutes,
  }
}
