#!/usr/bin/env node
// The workspace's launcher: runs the CLI from its TypeScript source through tsx. The published package's
// `bin` is the built `dist` file instead (see the package's publishConfig).
import { register } from 'tsx/esm/api'

register()
globalThis[Symbol.for('fastbox.tsx-registered')] = true
await import('../src/cli/main.ts')
