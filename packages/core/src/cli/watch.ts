/**
 * @module
 * What `fastbox dev` watches: the files the app actually imports (its own sources, and a workspace package's
 * sources it links to, but nothing under `node_modules`). The child reports each module URL that Node resolves,
 * through a module hook; the supervisor watches those files' folders and restarts on a change.
 */
import { type FSWatcher, watch } from 'node:fs'
import { register } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MessageChannel } from 'node:worker_threads'

/** A resolve hook, run on Node's loader thread, that posts every `file:` URL it sees once. */
const HOOK = `
let port
const seen = new Set()
export function initialize(data) { port = data.port }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  const url = result.url.split('?')[0]
  if (url.startsWith('file:') && !url.includes('/node_modules/') && !seen.has(url)) {
    seen.add(url)
    port.postMessage(url)
  }
  return result
}`

/** In the child: calls `onFile` with the path of each file imported from now on. */
export function reportImports(onFile: (file: string) => void): void {
  const { port1, port2 } = new MessageChannel()
  port1.on('message', (url: string) => onFile(fileURLToPath(url)))
  port1.unref()
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`, {
    parentURL: import.meta.url,
    data: { port: port2 },
    transferList: [port2],
  })
}

/**
 * In the supervisor: watches files through their folders (an editor that saves by renaming a new file over the
 * old one replaces the file, which a watch on the file itself would lose) and reports changes, debounced.
 */
export class FileWatcher {
  readonly #files = new Set<string>()
  readonly #folders = new Map<string, FSWatcher>()
  readonly #onChange: (file: string) => void
  #pending: NodeJS.Timeout | undefined

  constructor(onChange: (file: string) => void) {
    this.#onChange = onChange
  }

  get size(): number {
    return this.#files.size
  }

  add(file: string): void {
    if (this.#files.has(file)) return
    this.#files.add(file)
    const folder = dirname(file)
    if (this.#folders.has(folder)) return
    try {
      const watcher = watch(folder, (_event, name) => {
        const changed = name === null ? undefined : join(folder, basename(String(name)))
        if (changed !== undefined && this.#files.has(changed)) this.#changed(changed)
      })
      watcher.on('error', () => this.#folders.delete(folder))
      this.#folders.set(folder, watcher)
    } catch {
      // A folder that vanished, or no inotify watches left: that file is not watched.
    }
  }

  #changed(file: string): void {
    if (this.#pending !== undefined) clearTimeout(this.#pending)
    this.#pending = setTimeout(() => {
      this.#pending = undefined
      this.#onChange(file)
    }, 100)
  }

  close(): void {
    if (this.#pending !== undefined) clearTimeout(this.#pending)
    for (const watcher of this.#folders.values()) watcher.close()
    this.#folders.clear()
  }
}
