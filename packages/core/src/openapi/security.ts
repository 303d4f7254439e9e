/**
 * @module
 * Security in the document, from the security requirements of the dependencies that run for each route (the
 * same ones that check the credentials): every scheme under `components.securitySchemes`, and each
 * operation's `security` list, where Swagger UI's "Authorize" and client generators find them.
 */
import { isDeepStrictEqual } from 'node:util'
import type { RouteModel } from '../analysis/model.ts'
import { DuplicateSecuritySchemeError } from '../http/fastbox-errors.ts'
import { plain } from './plain.ts'
import type { SecurityRequirementObject, SecuritySchemeObject } from './types.ts'

/** Collects the schemes of one document; an operation's requirements are read with {@link operationSecurity}. */
export class SecuritySchemes {
  readonly #schemes = new Map<string, SecuritySchemeObject>()

  /**
   * The operation's `security`: one entry per scheme, in the order its dependencies run, the scopes of every
   * use of a scheme merged and sorted. Registers each scheme; two different ones under one name throw.
   */
  operationSecurity(route: RouteModel, where: string): SecurityRequirementObject[] {
    const scopes = new Map<string, Set<string>>()
    for (const security of route.dependencies.security) {
      this.#add(security.name, plain(security.scheme) as unknown as SecuritySchemeObject, where)
      const set = scopes.get(security.name) ?? new Set<string>()
      for (const scope of security.scopes) set.add(scope)
      scopes.set(security.name, set)
    }
    return [...scopes].map(([name, set]) => ({ [name]: [...set].sort() }))
  }

  /** `components.securitySchemes`, in the order the schemes were met; empty when no route has one. */
  components(): Record<string, SecuritySchemeObject> {
    return Object.fromEntries(this.#schemes)
  }

  #add(name: string, scheme: SecuritySchemeObject, where: string): void {
    const known = this.#schemes.get(name)
    if (known === undefined) this.#schemes.set(name, scheme)
    else if (!isDeepStrictEqual(known, scheme)) {
      throw new DuplicateSecuritySchemeError(name, where)
    }
  }
}
