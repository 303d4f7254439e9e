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
import { type BodySpec, isBodyParts } from '../schema/body-parts.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { type ParamsSpec, toObjectSchema } from '../schema/parts.ts'
import type { AnyDependency, DependencySpec, SecurityRequirement } from '../spec/dependency.ts'
import type { DependencyOverrides } from './overrides.ts'

/** The scopes required above and at a use of a dependency (`withScopes`), as FastAPI's `SecurityScopes`. */
export interface SecurityScopes {
  readonly scopes: readonly string[]
  /** The scopes joined by spaces, as a `WWW-Authenticate` challenge writes them. */
  readonly scopeStr: string
}

/** One use of a dependency in the graph, with its sub-dependencies resolved to nodes. */
export interface DependencyNode {
  /** The dependency that runs: the original, or its override. */
  readonly dependency: AnyDependency
  readonly cache: boolean
  /**
   * What the per-request cache keys this use by: the dependency, or, where scopes are required, one key per
   * dependency and scopes (FastAPI caches `Security(dep, scopes)` uses apart).
   */
  readonly cacheKey: object
  readonly securityScopes: SecurityScopes
  readonly subs: readonly (readonly [name: string, node: DependencyNode])[]
}

export interface DependencyPlan {
  /** Run for their effect, outer first (app, routers, route `dependencies`). */
  readonly effects: readonly DependencyNode[]
  /** The route's `deps`, injected by name. */
  readonly named: readonly (readonly [name: string, node: DependencyNode])[]
  /** Every dependency that runs, once each, in the order first met (parameters, security). */
  readonly all: readonly AnyDependency[]
  /**
   * The security schemes the route's dependencies use, one per scheme name in the order first met, each
   * with every scope required of it anywhere in the graph.
   */
  readonly security: readonly SecurityRequirement[]
}

export const NO_SCOPES: SecurityScopes = Object.freeze({ scopes: Object.freeze([]), scopeStr: '' })

export const EMPTY_PLAN: DependencyPlan = { effects: [], named: [], all: [], security: [] }

/** One cache key per dependency and scopes, the same object for every route. */
const scopedKeys = new WeakMap<AnyDependency, Map<string, object>>()

function cacheKeyOf(dependency: AnyDependency, scopes: SecurityScopes): object {
  if (scopes.scopes.length === 0) return dependency
  const keys = scopedKeys.get(dependency) ?? new Map<string, object>()
  scopedKeys.set(dependency, keys)
  const key = keys.get(scopes.scopeStr) ?? Object.freeze({ dependency, scopes: scopes.scopeStr })
  keys.set(scopes.scopeStr, key)
  return key
}

function addScopes(current: SecurityScopes, added: readonly string[]): SecurityScopes {
  const scopes = [...new Set([...current.scopes, ...added])]
  if (scopes.length === current.scopes.length) return current
  return Object.freeze({ scopes: Object.freeze(scopes), scopeStr: scopes.join(' ') })
}

export function planDependencies(
  effects: readonly AnyDependency[],
  named: Readonly<Record<string, AnyDependency>> | undefined,
  overrides: DependencyOverrides,
  where: string,
): DependencyPlan {
  const namedEntries = Object.entries(named ?? {})
  if (effects.length === 0 && namedEntries.length === 0) return EMPTY_PLAN
  const all: AnyDependency[] = []
  const security = new Map<string, SecurityRequirement>()
  const visit = (
    original: AnyDependency,
    path: readonly AnyDependency[],
    above: SecurityScopes,
  ): DependencyNode => {
    let dependency = overrides.resolve(original)
    let scopes = above
    // A `withScopes` use (of a use...): the dependency it names runs, overrides applied, with its scopes.
    while (dependency.use !== undefined) {
      scopes = addScopes(scopes, dependency.use.scopes)
      dependency = overrides.resolve(dependency.use.dependency)
    }
    if (path.includes(dependency)) {
      throw new DependencyCycleError(where)
    }
    if (!all.includes(dependency)) all.push(dependency)
    if (dependency.security !== undefined) requireScheme(security, dependency.security, scopes)
    const inner = [...path, dependency]
    const subs = Object.entries(dependency.spec.deps ?? {}).map(
      ([name, sub]) => [name, visit(sub, inner, scopes)] as const,
    )
    return {
      dependency,
      cache: dependency.spec.cache !== false,
      cacheKey: cacheKeyOf(dependency, scopes),
      securityScopes: scopes,
      subs,
    }
  }
  return {
    effects: effects.map((dependency) => visit(dependency, [], NO_SCOPES)),
    named: namedEntries.map(([name, dependency]) => [name, visit(dependency, [], NO_SCOPES)] as const),
    all,
    security: [...security.values()],
  }
}

/** Records a scheme's use, its scopes added to those already required of it. */
function requireScheme(
  security: Map<string, SecurityRequirement>,
  scheme: SecurityRequirement,
  scopes: SecurityScopes,
): void {
  const known = security.get(scheme.name)
  const required = [...new Set([...(known?.scopes ?? scheme.scopes), ...scopes.scopes])]
  security.set(scheme.name, { ...(known ?? scheme), scopes: required })
}

/** The request parts a route reads: its own merged with those of every dependency it runs. */
export interface MergedParts {
  readonly path?: ParamsSpec
  readonly query?: ParamsSpec
  readonly headers?: ParamsSpec
  readonly cookies?: ParamsSpec
  readonly form?: ParamsSpec
  readonly body?: BodySpec
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
  const bodies = specs.map((spec) => spec.body).filter((body): body is BodySpec => body !== undefined)
  if (bodies.length > 0) merged.body = mergeBodies(bodies, where)
  if (merged.body !== undefined && merged.form !== undefined) {
    throw new JsonAndFormBodyError(where)
  }
  return merged
}

/**
 * One body for the route: the same schema everywhere, or named parts, which add up (as FastAPI embeds the
 * body parameters of a route and its dependencies in one object); a part read twice must have one schema.
 */
function mergeBodies(bodies: readonly BodySpec[], where: string): BodySpec {
  const [first] = bodies as [BodySpec, ...BodySpec[]]
  if (bodies.length > 1 && bodies.every(isBodyParts)) {
    const parts: Record<string, TSchema> = {}
    for (const body of bodies) {
      for (const [name, part] of Object.entries(body)) {
        if (name in parts && !sameSchema(parts[name], part)) {
          throw new ConflictingParamSchemasError(where, 'body part', name)
        }
        parts[name] = part
      }
    }
    return parts
  }
  if (bodies.some((other) => !sameSchema(other, first))) throw new TwoBodiesError(where)
  return first
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
