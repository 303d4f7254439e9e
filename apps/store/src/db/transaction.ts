/**
 * @module
 * A transaction held open across a request: Drizzle runs a transaction inside a callback, so the callback waits
 * here until the request says whether to commit or roll back. PGlite, one connection, queues transactions one
 * after another (its transaction lock); node-postgres runs each on its own pooled connection.
 */
import type { Session } from './database.ts'

export interface OpenTransaction {
  /** The session to run the request's queries on. */
  readonly session: Session
  /** Commits; rejects when the database refuses the commit. */
  commit(): Promise<void>
  /** Rolls back (never rejects: the error that caused it is what matters). */
  rollback(): Promise<void>
}

export function beginTransaction(db: Session): Promise<OpenTransaction> {
  return new Promise((opened, failedToOpen) => {
    let decide: (commit: boolean) => void = () => {}
    const decision = new Promise<boolean>((resolve) => {
      decide = resolve
    })
    const finished = db.transaction(async (tx) => {
      opened({
        session: tx,
        commit: () => {
          decide(true)
          return finished
        },
        rollback: () => {
          decide(false)
          return finished.catch(() => {})
        },
      })
      // Drizzle rolls back when the callback throws; `tx.rollback()` throws its own error for that.
      if (!(await decision)) tx.rollback()
    })
    finished.catch(failedToOpen) // only matters when BEGIN itself fails: once opened, this promise is settled
  })
}
