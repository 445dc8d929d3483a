import type { Page } from 'playwright-core';

/** The game's IndexedDB database (src/adapters/save-db.ts). */
export const SAVE_DB = 'negosim';

/**
 * Forgets everything the game stored in this browser: the localStorage save of older versions
 * and the IndexedDB database. The page must be on the site; the game's own connection closes
 * itself when asked (it lets a newer version, or this, have the database).
 */
export async function clearSave(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    localStorage.clear();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
    });
  }, SAVE_DB);
}

/** Every record of one store of the save, as the game wrote it. */
export async function savedRecords(
  page: Page,
  store: 'attempts' | 'state' | 'setAside',
): Promise<{ key: string; value: unknown }[]> {
  return page.evaluate(
    async ({ name, store }) => {
      // Never create the database here: the game must create it with its own stores.
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      });
      if (!db) return [];
      try {
        if (!db.objectStoreNames.contains(store)) return [];
        const tx = db.transaction(store, 'readonly');
        const keys = tx.objectStore(store).getAllKeys();
        const values = tx.objectStore(store).getAll();
        await new Promise((resolve) => (tx.oncomplete = resolve));
        return keys.result.map((key, i) => ({
          key: typeof key === 'string' ? key : JSON.stringify(key),
          value: values.result[i] as unknown,
        }));
      } finally {
        db.close();
      }
    },
    { name: SAVE_DB, store },
  );
}
