import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'core', include: ['src/app/packages/core/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'hubspot', include: ['src/app/packages/hubspot/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'walk', include: ['src/app/packages/walk/**/*.test.ts'] } },
      { extends: true, test: { name: 'sandbox', include: ['tools/sandbox/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['tools/cli/**/*.test.ts', 'tools/workflow-snippet/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: [
            'src/app/packages/function-calls/**/*.test.ts',
            'src/app/cards/**/*.test.{ts,tsx}',
            'src/app/pages/**/*.test.{ts,tsx}',
            'src/app/settings/**/*.test.{ts,tsx}',
            'platform-2026.09/**/*.test.{ts,tsx}',
          ],
        },
      },
      { extends: true, test: { name: 'functions', include: ['src/app/functions/**/*.test.ts'] } },
      { extends: true, test: { name: 'suites', include: ['test/**/*.test.{ts,tsx}'] } },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
