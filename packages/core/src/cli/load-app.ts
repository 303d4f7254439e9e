/**
 * @module
 * Finds the app an entry names, as uvicorn's `main:app`: `file.ts` (its default export, else its export named
 * `app`, else its only exported app) or `file.ts:name` (that export; a function there is an app factory, called
 * with no arguments). TypeScript entries are loaded through tsx.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type App, isApp } from '../app/app.ts'
import { useTypeScript } from './typescript.ts'

/** A module and, optionally, the export that holds the app. */
export interface EntrySpec {
  file: string
  name: string | undefined
}

/** An entry the CLI cannot serve; its message says why and what to write instead. */
export class EntryError extends Error {
  override readonly name = 'EntryError'
}

/** Files tried, in order, when no entry is given (as `fastapi dev` looks for `main.py` and `app.py`). */
export const DEFAULT_ENTRIES = [
  'main.ts',
  'app.ts',
  'src/main.ts',
  'src/app.ts',
  'main.js',
  'app.js',
  'src/main.js',
  'src/app.js',
]

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/

/** Splits `file.ts:name` (a colon followed by an identifier; `C:\...` stays a path) and resolves the file. */
export function parseEntry(entry: string | undefined, cwd = process.cwd()): EntrySpec {
  if (entry === undefined) {
    const found = DEFAULT_ENTRIES.find((candidate) => existsSync(resolve(cwd, candidate)))
    if (found === undefined) {
      throw new EntryError(`No entry given, and none of ${DEFAULT_ENTRIES.join(', ')} exists in ${cwd}`)
    }
    return { file: resolve(cwd, found), name: undefined }
  }
  const match = /^(.+):([A-Za-z_$][\w$]*)$/.exec(entry)
  const [path, name] =
    match === null || match[1]?.length === 1 ? [entry, undefined] : [match[1] ?? entry, match[2]]
  const file = isAbsolute(path) ? path : resolve(cwd, path)
  if (!existsSync(file)) throw new EntryError(`${path}: no such file`)
  return { file, name }
}

/** Whether the entry is TypeScript (and so needs tsx). */
export function isTypeScript(spec: EntrySpec): boolean {
  return TYPESCRIPT.test(spec.file)
}

/** Imports the entry and returns its app (awaiting a factory's promise). */
export async function loadApp(spec: EntrySpec): Promise<App<unknown>> {
  if (isTypeScript(spec)) await useTypeScript()
  const module = (await import(pathToFileURL(spec.file).href)) as Record<string, unknown>
  const value = spec.name === undefined ? findApp(spec, module) : await named(spec, module, spec.name)
  if (!isApp(value)) {
    throw new EntryError(`${describe(spec)} is not a Fastbox app (createApp() makes one)`)
  }
  return value
}

async function named(spec: EntrySpec, module: Record<string, unknown>, name: string): Promise<unknown> {
  if (!(name in module)) {
    throw new EntryError(`${spec.file} has no export named ${name} (it exports: ${exportNames(module)})`)
  }
  const value = module[name]
  return typeof value === 'function' && !isApp(value) ? await (value as () => unknown)() : value
}

function findApp(spec: EntrySpec, module: Record<string, unknown>): unknown {
  if (isApp(module.default)) return module.default
  if (isApp(module.app)) return module.app
  const apps = Object.keys(module)
    .sort()
    .filter((key) => isApp(module[key]))
  if (apps.length === 1) return module[apps[0] as string]
  const hint =
    apps.length === 0
      ? `it exports no app (exports: ${exportNames(module)}); name an app or a factory with ${spec.file}:name`
      : `it exports several apps (${apps.join(', ')}); pick one with ${spec.file}:name`
  throw new EntryError(`Cannot tell which app to serve from ${spec.file}: ${hint}`)
}

function exportNames(module: Record<string, unknown>): string {
  const names = Object.keys(module).sort()
  return names.length === 0 ? 'nothing' : names.join(', ')
}

function describe(spec: EntrySpec): string {
  return spec.name === undefined ? `The app found in ${spec.file}` : `${spec.file}:${spec.name}`
}
