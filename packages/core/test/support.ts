/**
 * @module
 * Helpers shared by the core's HTTP tests (never published: the package ships `src` only).
 */
import { Writable } from 'node:stream'
import type { TSchema } from '@sinclair/typebox'
import { expect } from 'vitest'
import { createApp } from '../src/index.ts'

/**
 * The 422 items of posting `payload` to a route whose body is `schema` (the test fails on another status);
 * `strict` turns Pydantic's lax conversions off.
 */
export async function bodyErrors(schema: TSchema, payload: unknown, strict = false): Promise<unknown[]> {
  const app = createApp().post('/', { body: schema, strict }, () => null)
  const response = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify(payload),
    headers: { 'content-type': 'application/json' },
  })
  expect(response.statusCode).toBe(422)
  return (response.json() as { detail: unknown[] }).detail
}

/** The 422 items of a GET with `search` to a route whose query part is `query`. */
export async function queryErrors(query: Record<string, TSchema>, search: string): Promise<unknown[]> {
  const app = createApp().get('/', { query }, () => null)
  const response = await app.inject({ method: 'GET', url: `/?${search}` })
  expect(response.statusCode).toBe(422)
  return (response.json() as { detail: unknown[] }).detail
}

/** An app whose log lines (level `level` and up) are collected as parsed JSON and as raw text. */
export function appWithLog(level: 'error' | 'warn' = 'error') {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
      lines.push(String(chunk))
      callback()
    },
  })
  const app = createApp({ fastify: { logger: { level, stream } } })
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  return { app, lines, entries }
}
