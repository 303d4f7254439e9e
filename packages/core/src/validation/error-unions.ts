/**
 * @module
 * Unions: Ajv reports every branch's errors plus one `anyOf` (or `oneOf`) error. Report what the input was
 * meant to be instead: the errors of the only branch whose shape it has (nulls aside), a literal error for
 * a union of literals, or one `union_mismatch` item.
 */
import type { ErrorObject } from 'ajv'
import type { JsonSchema } from '../schema/json-schema.ts'

/**
 * The errors with each failed union's run (its branches' errors and its own) replaced: by the errors of
 * the branch the input was meant for, by one `enum` error (a union of literals), or by one error of
 * keyword `union` (mapped to `union_mismatch`).
 */
export function collapseUnions(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  if (!errors.some(isUnionError)) return errors
  // Ajv reports a failed union right after the errors of its branches, which form one run (an inner union's
  // run and replacement inside the outer's). One pass, so a list of many failed unions stays linear.
  const result: ErrorObject[] = []
  for (const error of errors) {
    if (!isUnionError(error)) {
      result.push(error)
      continue
    }
    let start = result.length
    while (start > 0 && isBranchError(result[start - 1] as ErrorObject, error)) start--
    for (const item of replaceUnion(error, result.splice(start))) result.push(item)
  }
  return result
}

/**
 * True for an error of the union's branches: at or under the union's data path, and either inside the
 * union's schema path or from another schema document (a shared schema a branch refers to by `$ref`,
 * whose errors have paths of their own).
 */
function isBranchError(error: ErrorObject, union: ErrorObject): boolean {
  const at = union.instancePath
  if (error.instancePath !== at && !error.instancePath.startsWith(`${at}/`)) return false
  if (error.schemaPath.startsWith(`${union.schemaPath}/`)) return true
  return !error.schemaPath.startsWith(union.schemaPath.slice(0, union.schemaPath.indexOf('/') + 1))
}

function replaceUnion(union: ErrorObject, branchErrors: ErrorObject[]): ErrorObject[] {
  const branches = ((union.schema ?? []) as JsonSchema[]).map((branch, index) => ({ branch, index }))
  if (branches.length > 0 && branches.every(({ branch }) => 'const' in branch)) {
    return [
      { ...union, keyword: 'enum', params: { allowedValues: branches.map(({ branch }) => branch.const) } },
    ]
  }
  const owners = branchOwners(union, branches, branchErrors)
  const errorsOf = (index: number) => branchErrors.filter((_, at) => owners[at] === index)
  // A branch "fits" unless the input failed its type or literal at the union's location, or a literal
  // property (a discriminator such as `kind: t.Literal('a')`) right under it.
  const fits = branches.filter(({ branch, index }) => {
    if (branch.type === 'null') return false
    return !errorsOf(index).some((error) => isMisfit(error, union.instancePath))
  })
  if (fits.length === 1) return errorsOf((fits[0] as { index: number }).index)
  const nonNull = branches.filter(({ branch }) => branch.type !== 'null')
  if (nonNull.length === 1) return errorsOf((nonNull[0] as { index: number }).index)
  return [{ ...union, keyword: 'union', params: {} }]
}

/**
 * The branch of each error: read from its schema path (`.../anyOf/1/...`, or the `$ref` a branch names);
 * an error from a schema deeper down a reference belongs to the branch of the error before it.
 */
function branchOwners(
  union: ErrorObject,
  branches: readonly { branch: JsonSchema; index: number }[],
  errors: readonly ErrorObject[],
): number[] {
  const prefix = `${union.schemaPath}/`
  const owners: number[] = []
  let current = -1
  for (const error of errors) {
    const path = error.schemaPath
    let owner = -1
    if (path.startsWith(prefix)) owner = Number.parseInt(path.slice(prefix.length), 10)
    else {
      for (const { branch, index } of branches) {
        for (const ref of refsIn(branch))
          if (path.startsWith(`${ref}/`) || path.startsWith(`${ref}#`)) owner = index
      }
    }
    if (owner !== -1) current = owner
    owners.push(current)
  }
  const first = owners.find((owner) => owner !== -1) ?? 0
  return owners.map((owner) => (owner === -1 ? first : owner))
}

/**
 * The shared schemas a branch refers to, at any depth of its own document (`nullable(t.Array(Image))` refers
 * to `Image` from its items): an error reported inside one of them belongs to that branch.
 */
function refsIn(branch: JsonSchema): Set<string> {
  let refs = refsByBranch.get(branch)
  if (refs === undefined) {
    refs = new Set()
    collectRefs(branch, refs)
    refsByBranch.set(branch, refs)
  }
  return refs
}

const refsByBranch = new WeakMap<JsonSchema, Set<string>>()

function collectRefs(node: unknown, refs: Set<string>): void {
  if (typeof node !== 'object' || node === null) return
  if (Array.isArray(node)) {
    for (const child of node) collectRefs(child, refs)
    return
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') refs.add(value)
    else if (key !== 'const' && key !== 'enum' && key !== 'default' && key !== 'examples')
      collectRefs(value, refs)
  }
}

function isMisfit(error: ErrorObject, at: string): boolean {
  if (error.instancePath === at) return SHAPE_KEYWORDS.has(error.keyword)
  if (error.keyword !== 'const' && error.keyword !== 'enum') return false
  const child = error.instancePath.slice(at.length)
  return child.startsWith('/') && child.indexOf('/', 1) === -1
}

const SHAPE_KEYWORDS = new Set(['type', 'const', 'enum', 'union'])

function isUnionError(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf'
}
