import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { type DocsOptions, registerDocsRoutes } from './register.ts'

const DOCUMENT = JSON.stringify({ openapi: '3.1.0', info: { title: 'Shop', version: '1.0.0' }, paths: {} })
const DEFAULTS: DocsOptions = {
  title: 'Shop',
  openapiUrl: '/openapi.json',
  docsUrl: '/docs',
  redocUrl: '/redoc',
  document: () => DOCUMENT,
}
const OUTSIDE = ['cdn.redoc.ly', 'jsdelivr', 'unpkg', 'fonts.googleapis', 'fonts.gstatic']
const TYPES: Readonly<Record<string, string>> = {
  js: 'application/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
}

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

function docsApp(options: Partial<DocsOptions> = {}): FastifyInstance {
  const app = Fastify()
  apps.push(app)
  registerDocsRoutes(app, { ...DEFAULTS, ...options })
  return app
}

async function get(app: FastifyInstance, url: string) {
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
  it('answers the caller’s JSON text as application/json', async () => {
    const response = await get(docsApp(), '/openapi.json')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.body).toBe(DOCUMENT)
  })

  it('asks the caller for the text on each request (the caller caches it)', async () => {
    let calls = 0
    const app = docsApp({ document: () => `{"n":${++calls}}` })
    expect((await get(app, '/openapi.json')).body).toBe('{"n":1}')
    expect((await get(app, '/openapi.json')).body).toBe('{"n":2}')
  })
})

