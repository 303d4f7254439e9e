/**
 * @module
 * `fastbox run --workers N`: the primary forks N workers with `node:cluster` (they share the port; the primary
 * hands out connections), restarts one that dies, after a back-off that grows while it keeps dying, and on
 * SIGTERM or SIGINT shuts all down together, each draining as a single process does. It never loads the app.
 */
import cluster, { type Worker } from 'node:cluster'
import { EXIT } from './exit-codes.ts'
import type { CliLog } from './log.ts'
import { isReadyMessage } from './serve.ts'

export interface PrimaryOptions {
  workers: number
  log: CliLog
}

/** A worker's place: the worker in it now and how it has been failing. */
interface Slot {
  index: number
  worker: Worker | undefined
  startedAt: number
  /** Deaths in a row, each within `STABLE_MS` of its start. */
  failures: number
  restart: NodeJS.Timeout | undefined
}

/** A worker that lived this long counts as healthy: its next death restarts it at once. */
const STABLE_MS = 10_000
const FIRST_DELAY_MS = 100
const MAX_DELAY_MS = 10_000
/** Time given to workers beyond their own shutdown limit before they are killed. */
const GRACE_MS = 5_000

/** The wait before restarting a slot that has died `failures` times in a row: 0.1 s, 0.2 s, 0.4 s, ... 10 s. */
export function restartDelay(failures: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1))
}

export function runPrimary(options: PrimaryOptions): void {
  const { log } = options
  const slots: Slot[] = Array.from({ length: options.workers }, (_, index) => ({
    index,
    worker: undefined,
    startedAt: 0,
    failures: 0,
    restart: undefined,
  }))
  let started = false
  let stopping = false
  let shutdownLimit = 0
  let status: number = EXIT.ok
  const ready = new Set<Worker>()

  const fork = (slot: Slot) => {
    slot.restart = undefined
    slot.startedAt = Date.now()
    const worker = cluster.fork({ FASTBOX_WORKER: String(slot.index + 1) })
    slot.worker = worker
    worker.on('message', (message: unknown) => {
      if (!isReadyMessage(message)) return
      ready.add(worker)
      shutdownLimit = Math.max(shutdownLimit, message.shutdownLimit)
      if (!started && ready.size === slots.length) {
        started = true
        const docs =
          message.docs.swagger === undefined ? '' : ` (docs: ${message.address}${message.docs.swagger})`
        log.info(`Fastbox serving at ${message.address} with ${slots.length} workers${docs}`)
      } else if (started) {
        log.info(`Worker ${worker.process.pid} is serving again`)
      }
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.find((candidate) => candidate.worker === worker)
    const wasReady = ready.delete(worker)
    if (slot === undefined) return
    slot.worker = undefined
    const how = signal === null ? `exit status ${code}` : signal
    if (stopping) {
      status = worse(status, signal === null ? code : EXIT.forced)
      if (slots.every((candidate) => candidate.worker === undefined)) finish()
      return
    }
    if (!started && !wasReady && signal === null) {
      // The app does not start at all (cannot load, cannot listen): restarting would loop. Stop, as gunicorn
      // does. A worker killed by a signal (the OOM killer, an operator) is restarted instead.
      log.error(`Worker ${worker.process.pid} failed to start (${how}); stopping`)
      status = EXIT.error
      stopAll()
      return
    }
    slot.failures = Date.now() - slot.startedAt >= STABLE_MS ? 1 : slot.failures + 1
    const delay = restartDelay(slot.failures)
    log.warn(`Worker ${worker.process.pid} died (${how}); starting another in ${delay} ms`, {
      worker: slot.index + 1,
      failures: slot.failures,
    })
    slot.restart = setTimeout(() => fork(slot), delay)
  })

  const stopAll = () => {
    if (stopping) return
    stopping = true
    for (const slot of slots) {
      if (slot.restart !== undefined) clearTimeout(slot.restart)
      slot.restart = undefined
      slot.worker?.process.kill('SIGTERM')
    }
    if (slots.every((slot) => slot.worker === undefined)) {
      finish()
      return
    }
    // Each worker bounds its own shutdown; this bounds a worker that is stuck anyway.
    setTimeout(
      () => {
        for (const slot of slots) {
          if (slot.worker === undefined) continue
          log.error(
            `Worker ${slot.worker.process.pid} is still running past its shutdown deadline; killing it`,
          )
          slot.worker.process.kill('SIGKILL')
        }
      },
      (shutdownLimit || 20_000) + GRACE_MS,
    ).unref()
  }

  const finish = () => {
    log.info(
      status === EXIT.ok ? 'All workers shut down cleanly' : `Workers shut down (exit status ${status})`,
    )
    process.exit(status)
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return
    log.info(`${signal}: shutting down ${slots.length} workers`)
    stopAll()
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  for (const slot of slots) fork(slot)
}

/** The status that reports the worse outcome: an error over a forced shutdown over a clean one. */
function worse(a: number, b: number): number {
  const rank = (code: number) => (code === EXIT.ok ? 0 : code === EXIT.forced ? 1 : 2)
  return rank(b) > rank(a) ? (b === EXIT.ok || b === EXIT.forced ? b : EXIT.error) : a
}
