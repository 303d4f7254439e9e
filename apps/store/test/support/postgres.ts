/**
 * @module
 * A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster in a temporary folder,
 * reached through a Unix socket in that folder (no TCP port to collide with). PostgreSQL refuses to run as root,
 * so under root the server runs as the `postgres` user (made by the Debian package), which owns the folder.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PostgresServer {
  /** A connection string to a new, empty database on the server. */
  createDatabase(): Promise<string>
  stop(): void
}

/** Where `initdb` and `pg_ctl` are: Debian's versioned folder (newest first), else the PATH. */
function findBinaries(): string | undefined {
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0] !== undefined) return join(debian, versions[0], 'bin')
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim()
    return initdb === '' ? undefined : join(initdb, '..')
  } catch {
    return undefined
  }
}

/** Starts a server, or says why it cannot. */
export function startPostgres(): PostgresServer | { unavailable: string } {
  const bin = findBinaries()
  if (bin === undefined)
    return { unavailable: 'initdb was not found (install it with: apt-get install -y postgresql)' }
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'store-pg-'))
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, command),
      asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args,
      {
        stdio: 'pipe',
      },
    )
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
      chownSync(dir, uid, gid)
    }
    const data = join(dir, 'data')
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ])
    // Durability is not what these tests are about: no fsync makes the server start and commit faster.
    const settings = `-k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start'])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
    return { unavailable: `PostgreSQL did not start: ${stderr || (error as Error).message}` }
  }
  let count = 0
  const url = (database: string) => `postgresql://postgres@/${database}?host=${encodeURIComponent(dir)}`
  return {
    async createDatabase() {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: url('postgres') })
      await client.connect()
      const name = `store_${++count}`
      await client.query(`CREATE DATABASE ${name}`)
      await client.end()
      return url(name)
    },
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
