/**
 * @module
 * TypeScript entries are loaded through tsx (a dependency of fastbox), registered once in the process with
 * Node's module hooks. The workspace's launcher (`bin/fastbox.js`) has registered it already.
 */

const kRegistered = Symbol.for('fastbox.tsx-registered')

type Flagged = typeof globalThis & { [kRegistered]?: boolean }

export async function useTypeScript(): Promise<void> {
  const global = globalThis as Flagged
  if (global[kRegistered] === true) return
  const { register } = await import('tsx/esm/api')
  register()
  global[kRegistered] = true
}
