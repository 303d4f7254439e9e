/**
 * @module
 * The files ReDoc's page loads, taken from the installed `redoc` package so the page works with no internet
 * access (FastAPI's pages load them from a CDN); Swagger UI's come with `@fastify/swagger-ui`. The published
 * package carries its own copy of the files it needs from `redoc` (see `VENDORED`), so installing `fastbox`
 * does not install redoc.
 *
 * Files are read from disk once per process, on the first request that needs them, and then kept in memory:
 * an app that never serves its docs pays nothing, and the many apps a test suite creates share one copy.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A file as it is answered: its bytes and its `content-type`. Large files are kept as a `Buffer`, so Fastify
 * does not measure (encode) the text again on every request.
 */
export interface Asset {
  readonly body: Buffer | string
  readonly contentType: string
}

/** An installed package's folder and version (the version goes into asset URLs to bust browser caches). */
export interface InstalledPackage {
  readonly dir: string
  readonly version: string
}

const require = createRequire(import.meta.url)

/**
 * Where the build copies the files of some asset packages (`packages/core/tsdown.config.ts`): `vendor/<name>/`
 * beside the built module (`dist/index.mjs`), holding the served files, the package's licence and a small
 * `package.json` with its version. In the workspace, running from the sources, there is no such folder and
 * the installed (dev) dependency is used. A package named here must be copied by the build.
 */
const VENDORED: ReadonlySet<string> = new Set(['redoc'])

/**
 * The `package.json` of `name`: the copy shipped inside the built package when there is one, else the one of
 * the installed package.
 */
function manifestPathOf(name: string): string {
  if (VENDORED.has(name)) {
    const copy = fileURLToPath(new URL(`./vendor/${name}/package.json`, import.meta.url))
    if (existsSync(copy)) return copy
  }
  return require.resolve(`${name}/package.json`)
}

/**
 * Locates a package by its `package.json` rather than its main module, which for a browser bundle would be
 * evaluated in Node just to be found. redoc 2 has no `exports` map, so `redoc/package.json` resolves.
 */
export function installedPackage(name: string): InstalledPackage {
  const manifestPath = manifestPathOf(name)
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? String(manifest.version)
      : '0'
  return { dir: dirname(manifestPath), version }
}

/** `fn` called at most once; its result is kept. */
export function once<T>(fn: () => T): () => T {
  let result: { value: T } | undefined
  return () => {
    result ??= { value: fn() }
    return result.value
  }
}

/**
 * Reads a text file of a package. A trailing `sourceMappingURL` comment is removed: the `.map` files are not
 * served (several MB), and a browser with its developer tools open would otherwise ask for them and get 404s.
 */
export function readPackageText(pkg: InstalledPackage, file: string): string {
  return readFileSync(join(pkg.dir, file), 'utf8').replace(
    /\n?(\/\/# sourceMappingURL=\S+|\/\*# sourceMappingURL=[^*]*\*\/)\s*$/,
    '\n',
  )
}

export const JS = 'application/javascript; charset=utf-8'
export const HTML = 'text/html; charset=utf-8'
export const SVG = 'image/svg+xml'

/** Versioned asset URLs never change content, so browsers may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
