// Builds the `negosim` command into dist-cli/ (run by `npm ci` through `prepare`, and before the
// tests): one ES module per command, dependencies bundled, so `npx negosim` starts as fast as
// Node itself allows — no TypeScript compiler at run time. The game has its own build (dist/).
import { build } from 'vite';

const SERVER_PACKAGES = [
  'vite',
  'fastify',
  '@fastify/cookie',
  '@fastify/rate-limit',
  '@fastify/static',
  'better-sqlite3',
  'kysely',
  'pg',
  'qrcode',
];

await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    // Less code to parse at start-up; names are kept so a stack trace (a bug) still reads.
    minify: { compress: true, mangle: false },
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // The classroom server's packages (a native SQLite binding among them) and Vite (which builds
      // the game when dist/ is missing) load from node_modules, and only for `negosim serve`.
      external: (id) => SERVER_PACKAGES.some((p) => id === p || id.startsWith(`${p}/`)),
      output: { format: 'es', entryFileNames: 'negosim.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  // Everything but Node's own modules goes into the bundle: nothing is resolved at start-up.
  ssr: { noExternal: true, target: 'node' },
});
