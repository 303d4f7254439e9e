import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'tests/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    typecheck: {
      enabled: true,
      include: [
        'packages/*/src/**/*.test-d.ts',
        'packages/*/test/**/*.test-d.ts',
        'apps/*/test/**/*.test-d.ts',
      ],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
  },
})
