#!/usr/bin/env node
/**
 * @module
 * The `fastbox` command (the package's `bin`; never imported by the library's entry):
 * `fastbox dev [entry]` and `fastbox run [entry] [--workers N]`. See `USAGE` in `args.ts`.
 */
import cluster from 'node:cluster'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LOG_ENV, type LogFormat } from '../fastify/logging.ts'
import { type Invocation, parseCommandLine, type ServeCommand, USAGE, UsageError } from './args.ts'
import { runPrimary } from './cluster.ts'
import { DEV_CHILD_ENV, runDevSupervisor, sendImport } from './dev.ts'
import { EXIT } from './exit-codes.ts'
import { EntryError, type EntrySpec, parseEntry } from './load-app.ts'
import { cliLog } from './log.ts'
import { serve } from './serve.ts'
import { reportImports } from './watch.ts'

export async function main(argv: readonly string[]): Promise<void> {
  let invocation: Invocation
  try {
    invocation = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`fastbox: ${error.message}\n\n${USAGE}\n`)
    process.exit(EXIT.usage)
  }
  if (invocation.kind === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (invocation.kind === 'version') {
    process.stdout.write(`fastbox ${version()}\n`)
    return
  }
  const format = configureLogging(invocation)
  const log = cliLog(format, invocation.logLevel ?? 'info')
  let spec: EntrySpec
  try {
    spec = parseEntry(invocation.entry)
  } catch (error) {
    if (!(error instanceof EntryError)) throw error
    log.error(error.message)
    process.exit(EXIT.usage)
  }
  const { host, port } = invocation
  if (invocation.command === 'dev') {
    if (process.env[DEV_CHILD_ENV] === '1') {
      reportImports(sendImport)
      await serve({ spec, host, port, role: 'dev-child', log })
    } else {
      runDevSupervisor({ args: argv, entryFile: spec.file, log })
    }
    return
  }
  if (invocation.workers === 1) await serve({ spec, host, port, role: 'single', log })
  else if (cluster.isPrimary) runPrimary({ workers: invocation.workers, log })
  else await serve({ spec, host, port, role: 'worker', log })
}

/**
 * Tells the apps this process (and its workers or child) loads how to log, through the environment variables
 * `createApp()` reads: `info` by default (an explicit `--log-level` overrides the app's own `logLevel`), JSON
 * lines under `run`, pino-pretty under `dev`. Variables the operator set are kept.
 */
function configureLogging(invocation: ServeCommand): LogFormat {
  const env = process.env
  if (invocation.logLevel !== undefined) env[LOG_ENV.level] = invocation.logLevel
  env[LOG_ENV.defaultLevel] ??= 'info'
  env[LOG_ENV.format] ??= invocation.command === 'dev' ? 'pretty' : 'json'
  return env[LOG_ENV.format] === 'pretty' ? 'pretty' : 'json'
}

/** The version in the package's `package.json` (found from this file, in `src/` or in `dist/`). */
function version(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 4; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (manifest.name === 'fastbox') return manifest.version ?? 'unknown'
    } catch {
      // not here: look one folder up
    }
    folder = dirname(folder)
  }
  return 'unknown'
}

await main(process.argv.slice(2))
