import { describe, expect, it } from 'vitest'
import { parseCommandLine, UsageError } from './args.ts'
import { restartDelay } from './cluster.ts'

describe('fastbox command line', () => {
  it('uses fastapi-cli defaults: dev on 127.0.0.1:8000, run on 0.0.0.0:8000 with one process', () => {
    expect(parseCommandLine(['dev', 'main.ts'], {})).toEqual({
      kind: 'serve',
      command: 'dev',
      entry: 'main.ts',
      host: '127.0.0.1',
      port: 8000,
      workers: 1,
      logLevel: undefined,
    })
    expect(parseCommandLine(['run'], {})).toMatchObject({ host: '0.0.0.0', port: 8000, workers: 1 })
  })

  it('takes flags over HOST, PORT and WEB_CONCURRENCY, and those over the defaults', () => {
    const env = { HOST: '10.0.0.1', PORT: '9000', WEB_CONCURRENCY: '3' }
    expect(parseCommandLine(['run', 'app.ts:app'], env)).toMatchObject({
      entry: 'app.ts:app',
      host: '10.0.0.1',
      port: 9000,
      workers: 3,
    })
    expect(
      parseCommandLine(
        ['run', '--host', '::', '--port', '0', '--workers', '2', '--log-level', 'warning'],
        env,
      ),
    ).toMatchObject({ host: '::', port: 0, workers: 2, logLevel: 'warn' })
  })

  it('answers --help and --version', () => {
    expect(parseCommandLine(['--help'], {})).toEqual({ kind: 'help' })
    expect(parseCommandLine(['run', '-v'], {})).toEqual({ kind: 'version' })
  })

  it.each([
    [[], /Missing command/],
    [['serve'], /Unknown command: serve/],
    [['run', 'a.ts', 'b.ts'], /Unexpected argument: b.ts/],
    [['run', '--port', '80a'], /--port: expected a whole number/],
    [['run', '--port', '70000'], /--port/],
    [['run', '--workers', '0'], /--workers/],
    [['run', '--log-level', 'loud'], /unknown level loud/],
    [['dev', '--workers', '2'], /--workers is for `fastbox run`/],
    [['run', '--reload'], /Unknown option '--reload'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv, {})).toThrow(UsageError)
    expect(() => parseCommandLine(argv, {})).toThrow(message)
  })
})

describe('worker restart back-off', () => {
  it('doubles from 100 ms while a worker keeps dying, up to 10 s', () => {
    expect([1, 2, 3, 4, 8, 20].map(restartDelay)).toEqual([100, 200, 400, 800, 10_000, 10_000])
  })
})
