/**
 * @module
 * The command line: `fastbox dev [entry] [options]` and `fastbox run [entry] [options]`, with fastapi-cli's
 * defaults (dev on 127.0.0.1:8000, run on 0.0.0.0:8000) and uvicorn's environment variables.
 */
import { parseArgs } from 'node:util'
import { type LogLevel, parseLogLevel } from '../fastify/logging.ts'

export type Command = 'dev' | 'run'

export interface ServeCommand {
  command: Command
  /** The entry as given (`main.ts`, `main.ts:app`), or undefined to look for one. */
  entry: string | undefined
  host: string
  port: number
  workers: number
  /** Given with `--log-level`: overrides the app's own level. */
  logLevel: LogLevel | undefined
}

export type Invocation = { kind: 'help' } | { kind: 'version' } | ({ kind: 'serve' } & ServeCommand)

/** A command line the CLI cannot run; its message is printed above the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const USAGE = `Usage: fastbox <command> [entry] [options]

Commands:
  dev [entry]   Serve for development: restarts when a file the app imports changes,
                readable logs; listens on 127.0.0.1:8000 by default.
  run [entry]   Serve for production: JSON logs, several processes with --workers;
                listens on 0.0.0.0:8000 by default.

Entry: a module exporting a Fastbox app, TypeScript or JavaScript.
  main.ts        its default export, else its export named \`app\`, else its only exported app
  main.ts:name   the export \`name\`; a function there is a factory, called to make the app
  (none)         the first of main.ts, app.ts, src/main.ts, src/app.ts (or .js) that exists

Options:
  --host HOST          Address to listen on (default: $HOST, else as above)
  --port PORT          Port to listen on; 0 picks a free one (default: $PORT, else 8000)
  --workers N          Processes serving the port, restarted when they die (run only;
                       default: $WEB_CONCURRENCY, else 1)
  --log-level LEVEL    fatal, error, warn, info, debug, trace or silent (default: info)
  -h, --help           Show this help
  -v, --version        Show the version

Exit status: 0 clean shutdown, 1 the app failed, 2 usage error, 3 shutdown cut requests or
background tasks off at a deadline.`

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Invocation {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help === true) return { kind: 'help' }
  if (values.version === true) return { kind: 'version' }
  const [command, entry, ...extra] = positionals
  if (command === undefined) throw new UsageError('Missing command: dev or run')
  if (command !== 'dev' && command !== 'run') throw new UsageError(`Unknown command: ${command}`)
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`)
  const logLevel = values['log-level'] === undefined ? undefined : parseLogLevel(values['log-level'])
  if (values['log-level'] !== undefined && logLevel === undefined) {
    throw new UsageError(`--log-level: unknown level ${values['log-level']}`)
  }
  const workersText = values.workers ?? (command === 'run' ? env.WEB_CONCURRENCY : undefined)
  if (command === 'dev' && values.workers !== undefined) {
    throw new UsageError(
      '--workers is for `fastbox run`: `fastbox dev` runs one process, restarted on change',
    )
  }
  return {
    kind: 'serve',
    command,
    entry,
    host: values.host ?? env.HOST ?? (command === 'dev' ? '127.0.0.1' : '0.0.0.0'),
    port: integer('--port', values.port ?? env.PORT ?? '8000', 0, 65535),
    workers: workersText === undefined ? 1 : integer('--workers', workersText, 1, 512),
    logLevel,
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      workers: { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${name}: expected a whole number from ${min} to ${max}, got ${text}`)
  }
  return value
}