describe('the Swagger UI page', () => {
  it('is HTML titled "<title> - Swagger UI" that loads Swagger UI from the app', async () => {
    const response = await get(docsApp(), '/docs')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('<title>Shop - Swagger UI</title>')
    expect(response.body).toContain('<div id="swagger-ui">')
    expect(scriptUrl(response.body, 'swagger-ui-bundle.js')).toMatch(
      /^\/docs\/assets\/swagger-ui-bundle\.js\?v=5\./,
    )
    expect(scriptUrl(response.body, 'swagger-ui.css')).toMatch(/^\/docs\/assets\/swagger-ui\.css\?v=5\./)
  })

  it('starts Swagger UI with FastAPI’s defaults', async () => {
    const app = docsApp()
    const init = await get(app, scriptUrl((await get(app, '/docs')).body, 'swagger-ui-init.js'))
    expect(init.statusCode).toBe(200)
    expect(init.headers['content-type']).toBe('application/javascript; charset=utf-8')
    expect(init.headers['cache-control']).toBe('no-cache')
    expect(init.body).toContain(
      '{"url":"/openapi.json","dom_id":"#swagger-ui","layout":"BaseLayout","deepLinking":true,' +
        '"showExtensions":true,"showCommonExtensions":true,"validatorUrl":null}',
    )
    expect(init.body).toContain('oauth2RedirectUrl: window.location.origin + "/docs/oauth2-redirect"')
    expect(init.body).toContain('presets: [SwaggerUIBundle.presets.apis]')
    expect(init.body).not.toContain('initOAuth')
  })

  it('adds swaggerUiParameters over the defaults and calls initOAuth when asked', async () => {
    const app = docsApp({
      swaggerUiParameters: { deepLinking: false, syntaxHighlight: { theme: 'obsidian' } },
      swaggerUiInitOAuth: { clientId: 'shop-docs', usePkceWithAuthorizationCodeGrant: true },
    })
    const init = (await get(app, '/docs/assets/swagger-ui-init.js')).body
    expect(init).toContain('"deepLinking":false')
    expect(init).not.toContain('"deepLinking":true')
    expect(init).toContain('"syntaxHighlight":{"theme":"obsidian"}')
    expect(init).toContain(
      'window.ui.initOAuth({"clientId":"shop-docs","usePkceWithAuthorizationCodeGrant":true})',
    )
  })

  it('escapes the title', async () => {
    const body = (await get(docsApp({ title: 'Tom & Jerry <API>' }), '/docs')).body
    expect(body).toContain('<title>Tom &amp; Jerry &lt;API&gt; - Swagger UI</title>')
  })

  it('serves the OAuth2 redirect page', async () => {
    const response = await get(docsApp(), '/docs/oauth2-redirect')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('window.opener.swaggerUIRedirectOauth2')
    expect(references(response.body)).toEqual([])
  })

  it('serves the redirect page elsewhere, or not at all, as swaggerUiOAuth2RedirectUrl says', async () => {
    const moved = docsApp({ swaggerUiOAuth2RedirectUrl: '/auth/callback' })
    expect((await get(moved, '/auth/callback')).body).toContain('window.opener.swaggerUIRedirectOauth2')
    expect((await get(moved, '/docs/oauth2-redirect')).statusCode).toBe(404)
    expect((await get(moved, '/docs/assets/swagger-ui-init.js')).body).toContain(
      'window.location.origin + "/auth/callback"',
    )

    const none = docsApp({ swaggerUiOAuth2RedirectUrl: null })
    expect((await get(none, '/docs/oauth2-redirect')).statusCode).toBe(404)
    expect((await get(none, '/docs/assets/swagger-ui-init.js')).body).not.toContain('oauth2RedirectUrl')
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

  it('serves a bundle whose "powered by" logo is a local image', async () => {
    const app = docsApp()
    const bundle = await get(app, scriptUrl((await get(app, '/redoc')).body, 'redoc.standalone.js'))
    expect(bundle.body).not.toContain('cdn.redoc.ly')
    expect(bundle.body).toContain('src:"/redoc/assets/logo.svg"')
    const logo = await get(app, '/redoc/assets/logo.svg')
    expect(logo.statusCode).toBe(200)
    expect(logo.headers['content-type']).toBe('image/svg+xml')
    expect(logo.body).toMatch(/^<svg /)
  })
})

describe('every page', () => {
  const pages = ['/docs', '/redoc', '/docs/oauth2-redirect']

  it('references only paths of the app, each answering 200 with its content type', async () => {
    const app = docsApp()
    for (const page of pages) {
      for (const ref of references((await get(app, page)).body)) {
        expect(ref, `${page} references ${ref}`).toMatch(/^\/(?!\/)/)
        const response = await get(app, ref)
        expect(response.statusCode, ref).toBe(200)
        const extension = ref.split('?')[0]?.split('.').pop() ?? ''
        expect(response.headers['content-type'], ref).toBe(TYPES[extension])
        expect(response.headers['cache-control'], ref).toBeDefined()
      }
    }
  })

  it('gives versioned files a long cache lifetime', async () => {
    const app = docsApp()
    for (const page of ['/docs', '/redoc']) {
      for (const ref of references((await get(app, page)).body).filter((url) => url.includes('?v='))) {
        expect((await get(app, ref)).headers['cache-control'], ref).toBe(
          'public, max-age=31536000, immutable',
        )
      }
    }
  })

  it('contains no CDN, font service or source map address in any served HTML, JS or CSS', async () => {
    const app = docsApp()
    const texts: [string, string][] = []
    for (const page of pages) {
      const html = (await get(app, page)).body
      texts.push([page, html])
      for (const ref of references(html).filter((url) => !/\.(png|svg)(\?|$)/.test(url))) {
        texts.push([ref, (await get(app, ref)).body])
      }
    }
    expect(texts.map(([url]) => url.split('?')[0])).toEqual(
      expect.arrayContaining([
        '/docs/assets/swagger-ui-bundle.js',
        '/docs/assets/swagger-ui.css',
        '/docs/assets/swagger-ui-init.js',
        '/redoc/assets/redoc.standalone.js',
      ]),
    )
    for (const [url, text] of texts) {
      for (const host of OUTSIDE) expect(text, `${url} mentions ${host}`).not.toContain(host)
      expect(text.trimEnd(), `${url} ends with a source map comment`).not.toMatch(/sourceMappingURL=\S+$/)
    }
  })
})

describe('configurable URLs', () => {
  it('follows a changed openapiUrl, docsUrl and redocUrl', async () => {
    const app = docsApp({ openapiUrl: '/api/v1/openapi.json', docsUrl: '/api/docs/', redocUrl: '/api/redoc' })
    expect((await get(app, '/api/v1/openapi.json')).body).toBe(DOCUMENT)
    const docs = (await get(app, '/api/docs/')).body
    expect(scriptUrl(docs, 'swagger-ui-bundle.js')).toMatch(/^\/api\/docs\/assets\//)
    const init = (await get(app, scriptUrl(docs, 'swagger-ui-init.js'))).body
    expect(init).toContain('"url":"/api/v1/openapi.json"')
    expect(init).toContain('window.location.origin + "/api/docs/oauth2-redirect"')
    expect((await get(app, '/api/docs/oauth2-redirect')).statusCode).toBe(200)
    const redoc = (await get(app, '/api/redoc')).body
    expect(redoc).toContain('<redoc spec-url="/api/v1/openapi.json"></redoc>')
    const bundle = (await get(app, scriptUrl(redoc, 'redoc.standalone.js'))).body
    expect(bundle).toContain('src:"/api/redoc/assets/logo.svg"')
    for (const url of ['/openapi.json', '/docs', '/redoc', '/docs/oauth2-redirect']) {
      expect((await get(app, url)).statusCode, url).toBe(404)
    }
  })

  it('turns off only the Swagger UI page with docsUrl: null', async () => {
    const app = docsApp({ docsUrl: null })
    for (const url of ['/docs', '/docs/oauth2-redirect', '/docs/assets/swagger-ui-bundle.js']) {
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

  it('turns off the document and both pages with openapiUrl: null', async () => {
    const app = docsApp({ openapiUrl: null })
    for (const url of ['/openapi.json', '/docs', '/docs/oauth2-redirect', '/redoc']) {
      expect((await get(app, url)).statusCode, url).toBe(404)
    }
  })

  it('registers GET (and Fastify’s HEAD) routes only', async () => {
    const app = docsApp()
    expect((await app.inject({ method: 'POST', url: '/docs' })).statusCode).toBe(404)
    expect((await app.inject({ method: 'HEAD', url: '/docs' })).statusCode).toBe(200)
  })
})
