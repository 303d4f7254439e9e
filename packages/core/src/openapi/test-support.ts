/**
 * @module
 * Test helpers: the document of a real app, and a check by an independent OpenAPI 3.1 validator (so the
 * tests do not only agree with the code under test).
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import { expect } from 'vitest'
import type { App } from '../index.ts'
import type { OpenAPIDocument } from './types.ts'

/** The document of `app`, once it is ready (as `/openapi.json` serves it). */
export async function documentOf<TRoutes>(app: App<TRoutes>): Promise<OpenAPIDocument> {
  await app.ready()
  return app.openapi()
}

/** Asserts that `doc` is a valid OpenAPI 3.1 document and that every local `$ref` in it resolves. */
export async function expectValid(doc: OpenAPIDocument): Promise<void> {
  const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>)
  expect(result).toEqual({ valid: true })
  for (const ref of refsIn(doc)) {
    const name = ref.replace('#/components/schemas/', '')
    expect(doc.components?.schemas?.[name], ref).toBeDefined()
  }
}

/** Every `$ref` value in `value`, at any depth. */
export function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn)
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : refsIn(item),
  )
}
