/** What a command needs from the outside world; tests pass fakes, bin/negosim passes the process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Lines typed by the user (interactive play); undefined when stdin is closed. */
  readLine?(prompt: string): Promise<string | undefined>;
  /** Working directory used to resolve relative paths. */
  cwd: string;
}

/** Exit codes: 0 success, 1 invalid input or failing content, 2 wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
