/**
 * A classroom server in a process of its own, for tests that kill it (SIGKILL) or run several
 * instances: `tsx server-process.ts <port> <sqlite file | postgres url>`. Prints "ready" once it
 * listens.
 */
import { join } from 'node:path';
import { startServer } from '../../../src/server/start.ts';

const [port, target] = process.argv.slice(2);
const database = target?.startsWith('postgres') ? { url: target } : { file: target ?? ':memory:' };
const running = await startServer({
  host: '127.0.0.1',
  port: Number(port),
  database,
  scenariosDir: join(import.meta.dirname, '..', '..', '..', 'scenarios'),
  teacherToken: process.env.NEGOSIM_TEACHER_TOKEN,
  limits: { join: 10_000, upload: 10_000 },
});
process.stdout.write(`ready ${running.url}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
