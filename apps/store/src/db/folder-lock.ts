/**
 * @module
 * One process at a time per data folder: a lock file holding the owner's pid, taken over when that process is gone.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export class DataFolderInUseError extends Error {}

/** Takes the folder's lock; returns its release. */
export function lockFolder(dir: string): () => void {
  const file = join(dir, 'store.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(file, 'utf8'))
      if (isAlive(owner)) {
        throw new DataFolderInUseError(
          `The data folder ${dir} is in use by process ${owner}: an embedded database serves one process ` +
            '(set STORE_DATA_DIR to another folder, or DATABASE_URL for PostgreSQL)',
        )
      }
      rmSync(file, { force: true }) // left behind by a process that has ended
    }
  }
  throw new DataFolderInUseError(`Could not lock the data folder ${dir}`)
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
