/**
 * @module
 * Input and output views of shared schemas, as FastAPI's `separate_input_output_schemas`: a request may leave
 * out a property that has a default (the server fills it in), a response always has it. A component read in
 * both requests and responses whose two views differ (itself, or a component it refers to) is written twice,
 * `<Name>-Input` and `<Name>-Output`; any other keeps its name, in the view it is read in.
 */
import type { JsonSchema } from '../schema/json-schema.ts'
import { hasDefaultedRequired, parseRef, type SchemaMode, visitSchema } from './schema-writer.ts'

/** The schemas of the document read in requests (`input`) and in responses (`output`). */
export interface SchemaRoots {
  readonly input: readonly unknown[]
  readonly output: readonly unknown[]
}

export interface Views {
  /** The name of a component's view in `mode`. */
  name(component: string, mode: SchemaMode): string
  /** The components to write: name, the component it comes from, and its view. */
  readonly written: readonly (readonly [name: string, component: string, mode: SchemaMode])[]
}

/** Plans the views of `components` (by name), read from `roots`. */
export function planViews(components: ReadonlyMap<string, JsonSchema>, roots: () => SchemaRoots): Views {
  const names = new Set(components.keys())
  const refsOf = (value: unknown): Set<string> => {
    const found = new Set<string>()
    visitSchema(value, (node) => {
      const ref = node.$ref
      if (typeof ref !== 'string') return
      const parsed = parseRef(ref, names)
      if (parsed !== undefined && names.has(parsed.name)) found.add(parsed.name)
    })
    return found
  }
  const differ = new Set<string>()
  for (const [name, schema] of components) {
    let own = false
    visitSchema(schema, (node) => {
      own ||= hasDefaultedRequired(node)
    })
    if (own) differ.add(name)
  }
  // Nothing reads differently: every component keeps its name and its schema (the common, fast case).
  if (differ.size === 0) {
    return {
      name: (component) => component,
      written: [...components.keys()].map((name) => [name, name, 'output']),
    }
  }
  const references = new Map([...components].map(([name, schema]) => [name, refsOf(schema)]))
  for (let changed = true; changed; ) {
    changed = false
    for (const [name, refs] of references) {
      if (!differ.has(name) && [...refs].some((ref) => differ.has(ref))) {
        differ.add(name)
        changed = true
      }
    }
  }
  const { input, output } = roots()
  const reach = (values: readonly unknown[]): Set<string> => {
    const seen = new Set<string>()
    const queue = [...refsOf(values)]
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      if (seen.has(name)) continue
      seen.add(name)
      queue.push(...(references.get(name) ?? []))
    }
    return seen
  }
  const inputs = reach(input)
  const outputs = reach(output)
  const split = new Set([...differ].filter((name) => inputs.has(name) && outputs.has(name)))
  const written: [string, string, SchemaMode][] = []
  for (const name of components.keys()) {
    if (split.has(name)) written.push([`${name}-Input`, name, 'input'], [`${name}-Output`, name, 'output'])
    else written.push([name, name, inputs.has(name) && !outputs.has(name) ? 'input' : 'output'])
  }
  return {
    name: (component, mode) =>
      split.has(component) ? `${component}-${mode === 'input' ? 'Input' : 'Output'}` : component,
    written,
  }
}
