/**
 * @module
 * Requests made from an OpenAPI 3.1 document alone: for each operation, values that fit its parameter and body
 * schemas, and values that break them one way at a time. Deterministic: a seeded generator picks every value.
 */
import type { OpenAPIDocument } from 'fastbox'

type Schema = Record<string, unknown>

/** Stands for a file in a multipart body's fields (the test sends real bytes for it). */
export const FILE = Symbol('file')

export interface FuzzRequest {
  readonly method: string
  readonly path: string
  readonly url: string
  /** How the body is sent: JSON, a URL-encoded form, or multipart with files. */
  readonly encoding: 'json' | 'form' | 'multipart'
  readonly payload?: unknown
  /** What the request means to test: `valid`, or which part breaks the schema. */
  readonly kind: string
}

/** mulberry32: a small seeded generator, so a run sends the same requests each time. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export class Fuzzer {
  readonly #doc: OpenAPIDocument
  readonly #random: () => number

  constructor(doc: OpenAPIDocument, seed: number) {
    this.#doc = doc
    this.#random = seeded(seed)
  }

  #int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1))
  }

  #pick<T>(values: readonly T[]): T {
    return values[this.#int(0, values.length - 1)] as T
  }

  resolve(schema: Schema): Schema {
    const ref = schema.$ref
    if (typeof ref !== 'string') return schema
    const name = ref.replace('#/components/schemas/', '')
    return this.resolve((this.#doc.components?.schemas?.[name] ?? {}) as Schema)
  }

  /** A value that fits `schema`. */
  valid(input: Schema): unknown {
    const schema = this.resolve(input)
    if (Array.isArray(schema.anyOf)) return this.valid(this.#pick(schema.anyOf as Schema[]))
    if (Array.isArray(schema.enum)) return this.#pick(schema.enum)
    const type = Array.isArray(schema.type) ? this.#pick(schema.type as string[]) : schema.type
    switch (type) {
      case 'null':
        return null
      case 'boolean':
        return this.#random() < 0.5
      case 'integer': {
        const min = (schema.minimum as number | undefined) ?? 0
        const max = Math.min((schema.maximum as number | undefined) ?? min + 50, min + 50)
        return this.#int(min, max)
      }
      case 'number': {
        const min =
          (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined) ?? 0
        return Math.round((min + 0.01 + this.#random() * 100) * 100) / 100
      }
      case 'string':
        return typeof schema.contentMediaType === 'string' ? FILE : this.#string(schema)
      case 'array': {
        const count = this.#int(0, Math.min((schema.maxItems as number | undefined) ?? 3, 3))
        return Array.from({ length: count }, () => this.valid((schema.items ?? {}) as Schema))
      }
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, Schema>
        const required = new Set((schema.required ?? []) as string[])
        const value: Record<string, unknown> = {}
        for (const [name, property] of Object.entries(properties)) {
          if (required.has(name) || this.#random() < 0.5) value[name] = this.valid(property)
        }
        return value
      }
      default:
        return this.#pick(['text', 1, true])
    }
  }

  #string(schema: Schema): string {
    if (schema.format === 'email') return `fuzz${this.#int(0, 9999)}@example.com`
    if (schema.format === 'date-time') return new Date(this.#int(0, 2e12)).toISOString()
    const min = (schema.minLength as number | undefined) ?? 0
    const max = Math.min((schema.maxLength as number | undefined) ?? min + 12, min + 12)
    const alphabet = schema.pattern === undefined ? 'abcXYZ 019_-%é' : 'abcxyz019_-'
    const length = this.#int(Math.max(min, schema.pattern === undefined ? 0 : 1), Math.max(min, max))
    return Array.from({ length }, () => this.#pick([...alphabet])).join('')
  }

  /** Values that break `schema`, each one way (empty when nothing can). */
  invalid(input: Schema): unknown[] {
    const schema = this.resolve(input)
    const out: unknown[] = []
    const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type])
    if (Array.isArray(schema.anyOf)) {
      for (const branch of schema.anyOf as Schema[]) {
        const resolved = this.resolve(branch)
        types.add(resolved.type)
      }
    }
    if (!types.has('string') && !types.has(undefined)) out.push('not-a-value')
    if (!types.has('object') && !types.has(undefined)) out.push({ nested: true })
    if (!types.has('null') && !types.has(undefined)) out.push(null)
    if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push('')
    if (typeof schema.maxLength === 'number') out.push('x'.repeat(schema.maxLength + 1))
    if (typeof schema.pattern === 'string') out.push('Not Allowed!')
    if (schema.format === 'email') out.push('not-an-email')
    if (typeof schema.minimum === 'number') out.push(schema.minimum - 1)
    if (typeof schema.exclusiveMinimum === 'number') out.push(schema.exclusiveMinimum)
    if (typeof schema.maximum === 'number') out.push(schema.maximum + 1)
    if (schema.type === 'integer') out.push(1.5, 2 ** 60)
    if (typeof schema.maxItems === 'number') out.push(Array(schema.maxItems + 1).fill('x'))
    if (Array.isArray(schema.enum)) out.push('not-in-the-enum')
    return out
  }

  /** Valid and invalid requests for every operation of the document. */
  requests(validPerOperation: number): FuzzRequest[] {
    const out: FuzzRequest[] = []
    for (const [path, item] of Object.entries(this.#doc.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue
        const op = operation as {
          parameters?: { name: string; in: string; required?: boolean; schema: Schema }[]
          requestBody?: { content: Record<string, { schema: Schema }> }
        }
        const parameters = op.parameters ?? []
        const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? []
        const encoding =
          mediaType === 'multipart/form-data'
            ? 'multipart'
            : mediaType === 'application/x-www-form-urlencoded'
              ? 'form'
              : 'json'
        const form = encoding !== 'json'
        const bodySchema = media?.schema
        const build = (kind: string, values: Map<string, unknown>, payload: unknown, hasBody: boolean) => {
          let url = path
          const query = new URLSearchParams()
          for (const parameter of parameters) {
            if (!values.has(parameter.name)) continue
            const value = values.get(parameter.name)
            if (parameter.in === 'path')
              url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)))
            else if (Array.isArray(value))
              for (const entry of value) query.append(parameter.name, String(entry))
            else query.append(parameter.name, String(value))
          }
          const search = query.toString()
          out.push({
            method: method.toUpperCase(),
            path,
            url: search === '' ? url : `${url}?${search}`,
            encoding,
            kind,
            ...(hasBody && { payload }),
          })
        }
        const validValues = () => {
          const values = new Map<string, unknown>()
          for (const parameter of parameters) {
            if (parameter.required || this.#random() < 0.5) {
              // Ids: mostly ones that exist (the demo's and the run's first), sometimes not.
              const value =
                parameter.in === 'path' && this.#random() < 0.8
                  ? this.#int(1, 8)
                  : this.valid(parameter.schema)
              values.set(parameter.name, value)
            }
          }
          return values
        }
        const validBody = () => {
          if (bodySchema === undefined) return undefined
          const value = this.valid(bodySchema) as Record<string, unknown>
          if (form && path === '/token' && this.#random() < 0.5)
            return { username: 'alice', password: 'wonderland' }
          if (form && typeof value === 'object' && value !== null && 'grant_type' in value)
            value.grant_type = 'password'
          return value
        }
        for (let i = 0; i < validPerOperation; i++)
          build('valid', validValues(), validBody(), bodySchema !== undefined)
        for (const parameter of parameters) {
          for (const bad of this.invalid(parameter.schema)) {
            if (typeof bad === 'object' && bad !== null && !Array.isArray(bad)) continue // not expressible in a URL
            if (bad === null) continue
            const values = validValues()
            values.set(parameter.name, bad)
            build(`invalid ${parameter.in} ${parameter.name}`, values, validBody(), bodySchema !== undefined)
          }
          if (parameter.required && parameter.in !== 'path') {
            const values = validValues()
            values.delete(parameter.name)
            build(`missing ${parameter.name}`, values, validBody(), bodySchema !== undefined)
          }
        }
        if (bodySchema !== undefined) {
          const schema = this.resolve(bodySchema)
          const properties = (schema.properties ?? {}) as Record<string, Schema>
          for (const [name, property] of Object.entries(properties)) {
            for (const bad of this.invalid(property)) {
              const body = { ...(validBody() as object), [name]: bad }
              if (form && (typeof bad === 'object' || bad === null)) continue
              build(`invalid body ${name}`, validValues(), body, true)
            }
          }
          for (const name of (schema.required ?? []) as string[]) {
            const body = { ...(validBody() as object) } as Record<string, unknown>
            delete body[name]
            build(`missing body ${name}`, validValues(), body, true)
          }
          if (!form) for (const bad of [[], 'text', 42, null]) build('invalid body', validValues(), bad, true)
          build('no body', validValues(), undefined, false)
        }
      }
    }
    return out
  }
}
