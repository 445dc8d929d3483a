import { defineConfig } from 'vitest/config';

// Unit and property tests run in Node without Phaser (it cannot load there); the real-browser
// tests live in tests/e2e and drive Debian's chromium through playwright-core.
// The JSON report is what .ci/run counts for its final "N passed, N failed" line.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/build-cli.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
