/**
 * @module
 * TypeScript entries are loaded through tsx, registered once in the process with Node's module hooks (Node 20
 * cannot strip types itself). tsx is an optional peer dependency: a project that runs compiled JavaScript does
 * not install esbuild for nothing. The workspace's launcher (`bin/fastbox.js`) has registered it already.
 */

const kRegistered = Symbol.for('fastbox.tsx-registered')

type Flagged = typeof globalThis & { [kRegistered]?: boolean }

export async function useTypeScript(): Promise<void> {
  const global = globalThis as Flagged
  if (global[kRegistered] === true) return
  let tsx: typeof import('tsx/esm/api')
  try {
    tsx = await import('tsx/esm/api')
  } catch {
    throw new Error(
      'A TypeScript entry needs tsx: install it (npm install --save-dev tsx), or compile with tsc and run the .js file.',
    )
  }
  tsx.register()
  global[kRegistered] = true
}
