/**
 * @module
 * The `application/x-www-form-urlencoded` body parser, for routes (and dependencies) that declare `form`,
 * such as an OAuth2 token route that Swagger UI's "Authorize" dialog posts to. Fastify has none and would
 * answer 415 before the route could say which fields are missing.
 *
 * It is added when the app gets ready, and only if no plugin has registered one (`@fastify/formbody`), so
 * such a plugin can be registered on `app.fastify` in any order, before or after the routes.
 */
import { parse } from 'fast-querystring'
import type { FastifyInstance } from 'fastify'
import { markParsedAs } from '../http/parsed-body.ts'

const FORM = 'application/x-www-form-urlencoded'

export function useFormParser(fastify: FastifyInstance): void {
  fastify.addHook('onReady', async () => {
    if (fastify.hasContentTypeParser(FORM)) return
    fastify.addContentTypeParser(FORM, { parseAs: 'string' }, (request, body, done) => {
      markParsedAs(request, 'form')
      const text = body.toString()
      // As for JSON: an empty body is no body, so a route's required fields are reported `missing`.
      // fast-querystring's result has no prototype: a field named `__proto__` is data like any other, and a
      // repeated key gives an array, as a repeated query key does.
      done(null, text === '' ? undefined : (parse(text) as Record<string, unknown>))
    })
  })
}
