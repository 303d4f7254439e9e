/**
 * Swagger UI and ReDoc under @fastify/helmet's Content-Security-Policy, as examples/plugins.ts configures it, in
 * Debian's Chromium: both pages render their operations and the browser reports no policy violation (without
 * the example's `worker-src 'self' blob:`, ReDoc's search worker is blocked).
 */
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../examples/plugins.ts'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
]
const TIMEOUT = 60_000

describe.skipIf(!existsSync(CHROMIUM) && process.env.CI === undefined)('docs pages under helmet', () => {
  let origin = ''
  let browser: Browser | undefined

  beforeAll(async () => {
    origin = await app.listen({ host: '127.0.0.1', port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
  }, TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    await app.close()
  })

  it.each([
    ['/docs', '.opblock'],
    ['/redoc', '[data-section-id^="operation/"]'],
  ])(
    '%s renders with no Content-Security-Policy violation',
    async (path, operation) => {
      if (browser === undefined) throw new Error('the browser did not start')
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(error.message))
      // Every violation is also reported to the page as an event; record those too.
      // A string, run in the page: the test is type-checked without the DOM's types.
      await page.addInitScript({
        content: `document.addEventListener('securitypolicyviolation', (event) =>
          console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))`,
      })
      const response = await page.goto(`${origin}${path}`)
      expect(response?.headers()['content-security-policy']).toContain("worker-src 'self' blob:")
      await expect.poll(() => page.locator(operation).count(), { timeout: 30_000 }).toBe(2)
      expect(problems).toEqual([])
      await page.close()
    },
    TIMEOUT,
  )
})
