/**
 * @module
 * A route's dependency graph, resolved once per route (and again after `dependencyOverrides` change):
 * overrides applied, cycles refused, and the request parts of every dependency merged into the route's,
 * so one validator checks them all and reports every error together (as FastAPI's flattened dependant).
 */
import { isDeepStrictEqual } from 'node:util'
import type { TSchema } from '@sinclair/typebox'
import {
  ConflictingParamSchemasError,
  DependencyCycleError,
  JsonAndFormBodyError,
  TwoBodiesError,
} from '../http/fastbox-errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { type ParamsSpec, toObjectSchema } from '../schema/parts.ts'
import type { AnyDependency, DependencySpec } from '../spec/dependency.ts'
import type { DependencyOverrides } from './overrides.ts'

/** One use of a dependency in the graph, with its sub-dependencies resolved to nodes. */
export interface DependencyNode {
  /** The dependency that runs: the original, or its override. */
  readonly dependency: AnyDependency
  readonly cache: boolean
  readonly subs: readonly (readonly [name: string, node: DependencyNode])[]
}

export interface DependencyPlan {
  /** Run for their effect, outer first (app, routers, route `dependencies`). */
  readonly effects: readonly DependencyNode[]
  /** The route's `deps`, injected by name. */
  readonly named: readonly (readonly [name: string, node: DependencyNode])[]
  /** Every dependency that runs, once each, in the order first met (parameters, security). */
  readonly all: readonly AnyDependency[]
}

export const EMPTY_PLAN: DependencyPlan = { effects: [], named: [], all: [] }

export function planDependencies(
  effects: readonly AnyDependency[],
  named: Readonly<Record<string, AnyDependency>> | undefined,
  overrides: DependencyOverrides,
  where: string,
): DependencyPlan {
  const namedEntries = Object.entries(named ?? {})
  if (effects.length === 0 && namedEntries.length === 0) return EMPTY_PLAN
  const all: AnyDependency[] = []
  const visit = (original: AnyDependency, path: readonly AnyDependency[]): DependencyNode => {
    const dependency = overrides.resolve(original)
    if (path.includes(dependency)) {
      throw new DependencyCycleError(where)
    }
    if (!all.includes(dependency)) all.push(dependency)
    const inner = [...path, dependency]
    const subs = Object.entries(dependency.spec.deps ?? {}).map(
      ([name, sub]) => [name, visit(sub, inner)] as const,
    )
    return { dependency, cache: dependency.spec.cache !== false, subs }
  }
  return {
    effects: effects.map((dependency) => visit(dependency, [])),
    named: namedEntries.map(([name, dependency]) => [name, visit(dependency, [])] as const),
    all,
  }
}

/** The request parts a route reads: its own merged with those of every dependency it runs. */
export interface MergedParts {
  readonly path?: ParamsSpec
  readonly query?: ParamsSpec
  readonly headers?: ParamsSpec
  readonly cookies?: ParamsSpec
  readonly form?: ParamsSpec
  readonly body?: TSchema
}

const PARTS = ['path', 'query', 'headers', 'cookies', 'form'] as const

export function mergeParts(
  own: DependencySpec,
  dependencies: readonly AnyDependency[],
  where: string,
): MergedParts {
  const specs = [own, ...dependencies.map((dependency) => dependency.spec)]
  const merged: { -readonly [K in keyof MergedParts]: MergedParts[K] } = {}
  for (const part of PARTS) {
    const declared = specs
      .map((spec) => spec[part])
      .filter((value): value is ParamsSpec => value !== undefined)
    const [first] = declared
    if (declared.length > 1) merged[part] = mergeObjects(part, declared, where) as unknown as ParamsSpec
    else if (first !== undefined) merged[part] = first
  }
  const bodies = specs.map((spec) => spec.body).filter((body): body is TSchema => body !== undefined)
  const [body] = bodies
  if (body !== undefined) {
    if (bodies.some((other) => !sameSchema(other, body))) {
      throw new TwoBodiesError(where)
    }
    merged.body = body
  }
  if (merged.body !== undefined && merged.form !== undefined) {
    throw new JsonAndFormBodyError(where)
  }
  return merged
}

function mergeObjects(part: string, declared: readonly ParamsSpec[], where: string): JsonSchema {
  const properties: Record<string, unknown> = {}
  const required = new Set<string>()
  let closed = false
  for (const spec of declared) {
    const schema = toObjectSchema(part, spec)
    for (const [name, property] of Object.entries(schema.properties as Record<string, unknown>)) {
      if (name in properties && !sameSchema(properties[name], property)) {
        throw new ConflictingParamSchemasError(
          where,
          part === 'form' ? 'form field' : `${part} parameter`,
          name,
        )
      }
      properties[name] = property
    }
    for (const name of (schema.required as string[] | undefined) ?? []) required.add(name)
    closed ||= schema.additionalProperties === false
  }
  return {
    type: 'object',
    properties,
    ...(required.size > 0 && { required: [...required] }),
    ...(closed && { additionalProperties: false }),
  }
}

/** Schemas compared as JSON (TypeBox's symbol keys aside). */
function sameSchema(a: unknown, b: unknown): boolean {
  return a === b || isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)))
}
