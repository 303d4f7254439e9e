/**
 * @module
 * Opens the store's database, the same tables and migrations on both: PostgreSQL through node-postgres when a
 * connection string is given, else PGlite (PostgreSQL compiled to WebAssembly) in a folder or in memory.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { IN_MEMORY } from '../config.ts'
import { lockFolder } from './folder-lock.ts'
import * as tables from './tables.ts'

/** What queries run on: the database, or one request's transaction (both have Drizzle's whole query API). */
export type Session = PgDatabase<PgQueryResultHKT, typeof tables>

export interface StoreDatabase {
  readonly kind: 'pglite' | 'postgres'
  readonly db: Session
  close(): Promise<void>
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url))
/** Any fixed number: the advisory lock that lets one process at a time migrate a shared server. */
const MIGRATION_LOCK = 726_110_013

export async function openDatabase(options: {
  databaseUrl?: string
  dataDir: string
}): Promise<StoreDatabase> {
  return options.databaseUrl === undefined ? openPglite(options.dataDir) : openPostgres(options.databaseUrl)
}

async function openPglite(dataDir: string): Promise<StoreDatabase> {
  let unlock = () => {}
  let client: PGlite
  if (dataDir === IN_MEMORY) {
    client = new PGlite()
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    // PGlite is one process's database: a second process on the same folder would corrupt it.
    unlock = lockFolder(dataDir)
    client = new PGlite(join(dataDir, 'pgdata'))
  }
  try {
    await client.waitReady
    const db = drizzlePglite({ client, schema: tables })
    await migratePglite(db, { migrationsFolder: MIGRATIONS })
    return {
      kind: 'pglite',
      db,
      async close() {
        await client.close()
        unlock()
      },
    }
  } catch (error) {
    await client.close().catch(() => {})
    unlock()
    throw error
  }
}

async function openPostgres(connectionString: string): Promise<StoreDatabase> {
  const pool = new pg.Pool({ connectionString })
  try {
    // Several workers may start at once: one migrates while the others wait for the lock.
    const connection = await pool.connect()
    try {
      await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder: MIGRATIONS })
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
      connection.release()
    }
  } catch (error) {
    await pool.end()
    throw error
  }
  return { kind: 'postgres', db: drizzlePostgres({ client: pool, schema: tables }), close: () => pool.end() }
}
