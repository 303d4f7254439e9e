/**
 * Builds the published `fastbox` package into `dist/`: the library (`index.mjs`) with its declarations
 * (`index.d.mts`) and source maps, and the `fastbox` command (`cli.mjs`, the package's `bin`). Inside the workspace nothing reads `dist/`: `exports` points at the
 * sources, and `publishConfig` (applied by `pnpm pack` / `pnpm publish`) points at the build.
 *
 * ReDoc's standalone bundle is copied into `dist/vendor/redoc/` (with redoc's licence, the bundle's licence
 * notices and a small `package.json` carrying its version), so the published package serves `/redoc` without
 * depending on the `redoc` package and its React/MobX tree. `src/openapi/docs/assets.ts` looks there first.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { defineConfig } from 'tsdown'

const require = createRequire(import.meta.url)

/** Copies the files of an installed package that the docs pages serve into `dist/vendor/<name>/`. */
function vendor(name: string, files: readonly string[], outDir: string): void {
  const manifestPath = require.resolve(`${name}/package.json`)
  const from = dirname(manifestPath)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; license?: string }
  const to = join(outDir, 'vendor', name)
  for (const file of [...files, 'LICENSE']) {
    mkdirSync(dirname(join(to, file)), { recursive: true })
    copyFileSync(join(from, file), join(to, file))
  }
  const notice = { name, version: manifest.version, license: manifest.license, private: true }
  writeFileSync(join(to, 'package.json'), `${JSON.stringify(notice, null, 2)}\n`)
}

export default defineConfig({
  // The library, and the `fastbox` command (a separate entry: the library never imports it).
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outDir: 'dist',
  tsconfig: '../../tsconfig.base.json',
  fixedExtension: true,
  dts: true,
  sourcemap: true,
  clean: true,
  hooks: {
    'build:done': ({ options }) => {
      // The bundle's first line points at its `.LICENSE.txt` (the notices of the libraries inside it).
      vendor(
        'redoc',
        ['bundles/redoc.standalone.js', 'bundles/redoc.standalone.js.LICENSE.txt'],
        options.outDir,
      )
    },
  },
})
