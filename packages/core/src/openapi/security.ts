/**
 * @module
 * Security in the document, from the security requirements of the dependencies that run for each route (the
 * same ones that check the credentials): every scheme under `components.securitySchemes`, each operation's
 * `security` list (where Swagger UI's "Authorize" and client generators find them), and the `401` the
 * scheme's dependency answers, with its `WWW-Authenticate` challenge.
 */
import { isDeepStrictEqual } from 'node:util'
import type { RouteModel } from '../analysis/model.ts'
import { DuplicateSecuritySchemeError } from '../http/fastbox-errors.ts'
import { plain } from './plain.ts'
import type { SecurityRequirementObject } from './types.ts'

export interface RouteSecurity {
  /** The operation's `security`: one entry per scheme, in the order its dependencies run. */
  readonly requirements: SecurityRequirementObject[]
  /** The challenges of those schemes (`Bearer`, `Basic`, `APIKey`), for the 401's header. */
  readonly challenges: string[]
}

/**
 * The security of a route; registers each scheme in `schemes` (two different ones under one name throw).
 * The scopes of every use of a scheme are merged and sorted.
 */
export function routeSecurity(
  route: RouteModel,
  schemes: Map<string, unknown>,
  where: string,
): RouteSecurity {
  const scopes = new Map<string, Set<string>>()
  const challenges = new Set<string>()
  // The plan's requirements carry the scopes `withScopes` adds anywhere along the graph.
  for (const security of route.dependencies.security) {
    const scheme = plain(security.scheme)
    const known = schemes.get(security.name)
    if (known === undefined) schemes.set(security.name, scheme)
    else if (!isDeepStrictEqual(known, scheme)) {
      throw new DuplicateSecuritySchemeError(security.name, where)
    }
    challenges.add(challengeOf(scheme))
    const set = scopes.get(security.name) ?? new Set<string>()
    for (const scope of security.scopes) set.add(scope)
    scopes.set(security.name, set)
  }
  return {
    requirements: [...scopes].map(([name, set]) => ({ [name]: [...set].sort() })),
    challenges: [...challenges],
  }
}

/** The `WWW-Authenticate` scheme Fastbox's security dependencies send for a scheme of this kind. */
function challengeOf(scheme: Readonly<Record<string, unknown>>): string {
  if (scheme.type === 'apiKey') return 'APIKey'
  if (scheme.type === 'http' && typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'basic')
    return 'Basic'
  return 'Bearer'
}

/** The raw `headers` of a 401 response schema, in @fastify/swagger's form. */
export function authenticateHeader(challenges: readonly string[]): Record<string, unknown> {
  const list = challenges.map((challenge) => `\`${challenge}\``).join(' or ')
  return {
    'WWW-Authenticate': {
      type: 'string',
      description: `The authentication scheme to use: ${list}.`,
    },
  }
}
