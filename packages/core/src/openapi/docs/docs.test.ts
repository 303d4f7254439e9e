import { afterEach, describe, expect, it } from 'vitest'
import { type App, type AppOptions, createApp } from '../../index.ts'

const OUTSIDE = ['cdn.redoc.ly', 'jsdelivr', 'unpkg', 'fonts.googleapis', 'fonts.gstatic']
const TYPES: Readonly<Record<string, RegExp>> = {
  js: /^application\/javascript; charset=utf-8$/i,
  css: /^text\/css; charset=utf-8$/i,
  png: /^image\/png$/,
  svg: /^image\/svg\+xml$/,
}

const apps: App[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

function docsApp(options: AppOptions = {}): App {
  const app = createApp({ title: 'Shop', version: '1.0.0', ...options })
  apps.push(app)
  return app
}

async function get(app: App, url: string) {
  return app.inject({ method: 'GET', url })
}

/** Every `src="..."` and `href="..."` value of a page, unescaped. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  )
}

function scriptUrl(html: string, name: string): string {
  const url = references(html).find((ref) => ref.split('?')[0]?.endsWith(name))
  expect(url, `${name} is referenced`).toBeDefined()
  return url as string
}

describe('the OpenAPI document route', () => {
  it('answers the document as application/json, the same text each time', async () => {
    const app = docsApp()
    const response = await get(app, '/openapi.json')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.json()).toEqual(app.openapi())
    expect((await get(app, '/openapi.json')).body).toBe(response.body)
  })
})

describe('the Swagger UI page (@fastify/swagger-ui)', () => {
  it('is HTML titled "<title> - Swagger UI" that loads Swagger UI from the app', async () => {
    const response = await get(docsApp(), '/docs')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('<title>Shop - Swagger UI</title>')
    expect(response.body).toContain('<div id="swagger-ui"></div>')
    expect(scriptUrl(response.body, 'swagger-ui-bundle.js')).toBe('/docs/static/swagger-ui-bundle.js')
    expect(scriptUrl(response.body, 'swagger-ui.css')).toBe('/docs/static/swagger-ui.css')
  })

  it('starts Swagger UI with FastAPI’s parameters, on the same document', async () => {
    const app = docsApp()
    const init = await get(app, scriptUrl((await get(app, '/docs')).body, 'swagger-initializer.js'))
    expect(init.statusCode).toBe(200)
    expect(init.headers['content-type']).toBe('application/javascript; charset=utf-8')
    expect(init.body).toContain(
      'const config = {"layout":"BaseLayout","deepLinking":true,"showExtensions":true,"showCommonExtensions":true}',
    )
    expect(init.body).toContain('validatorUrl: null')
    expect(init.body).toContain("url: resolveUrl('./json')")
    expect(init.body).toContain("oauth2RedirectUrl: resolveUrl('./static/oauth2-redirect.html')")
    expect((await get(app, '/docs/json')).json()).toEqual(app.openapi())
  })

  it('takes @fastify/swagger-ui options: uiConfig over the defaults, initOAuth', async () => {
    const app = docsApp({
      swaggerUi: {
        uiConfig: { deepLinking: false, syntaxHighlight: { theme: 'obsidian' } },
        initOAuth: { clientId: 'shop-docs', usePkceWithAuthorizationCodeGrant: true },
      },
    })
    const init = (await get(app, '/docs/static/swagger-initializer.js')).body
    expect(init).toContain('"deepLinking":false')
    expect(init).not.toContain('"deepLinking":true')
    expect(init).toContain('"syntaxHighlight":{"theme":"obsidian"}')
    expect(init).toContain('ui.initOAuth({"clientId":"shop-docs","usePkceWithAuthorizationCodeGrant":true})')
  })

  it('escapes the title', async () => {
    const body = (await get(docsApp({ title: 'Tom & Jerry <API>' }), '/docs')).body
    expect(body).toContain('<title>Tom &amp; Jerry &lt;API&gt; - Swagger UI</title>')
  })

  it('serves the OAuth2 redirect page and its script', async () => {
    const app = docsApp()
    const page = await get(app, '/docs/static/oauth2-redirect.html')
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    const script = await get(app, `/docs/static/${references(page.body)[0]}`)
    expect(script.statusCode).toBe(200)
    expect(script.body).toContain('window.opener.swaggerUIRedirectOauth2')
  })
})

describe('the ReDoc page', () => {
  it('is HTML titled "<title> - ReDoc" with a <redoc> element and the bundle from the app', async () => {
    const response = await get(docsApp(), '/redoc')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('<title>Shop - ReDoc</title>')
    expect(response.body).toContain('<redoc spec-url="/openapi.json"></redoc>')
    expect(scriptUrl(response.body, 'redoc.standalone.js')).toMatch(
      /^\/redoc\/assets\/redoc\.standalone\.js\?v=2\.5\./,
    )
  })

  it('serves a bundle whose "powered by" logo is a local image, cached for long', async () => {
    const app = docsApp()
    const bundle = await get(app, scriptUrl((await get(app, '/redoc')).body, 'redoc.standalone.js'))
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(bundle.body).not.toContain('cdn.redoc.ly')
    expect(bundle.body).toContain('src:"/redoc/assets/logo.svg"')
    const logo = await get(app, '/redoc/assets/logo.svg')
    expect(logo.statusCode).toBe(200)
    expect(logo.headers['content-type']).toBe('image/svg+xml')
    expect(logo.body).toMatch(/^<svg /)
  })
})

describe('every page', () => {
  const pages = ['/docs', '/redoc', '/docs/static/oauth2-redirect.html']

  it('references only files of the app, each answering 200 with its content type', async () => {
    const app = docsApp()
    for (const page of pages) {
      for (const ref of references((await get(app, page)).body)) {
        const url = ref.startsWith('/') ? ref : `/docs/static/${ref}`
        expect(url, `${page} references ${ref}`).toMatch(/^\/(?!\/)/)
        const response = await get(app, url)
        expect(response.statusCode, url).toBe(200)
        const extension = url.split('?')[0]?.split('.').pop() ?? ''
        expect(response.headers['content-type'], url).toMatch(TYPES[extension] ?? /^$/)
      }
    }
  })

  it('contains no CDN or font service address in any served HTML, JS or CSS', async () => {
    const app = docsApp()
    const texts: [string, string][] = []
    for (const page of pages) {
      const html = (await get(app, page)).body
      texts.push([page, html])
      for (const ref of references(html).filter((url) => !/\.(png|svg)(\?|$)/.test(url))) {
        const url = ref.startsWith('/') ? ref : `/docs/static/${ref}`
        texts.push([url, (await get(app, url)).body])
      }
    }
    expect(texts.map(([url]) => url.split('?')[0])).toEqual(
      expect.arrayContaining([
        '/docs/static/swagger-ui-bundle.js',
        '/docs/static/swagger-ui.css',
        '/docs/static/swagger-initializer.js',
        '/redoc/assets/redoc.standalone.js',
      ]),
    )
    for (const [url, text] of texts) {
      for (const host of OUTSIDE) expect(text, `${url} mentions ${host}`).not.toContain(host)
    }
  })

  it('answers HEAD with 200 and GET’s headers, as FastAPI’s pages do', async () => {
    const app = docsApp()
    for (const url of ['/openapi.json', '/docs', '/docs/json', '/redoc', '/docs/static/swagger-ui.css']) {
      const [head, got] = [await app.inject({ method: 'HEAD', url }), await get(app, url)]
      expect(head.statusCode, url).toBe(200)
      expect(head.body, url).toBe('')
      expect(head.headers['content-type'], url).toBe(got.headers['content-type'])
    }
  })

  it('answers another method 405 with Allow: GET, HEAD', async () => {
    const app = docsApp()
    for (const url of ['/openapi.json', '/docs', '/redoc']) {
      const response = await app.inject({ method: 'POST', url })
      expect([response.statusCode, response.headers.allow], url).toEqual([405, 'GET, HEAD'])
    }
  })
})

describe('configurable URLs', () => {
  it('follows a changed openapiUrl, docsUrl and redocUrl', async () => {
    const app = docsApp({ openapiUrl: '/api/v1/openapi.json', docsUrl: '/api/docs', redocUrl: '/api/redoc' })
    expect((await get(app, '/api/v1/openapi.json')).json()).toEqual(app.openapi())
    const docs = (await get(app, '/api/docs')).body
    expect(scriptUrl(docs, 'swagger-ui-bundle.js')).toBe('/api/docs/static/swagger-ui-bundle.js')
    expect((await get(app, '/api/docs/json')).json()).toEqual(app.openapi())
    expect((await get(app, '/api/docs/static/oauth2-redirect.html')).statusCode).toBe(200)
    const redoc = (await get(app, '/api/redoc')).body
    expect(redoc).toContain('<redoc spec-url="/api/v1/openapi.json"></redoc>')
    const bundle = (await get(app, scriptUrl(redoc, 'redoc.standalone.js'))).body
    expect(bundle).toContain('src:"/api/redoc/assets/logo.svg"')
    for (const url of ['/openapi.json', '/docs', '/redoc', '/docs/json']) {
      expect((await get(app, url)).statusCode, url).toBe(404)
    }
  })

  it('turns off only the Swagger UI page with docsUrl: null', async () => {
    const app = docsApp({ docsUrl: null })
    for (const url of ['/docs', '/docs/json', '/docs/static/swagger-ui-bundle.js']) {
      expect((await get(app, url)).statusCode, url).toBe(404)
    }
    expect((await get(app, '/redoc')).statusCode).toBe(200)
    expect((await get(app, '/openapi.json')).statusCode).toBe(200)
  })

  it('turns off only the ReDoc page with redocUrl: null', async () => {
    const app = docsApp({ redocUrl: null })
    for (const url of ['/redoc', '/redoc/assets/redoc.standalone.js', '/redoc/assets/logo.svg']) {
      expect((await get(app, url)).statusCode, url).toBe(404)
    }
    expect((await get(app, '/docs')).statusCode).toBe(200)
  })

  it('turns off the document and both pages with openapiUrl: null (app.openapi() still works)', async () => {
    const app = docsApp({ openapiUrl: null })
    for (const url of [
      '/openapi.json',
      '/docs',
      '/docs/json',
      '/docs/static/oauth2-redirect.html',
      '/redoc',
    ]) {
      expect((await get(app, url)).json(), url).toEqual({ detail: 'Not Found' })
    }
    expect(app.openapi().info).toEqual({ title: 'Shop', version: '1.0.0' })
  })
})
