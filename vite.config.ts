import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { precache } from './scripts/precache-plugin.ts';

/**
 * The game is a static site: relative base so it runs from any folder of any static host, and
 * no request leaves its own origin. Phaser is imported dynamically (src/game/stage), so it
 * lands in its own chunk; scenarios are lazy chunks too (src/game/catalog).
 *
 * `--mode e2e` (browser tests only) adds the test scenarios of tests/fixtures/e2e-scenarios —
 * e.g. one whose text holds HTML and <script> — to the library. Every other build gets an
 * empty list, so test content never ships.
 */
function extraScenarios(mode: string): Plugin {
  const id = 'virtual:negosim-extra-scenarios';
  return {
    name: 'negosim-extra-scenarios',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => {
      if (resolved !== `\0${id}`) return null;
      return mode === 'e2e'
        ? `export default import.meta.glob('/tests/fixtures/e2e-scenarios/*.json', { query: '?raw', import: 'default' });`
        : 'export default {};';
    },
  };
}

/**
 * Production builds take Phaser from its sources (src/game/stage/phaser-lite.js) with the
 * stage's feature flags: Canvas only, no sound, no 3D camera or Facebook plugin. `typeof FLAG`
 * is how Phaser's sources test them.
 */
const phaserFlags = {
  'typeof WEBGL_RENDERER': 'false',
  'typeof WEBGL_DEBUG': 'false',
  'typeof CANVAS_RENDERER': 'true',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode, command }) => ({
  base: './',
  ...(command === 'build'
    ? {
        define: phaserFlags,
        resolve: {
          alias: [
            { find: /^phaser$/, replacement: here('./src/game/stage/phaser-lite.js') },
            { find: /^phaser-src\//, replacement: here('./node_modules/phaser/src/') },
          ],
        },
      }
    : {}),
  plugins: [extraScenarios(mode), precache()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The game, and the teacher pages of the classroom server (a separate front end).
      input: { main: 'index.html', teacher: 'teacher.html' },
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
