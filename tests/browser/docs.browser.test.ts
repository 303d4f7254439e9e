/**
 * The docs pages in a real browser, with no internet: Debian's Chromium, driven by playwright-core, opens
 * Swagger UI and ReDoc served by the demo store, every request to a host other than the app is blocked and
 * recorded, and both pages must render every operation of the document. Swagger UI's "Authorize" dialog must
 * log in through the store's OAuth2 password flow (a form posted to `/token`) and "Try it out" must then call
 * a protected route with the token, and upload a file through a multipart form. Screenshots go to `.artifacts/screenshots/` for a person to look at.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../apps/store/src/app.ts'
import { createApp, t, upload } from '../../packages/core/src/index.ts'

const CHROMIUM = '/usr/bin/chromium'
const SCREENSHOTS = join(import.meta.dirname, '../../.artifacts/screenshots')
// The flags this machine needs: without the background-networking ones Chromium keeps trying Google's hosts.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
// The app's own pages, at their default URLs, as `createApp` serves them.
const URLS = { openapiUrl: '/openapi.json', docsUrl: '/docs', redocUrl: '/redoc' } as const
const TIMEOUT = 60_000

const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === undefined) {
  console.warn(
    `Skipping the docs browser test: ${CHROMIUM} is missing (install it with: apt-get install -y chromium). ` +
      'With CI set, a missing browser fails instead.',
  )
}

async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}

/** A browser context in which every request leaving the app is refused and recorded in `outside`. */
async function offlineContext(browser: Browser | undefined, outside: string[]): Promise<BrowserContext> {
  if (browser === undefined) throw new Error('the browser did not start')
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.hostname === '127.0.0.1') return route.continue()
    outside.push(url.href)
    return route.abort('blockedbyclient')
  })
  return context
}

