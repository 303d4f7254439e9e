/**
 * @module
 * One serving process: load the app, listen, and on SIGTERM or SIGINT shut down gracefully (`app.close()`:
 * stop accepting, drain, background tasks, lifespan teardown), then exit with a status that says whether
 * anything was cut off. Used alone (`fastbox run`), as a worker of `--workers`, and as the child of `fastbox dev`.
 */
import type { App } from '../app/app.ts'
import { EXIT } from './exit-codes.ts'
import { EntryError, type EntrySpec, loadApp } from './load-app.ts'
import type { CliLog } from './log.ts'

/** `single`: the only process (a second signal forces the exit); `worker`/`dev-child`: a supervisor's. */
export type Role = 'single' | 'worker' | 'dev-child'

export interface ServeOptions {
  spec: EntrySpec
  host: string
  port: number
  role: Role
  log: CliLog
}

/** What a worker or dev child tells its supervisor once it listens. */
export interface ReadyMessage {
  fastbox: 'ready'
  address: string
  /** Paths of the docs pages (absent when turned off). */
  docs: { swagger?: string; redoc?: string; openapi?: string }
  /** How long this process's shutdown may take, at most (requests, then background tasks), in ms. */
  shutdownLimit: number
}

export async function serve(options: ServeOptions): Promise<void> {
  const { spec, log, role } = options
  let app: App<unknown>
  try {
    app = await loadApp(spec)
  } catch (error) {
    // A mistake in naming the app needs no stack; an error raised by the app's code does.
    const fields = error instanceof EntryError ? {} : { err: error }
    log.error(`Could not load the app: ${(error as Error).message}`, fields)
    process.exit(EXIT.error)
  }
  const appLog = app.fastify.log
  // A promise nobody awaited (a background task's floating call) fails: log it, keep serving, as asyncio does.
  process.on('unhandledRejection', (reason) => {
    appLog.error({ err: reason }, 'Unhandled promise rejection (nothing awaited this promise); still serving')
  })
  process.on('uncaughtException', (error) => {
    // The process state is unknown after a throw nothing caught: exit (a supervisor restarts it).
    appLog.fatal({ err: error }, 'Uncaught exception; exiting')
    process.exit(EXIT.error)
  })
  let closing = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      if (role !== 'single') return // the supervisor sends its own signal too, and has its own deadline
      appLog.warn(`${signal} again: exiting now`)
      process.exit(EXIT.forced)
    }
    closing = true
    appLog.info(`${signal}: shutting down`)
    app.close().then(
      (result) => {
        if (result.clean) appLog.info('Shut down cleanly')
        else {
          appLog.warn(
            `Shut down at a deadline: ${result.droppedRequests} request(s) cut off, ` +
              `${result.unfinishedTasks} background task run(s) unfinished`,
          )
        }
        process.exit(result.clean ? EXIT.ok : EXIT.forced)
      },
      (error: unknown) => {
        appLog.error({ err: error }, 'Shutdown failed')
        process.exit(EXIT.error)
      },
    )
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
  let address: string
  try {
    address = await app.listen({ host: options.host, port: options.port })
  } catch (error) {
    appLog.error({ err: error }, `Could not start: ${(error as Error).message}`)
    process.exit(EXIT.error)
  }
  const docs = docsPaths(app)
  if (role === 'single') {
    const where = docs.swagger === undefined ? '' : ` (docs: ${address}${docs.swagger})`
    log.info(`Fastbox serving ${spec.file} at ${address}${where}`)
  }
  const ready: ReadyMessage = {
    fastbox: 'ready',
    address,
    docs,
    shutdownLimit: (app.settings.shutdownTimeout ?? 10_000) + (app.settings.backgroundTimeout ?? 10_000),
  }
  process.send?.(ready)
}

/** Where the app serves its docs pages, as `createApp()` options say. */
export function docsPaths(app: App<unknown>): ReadyMessage['docs'] {
  const { openapiUrl, docsUrl, redocUrl } = app.settings
  if (openapiUrl === null) return {}
  const paths: ReadyMessage['docs'] = { openapi: openapiUrl ?? '/openapi.json' }
  if (docsUrl !== null) paths.swagger = docsUrl ?? '/docs'
  if (redocUrl !== null) paths.redoc = redocUrl ?? '/redoc'
  return paths
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).fastbox === 'ready'
}
