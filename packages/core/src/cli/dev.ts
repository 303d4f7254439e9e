/**
 * @module
 * `fastbox dev`: a supervisor that runs the app in a child process (readable logs, `info` level), prints
 * where the app and its docs are, and restarts the child when a file it imported changes. A child that fails
 * (a syntax error, a crash) is started again at the next change.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { relative } from 'node:path'
import { EXIT } from './exit-codes.ts'
import type { CliLog } from './log.ts'
import { isReadyMessage, type ReadyMessage } from './serve.ts'
import { FileWatcher } from './watch.ts'

export interface DevOptions {
  /** The command line for the child (the same `dev ...` arguments). */
  args: readonly string[]
  entryFile: string
  log: CliLog
}

/** How long a child may take to stop before it is killed: a restart should not wait for slow requests. */
const STOP_MS = 5_000

/** The environment variable that makes a `fastbox dev` process the child, not a supervisor. */
export const DEV_CHILD_ENV = 'FASTBOX_DEV_CHILD'

/** A child's message naming a file it imported. */
interface ImportMessage {
  fastbox: 'import'
  file: string
}

export function runDevSupervisor(options: DevOptions): void {
  const { log } = options
  let child: ChildProcess | undefined
  let restarting = false
  let stopping = false
  let lastStatus: number = EXIT.ok
  const watcher = new FileWatcher((file) => {
    if (stopping) return
    log.info(`${relative(process.cwd(), file) || file} changed; restarting`)
    restart()
  })
  watcher.add(options.entryFile)

  const start = () => {
    const current = fork(process.argv[1] as string, options.args, {
      env: { ...process.env, [DEV_CHILD_ENV]: '1' },
      execArgv: process.execArgv,
      stdio: 'inherit',
    })
    child = current
    current.on('message', (message: unknown) => {
      if (isImportMessage(message)) watcher.add(message.file)
      else if (isReadyMessage(message)) banner(log, message, watcher.size)
    })
    current.on('exit', (code, signal) => {
      if (child === current) child = undefined
      lastStatus = code ?? EXIT.forced
      if (stopping) process.exit(lastStatus)
      if (restarting) {
        restarting = false
        start()
        return
      }
      log.warn(`The app stopped (${signal ?? `exit status ${code}`}); waiting for a change to restart`)
    })
  }

  const restart = () => {
    if (child === undefined) {
      start()
      return
    }
    if (restarting) return
    restarting = true
    stop(child)
  }

  const onSignal = () => {
    if (stopping) return
    stopping = true
    watcher.close()
    if (child === undefined) process.exit(lastStatus)
    stop(child)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  start()
}

function stop(child: ChildProcess): void {
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS)
  child.once('exit', () => clearTimeout(timer))
}

function banner(log: CliLog, ready: ReadyMessage, files: number): void {
  const lines = [`Fastbox dev server: ${ready.address}`]
  if (ready.docs.swagger !== undefined) lines.push(`  API docs:    ${ready.address}${ready.docs.swagger}`)
  if (ready.docs.redoc !== undefined) lines.push(`  ReDoc:       ${ready.address}${ready.docs.redoc}`)
  lines.push(`  Watching ${files} file(s) the app imports; Ctrl+C to stop`)
  log.info(lines.join('\n'))
}

/** In the child: tells the supervisor about a file to watch. */
export function sendImport(file: string): void {
  const message: ImportMessage = { fastbox: 'import', file }
  process.send?.(message)
}

function isImportMessage(message: unknown): message is ImportMessage {
  return typeof message === 'object' && message !== null && (message as ImportMessage).fastbox === 'import'
}
