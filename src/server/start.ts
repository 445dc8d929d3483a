import { networkInterfaces } from 'node:os';
import { buildServer, type ClassroomServer, type ServerOptions } from './app.ts';

export interface StartOptions extends Omit<ServerOptions, 'joinBase'> {
  host: string;
  port: number;
  /** Print a new one-time setup link even when the teacher account exists (forgotten password). */
  newSetupLink?: boolean;
}

export interface RunningServer {
  server: ClassroomServer;
  /** Where the server answers on this machine. */
  url: string;
  /** The addresses to give students (the LAN ones when listening beyond loopback). */
  joinUrls: string[];
  /** The one-time link that creates (or resets) the teacher account, when one was made. */
  setupUrl: string | null;
  close(): Promise<void>;
}

/** The machine's own LAN addresses (IPv4, not loopback): what students type or scan. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** Builds the server, listens, and works out the links to print. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  let joinUrls: string[] = [];
  const server = await buildServer({ ...options, joinBase: () => joinUrls });
  let address: string;
  try {
    address = await server.app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await server.close();
    throw error;
  }
  const port = new URL(address).port;
  const local = WILDCARDS.has(options.host)
    ? '127.0.0.1'
    : options.host.includes(':')
      ? `[${options.host}]`
      : options.host;
  const url = `http://${local}:${port}/`;
  joinUrls = WILDCARDS.has(options.host) ? [...lanAddresses().map((ip) => `http://${ip}:${port}/`), url] : [url];
  const needsSetup = options.newSetupLink || !(await server.classroom.store.teacher());
  const setupUrl = needsSetup ? `${url}teacher.html#setup=${await server.auth.newSetupToken()}` : null;
  return { server, url, joinUrls, setupUrl, close: () => server.close() };
}
