import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { isPostgresUrl } from '../../server/db/database.ts';
import { packageRoot } from '../package-root.ts';
import { EXIT, type CliIO } from '../io.ts';

/** The project's own folder: scenarios and the built game live beside the command. */
const PACKAGE_ROOT = packageRoot();
export const DEFAULT_PORT = 8080;

/**
 * `negosim serve`: the classroom server with zero configuration. SQLite in ./data/ unless
 * DATABASE_URL names a PostgreSQL database; the built game (built first if dist/ lacks it) and
 * the API on one address; 127.0.0.1 unless --host says otherwise (a class needs --host 0.0.0.0,
 * see docs/classroom.md). Runs until Ctrl+C.
 */
export async function runServe(
  args: string[],
  io: CliIO,
  t: TFunction,
  env: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'new-setup-link': { type: 'boolean' },
        'no-build': { type: 'boolean' },
      },
    }).values;
  } catch {
    io.err(t('cli:usage'));
    return EXIT.usage;
  }
  const port = values.port === undefined ? Number(env.PORT ?? DEFAULT_PORT) : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(t('cli:usage'));
    return EXIT.usage;
  }
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const siteDir = join(PACKAGE_ROOT, 'dist');
  if (!values['no-build'] && !(existsSync(join(siteDir, 'index.html')) && existsSync(join(siteDir, 'teacher.html')))) {
    io.err(t('cli:serve.building'));
    const { build } = await import('vite');
    await build({ root: PACKAGE_ROOT, logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
  }
  const url = env.DATABASE_URL;
  const database = isPostgresUrl(url) ? { url } : { file: resolve(io.cwd, values.data ?? 'data', 'negosim.sqlite') };
  const { startServer } = await import('../../server/start.ts');
  let running;
  try {
    running = await startServer({
      host,
      port,
      database,
      scenariosDir: join(PACKAGE_ROOT, 'scenarios'),
      siteDir,
      teacherToken: env.NEGOSIM_TEACHER_TOKEN,
      newSetupLink: values['new-setup-link'] === true,
      log: (message) => io.err(message),
    });
  } catch (error) {
    io.err(t('cli:serve.failed', { reason: error instanceof Error ? error.message : String(error) }));
    return EXIT.failure;
  }
  io.out(t('cli:serve.started', { url: running.url }));
  io.out(t(database.file ? 'cli:serve.sqlite' : 'cli:serve.postgres', { file: database.file ?? '' }));
  io.out(t('cli:serve.teacher', { url: `${running.url}teacher.html` }));
  if (running.setupUrl) io.out(t('cli:serve.setup', { url: running.setupUrl }));
  if (host === '127.0.0.1' || host === 'localhost') io.out(t('cli:serve.localOnly'));
  else io.out(t('cli:serve.students', { urls: running.joinUrls.join('  ') }));
  io.out(t('cli:serve.stop'));

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await running.close();
  return EXIT.ok;
}
