/** Runs tasks one at a time across every tab of the game. */
export interface LockPort {
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/**
 * The Web Locks API where the browser has it: a write in one tab waits for a write in another.
 * (Each write is also one IndexedDB transaction, which the browser already serialises; the lock
 * keeps the migration and a set-aside copy with the writes that follow them.) Elsewhere — an
 * old browser, the tests — one queue for this page.
 */
export function browserLocks(): LockPort {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks?.request) return { run: (name, task) => locks.request(name, task) };
  return pageLocks();
}

export function pageLocks(): LockPort {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(_name: string, task: () => Promise<T>): Promise<T> {
      const run = queue.then(task);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