describe.skipIf(!hasChromium && process.env.CI === undefined)('docs pages in Chromium, offline', () => {
  const app = buildApp({ dataDir: 'memory://' }) // its own database: test files run in parallel
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
  let operations: string[] = []
  let origin = ''
  let browser: Browser | undefined
  const outside: string[] = []
  const failures: string[] = []
  const loaded: string[] = []

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is required when CI is set`).toBe(true)
    origin = await app.listen({ host: '127.0.0.1', port: 0 })
    operations = Object.values(app.openapi().paths).flatMap((item) =>
      Object.keys(item ?? {}).filter((key) => methods.has(key)),
    )
    browser = await launch()
  }, 2 * TIMEOUT) // the store opens its embedded database as it starts, and the browser starts

  afterAll(async () => {
    await browser?.close()
    await app.close()
  })

  async function openPage(path: string): Promise<Page> {
    const page = await (await offlineContext(browser, outside)).newPage()
    page.on('pageerror', (error) => failures.push(`${path}: ${error.message}`))
    page.on('requestfailed', (request) => failures.push(`${path}: ${request.url()} failed`))
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${path}: ${response.url()} answered ${response.status()}`)
      else loaded.push(new URL(response.url()).pathname)
    })
    await page.goto(`${origin}${path}`, { waitUntil: 'load' })
    return page
  }

  it(
    'Swagger UI renders every operation with no outside request',
    async () => {
      expect(operations.length).toBeGreaterThan(0)
      const page = await openPage(URLS.docsUrl)
      await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(operations.length)
      expect(await page.title()).toBe('Fastbox Store - Swagger UI')
      await expect.poll(() => page.locator('.info .title').first().textContent()).toContain('Fastbox Store')
      // @fastify/swagger-ui's files, and the document from its own route (the same as `openapiUrl`'s).
      expect(loaded).toEqual(
        expect.arrayContaining([
          `${URLS.docsUrl}/static/swagger-ui-bundle.js`,
          `${URLS.docsUrl}/static/swagger-ui.css`,
          `${URLS.docsUrl}/json`,
        ]),
      )
      // The rows show the operations' summaries (given, or derived from the operationId).
      await expect
        .poll(() => page.locator('.opblock-summary-description').first().textContent())
        .toBe('List items')
      await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui.png'), fullPage: true })
      expect(outside).toEqual([])
      expect(failures).toEqual([])
      await page.context().close()
    },
    TIMEOUT,
  )

  it(
    'Swagger UI logs in through "Authorize" (OAuth2 password flow) and calls a protected route',
    async () => {
      const page = await openPage(URLS.docsUrl)
      await page.getByRole('button', { name: 'Authorize', exact: true }).first().click()
      const dialog = page.locator('.modal-ux')
      await expect.poll(() => dialog.getByText('OAuth2PasswordBearer (OAuth2, password)').count()).toBe(1)
      await dialog.locator('#oauth_username').fill('alice')
      await dialog.locator('#oauth_password').fill('wonderland')
      const tokenAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/token')
      // The dialog's "Authorize" button is labelled for screen readers by what it does.
      await dialog.getByRole('button', { name: 'Apply given OAuth2 credentials' }).click()
      expect((await tokenAnswer).status()).toBe(200)
      // Authorized: the dialog offers to log out instead.
      await expect.poll(() => dialog.getByRole('button', { name: 'Remove authorization' }).count()).toBe(1)
      await dialog.getByRole('button', { name: 'Close' }).click()
      await expect.poll(() => page.locator('.modal-ux').count()).toBe(0)

      const operation = page.locator('#operations-users-get_users_me')
      await operation.locator('.opblock-summary').click()
      await operation.getByRole('button', { name: 'Try it out' }).click()
      const meAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/users/me')
      await operation.getByRole('button', { name: 'Execute' }).click()
      expect((await meAnswer).status()).toBe(200)
      // What the page shows: the status of the live response and alice's record.
      const live = operation.locator('.live-responses-table .response')
      await expect.poll(() => live.locator('.response-col_status').first().textContent()).toBe('200')
      const shown = await live.locator('.response-col_description .microlight').first().textContent()
      expect(JSON.parse(shown ?? 'null')).toMatchObject({ id: 1, username: 'alice' })
      // The request Swagger UI made carried the token the dialog obtained.
      expect(await operation.locator('.curl-command').textContent()).toMatch(/Authorization: Bearer [\w-]+/)
      await operation.locator('.live-responses-table').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui-authorized.png'), fullPage: false })
      expect(outside).toEqual([])
      expect(failures).toEqual([])
      await page.context().close()
    },
    TIMEOUT,
  )

  it(
    'Swagger UI’s OAuth2 redirect page hands the token back to the page that opened it',
    async () => {
      // What Swagger UI's implicit or authorization-code flows do: note the pending login on the page, send the
      // browser to the provider, which sends it back to the redirect page with the token in the fragment.
      const page = await openPage(URLS.docsUrl)
      await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(operations.length)
      // Page scripts as text: this repository type-checks for Node, without the DOM's globals.
      await page.evaluate(`window.swaggerUIRedirectOauth2 = {
        state: 'xyz',
        redirectUrl: location.origin + '/docs/static/oauth2-redirect.html',
        auth: { name: 'OAuth2PasswordBearer', schema: { get: (key) => (key === 'flow' ? 'implicit' : undefined) } },
        callback: (result) => { window.oauthResult = result },
        errCb: (error) => { window.oauthError = error },
      }`)
      const popup = page.waitForEvent('popup')
      await page.evaluate(
        "void window.open('/docs/static/oauth2-redirect.html#access_token=abc&token_type=bearer&state=xyz')",
      )
      // The redirect page (served by the app, like its script) calls back the opener and closes itself.
      await (await popup).waitForEvent('close')
      const result = await page.evaluate('window.oauthResult')
      expect(result).toMatchObject({ token: { access_token: 'abc', token_type: 'bearer' }, isValid: true })
      expect(outside).toEqual([])
      expect(failures).toEqual([])
      await page.context().close()
    },
    TIMEOUT,
  )

  it(
    'ReDoc renders every operation with no outside request',
    async () => {
      const page = await openPage(URLS.redocUrl)
      const rendered = page.locator('[data-section-id^="operation/"]')
      await expect.poll(() => rendered.count(), { timeout: 30_000 }).toBe(operations.length)
      for (const summary of ['List items', 'Register a user']) {
        await expect.poll(() => page.getByRole('heading', { name: summary }).count()).toBeGreaterThan(0)
      }
      expect(await page.title()).toBe('Fastbox Store - ReDoc')
      // The "API docs by Redocly" logo is the app's own image (the bundle points at cdn.redoc.ly), and it loaded.
      const logo = page.locator('img[alt="redocly logo"]')
      expect(await logo.getAttribute('src')).toBe(`${URLS.redocUrl}/assets/logo.svg`)
      await expect.poll(() => loaded).toContain(`${URLS.redocUrl}/assets/logo.svg`)
      await page.screenshot({ path: join(SCREENSHOTS, 'redoc.png'), fullPage: true })
      expect(outside).toEqual([])
      expect(failures).toEqual([])
      await page.context().close()
    },
    TIMEOUT,
  )
})

