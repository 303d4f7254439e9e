/**
 * @module
 * The `application/x-www-form-urlencoded` body parser, for routes (and dependencies) that declare `form`,
 * such as an OAuth2 token route that Swagger UI's "Authorize" dialog posts to. Fastify has no parser for it
 * and would answer 415 before the route could say which fields are missing.
 */
import { parse } from 'fast-querystring'
import type { FastifyInstance } from 'fastify'

export function useFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = body.toString()
      // As for JSON: an empty body is no body, so a route's required fields are reported `missing`.
      // fast-querystring's result has no prototype: a field named `__proto__` is data like any other, and a
      // repeated key gives an array, as a repeated query key does.
      done(null, text === '' ? undefined : (parse(text) as Record<string, unknown>))
    },
  )
}
