/**
 * @module
 * The ReDoc page (FastAPI's `/redoc`), served with redoc 2.x's standalone bundle from the installed package.
 *
 * redoc 2.5.x is the last line with a classic `<script>` bundle (3.x is an ES module that needs Node 22 and
 * sends telemetry). Its bundle makes one request of its own outside the app: the "API docs by Redocly" link
 * shows `https://cdn.redoc.ly/redoc/logo-mini.svg`, and 2.x has no option to hide it. The served bundle has
 * that URL rewritten to a small local image instead.
 */
import { type Asset, type InstalledPackage, installedPackage, JS, once, readPackageText } from './assets.ts'
import { escapeHtml } from './html.ts'

/** The only outside URL the redoc 2.x bundle loads by itself. */
export const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg'

export const redocPackage = once(() => installedPackage('redoc'))

/** The bundle as installed, read on first use and shared by every app of the process. */
const redocBundleText = once(() => readPackageText(redocPackage(), 'bundles/redoc.standalone.js'))

/**
 * The bundle with the CDN logo pointed at `logoUrl`. Every occurrence is replaced (a split string would
 * survive, so the tests scan the served text for `cdn.redoc.ly`).
 */
export function redocBundle(logoUrl: string): Asset {
  return { body: Buffer.from(redocBundleText().replaceAll(REDOC_CDN_LOGO, logoUrl)), contentType: JS }
}

/**
 * The logo shown next to "API docs by Redocly": a neutral `{ }` mark of our own, sized like the original
 * (the original is Redocly's trademark and lives on their CDN).
 */
export const REDOC_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">\
<path fill="none" stroke="#32329f" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" \
d="M5.5 2.5H5a1.5 1.5 0 0 0-1.5 1.5v2.5L2 8l1.5 1.5V12A1.5 1.5 0 0 0 5 13.5h.5M10.5 2.5h.5A1.5 1.5 0 0 1 12.5 4v2.5L14 8l-1.5 1.5V12a1.5 1.5 0 0 1-1.5 1.5h-.5"/>\
</svg>
`

export interface RedocPageOptions {
  readonly title: string
  readonly openapiUrl: string
  /** Where the page's own files are served (`<redocUrl>/assets`). */
  readonly assetsUrl: string
  readonly pkg: InstalledPackage
}

/**
 * FastAPI's page without its Google Fonts link: ReDoc falls back to the system fonts, and the page asks
 * nothing of any other host. The favicon is the same local mark as the logo.
 */
export function redocHtml({ title, openapiUrl, assetsUrl, pkg }: RedocPageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<title>${escapeHtml(title)} - ReDoc</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/svg+xml" href="${escapeHtml(`${assetsUrl}/logo.svg`)}">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>ReDoc requires JavaScript to function. Please enable it to browse the documentation.</noscript>
<redoc spec-url="${escapeHtml(openapiUrl)}"></redoc>
<script src="${escapeHtml(`${assetsUrl}/redoc.standalone.js?v=${pkg.version}`)}"></script>
</body>
</html>
`
}