describe.skipIf(!hasChromium && process.env.CI === undefined)('Swagger UI uploads a file, offline', () => {
  const content = 'hello from the browser\n'
  const app = createApp({ title: 'Uploads' }).post(
    '/files',
    {
      tags: ['files'],
      operationId: 'upload_file',
      form: { note: t.String(), file: upload({ description: 'Any file' }) },
    },
    async ({ form }) => ({
      note: form.note,
      filename: form.file.filename,
      contentType: form.file.contentType,
      size: form.file.size,
      sha256: createHash('sha256')
        .update(await form.file.bytes())
        .digest('hex'),
    }),
  )
  let origin = ''
  let browser: Browser | undefined

  beforeAll(async () => {
    origin = await app.listen({ host: '127.0.0.1', port: 0 })
    browser = await launch()
  }, TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    await app.close()
  })

  it(
    '"Try it out" sends a text field and a chosen file as multipart/form-data',
    async () => {
      const outside: string[] = []
      const context = await offlineContext(browser, outside)
      const page = await context.newPage()
      const failures: string[] = []
      page.on('pageerror', (error) => failures.push(error.message))
      await page.goto(`${origin}${URLS.docsUrl}`, { waitUntil: 'load' })
      const operation = page.locator('#operations-files-upload_file')
      await operation.locator('.opblock-summary').click()
      await operation.getByRole('button', { name: 'Try it out' }).click()
      // The form's fields as Swagger UI shows them: a text input and a file picker.
      await operation.locator('tr[data-property-name="note"] input').fill('a note')
      await operation.locator('tr[data-property-name="file"] input[type="file"]').setInputFiles({
        name: 'hello.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(content),
      })
      const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/files')
      await operation.getByRole('button', { name: 'Execute' }).click()
      const response = await answer
      expect(response.status()).toBe(200)
      expect(response.request().headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/)
      const expected = {
        note: 'a note',
        filename: 'hello.txt',
        contentType: 'text/plain',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      }
      expect(await response.json()).toEqual(expected)
      // What the page shows: the live response's status and body.
      const live = operation.locator('.live-responses-table .response')
      await expect.poll(() => live.locator('.response-col_status').first().textContent()).toBe('200')
      const shown = await live.locator('.response-col_description .microlight').first().textContent()
      expect(JSON.parse(shown ?? 'null')).toEqual(expected)
      await operation.locator('.live-responses-table').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui-upload.png'), fullPage: false })
      expect(outside).toEqual([])
      expect(failures).toEqual([])
      await context.close()
    },
    TIMEOUT,
  )
})
