/**
 * Where and how TypeScript reports a handler's mistakes: compiled with the compiler API, so the tests see the
 * diagnostics' positions and messages (which `@ts-expect-error` in `*.test-d.ts` cannot). TypeScript reports a
 * wrong return value at the returned expression only for an expression-bodied arrow function; for a block
 * body it reports the whole handler (TypeScript 5.9 never elaborates into `return` statements), and there the
 * message must still end on the field and the type it expects.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const fixture = join(here, '__type-errors-fixture__.ts')

/** Each case is one statement; `/*@name*\/` marks where its error is expected to start. */
const source = `
import { createApp, t } from '../index.ts'

const Item = t.Object({ id: t.Integer(), name: t.String() })
const NotFound = t.Object({ detail: t.String() })

createApp().get('/expression', { response: Item }, () => ({ id: 1, /*@expression*/name: 2 }))
createApp().get('/async', { response: Item }, async () => /*@async*/({ id: 1, name: 2 }))
createApp().get('/block', { response: Item }, /*@block*/() => {
  return { id: 1, name: 2 }
})
createApp().get('/none', ({ respond }) => respond(/*@none*/404, { detail: 'x' }))
createApp().get('/other', { response: { 200: Item, 404: NotFound } }, ({ respond }) => respond(/*@other*/201, { id: 1 }))
`

interface Found {
  readonly start: number
  /** The message chain, one line per level, indentation removed. */
  readonly message: string
}

let diagnostics: Found[] = []

beforeAll(() => {
  const configPath = join(here, '../../../../tsconfig.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath)).options
  const host = ts.createCompilerHost({ ...options, noEmit: true })
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, ...rest) =>
    name === fixture ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest)
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (name) => name === fixture || fileExists(name)
  const program = ts.createProgram([fixture], { ...options, noEmit: true }, host)
  const file = program.getSourceFile(fixture)
  diagnostics = program.getSemanticDiagnostics(file).map((diagnostic) => ({
    start: diagnostic.start ?? -1,
    message: ts
      .flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      .split('\n')
      .map((line) => line.trim())
      .join('\n'),
  }))
}, 120_000)

function at(marker: string): Found {
  const start = source.indexOf(`/*@${marker}*/`) + `/*@${marker}*/`.length
  const found = diagnostics.find((diagnostic) => diagnostic.start === start)
  if (found === undefined) throw new Error(`no error at ${marker}: ${JSON.stringify(diagnostics, null, 2)}`)
  return found
}

describe('type errors of handlers', () => {
  it('reports exactly one error per mistake, where the markers say', () => {
    expect(diagnostics).toHaveLength(5)
  })

  it('points at the wrong field of an expression-bodied handler', () => {
    expect(at('expression').message).toBe("Type 'number' is not assignable to type 'string'.")
  })

  it('points at the returned value of an async expression-bodied handler, naming the field and its type', () => {
    const { message } = at('async')
    expect(message).toContain(
      "Types of property 'name' are incompatible.\nType 'number' is not assignable to type 'string'.",
    )
    // Readable: the declared type is spelled out, Fastify's reply is named, and a t.String() takes no Date.
    expect(message).toContain("'{ id: number; name: string; }'")
    expect(message).not.toContain('FastifyReply<')
    expect(message).not.toContain('Date')
  })

  it('reports a block-bodied handler as a whole (a TypeScript limit), its message ending on the field', () => {
    const { message } = at('block')
    expect(message.split('\n').slice(-2)).toEqual([
      "Types of property 'name' are incompatible.",
      "Type 'number' is not assignable to type 'string'.",
    ])
    expect(message).not.toContain('Date')
  })

  it('says, at the status, that respond() needs a declared status', () => {
    expect(at('none').message).toContain('this route declares none')
  })

  it('names the declared statuses when respond() gets another', () => {
    expect(at('other').message.split('\n')[0]).toBe(
      "Argument of type '[201, { id: number; }]' is not assignable to parameter of type " +
        "'[status: 200, body: { id: number; name: string; }] | [status: 404, body: { detail: string; }]'.",
    )
  })
})
