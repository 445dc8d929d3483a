import { EventEmitter } from 'node:events';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.ts';

/**
 * "Something changed in session X": the board listens and fetches again. With SQLite there is
 * one server, so an in-process emitter is enough; with PostgreSQL several instances share the
 * database and hear each other through LISTEN/NOTIFY on one channel.
 */
export interface LiveBus {
  publish(sessionId: string): Promise<void>;
  subscribe(sessionId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

export const LIVE_CHANNEL = 'negosim_live';

export function localBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (sessionId) => {
      emitter.emit(sessionId);
      return Promise.resolve();
    },
    subscribe: (sessionId, listener) => {
      emitter.on(sessionId, listener);
      return () => emitter.off(sessionId, listener);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * PostgreSQL fan-out. Publishing is a parameterised `pg_notify` through Kysely; one dedicated
 * connection per instance LISTENs (and reconnects if the database drops it). A notification
 * reaches every instance, this one included, so local listeners are only called from there.
 */
export async function postgresBus(
  db: Kysely<Database>,
  url: string,
  log: (message: string) => void = () => undefined,
): Promise<LiveBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === LIVE_CHANNEL && n.payload) emitter.emit(n.payload);
    });
    c.on('error', (error) => {
      log(`live updates: the LISTEN connection failed (${error.message}); reconnecting`);
      client = null;
      c.end().catch(() => undefined);
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${LIVE_CHANNEL}`);
    client = c;
  };
  await connect();

  return {
    publish: async (sessionId) => {
      await sql`select pg_notify(${LIVE_CHANNEL}, ${sessionId})`.execute(db);
    },
    subscribe: (sessionId, listener) => {
      emitter.on(sessionId, listener);
      return () => emitter.off(sessionId, listener);
    },
    close: async () => {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
