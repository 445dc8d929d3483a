import { migrate, type JsonObject } from '../versioning/migrations.ts';
import { PlaythroughFileSchema, type PlaythroughFile } from './format.ts';
import { playthroughsMigrator } from './migrations.ts';

/** Reads a playthrough file of any published version; the problem in words when it cannot. */
export function readPlaythroughs(doc: unknown): { file: PlaythroughFile } | { problem: string } {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { problem: 'not a JSON object' };
  const migrated = migrate(playthroughsMigrator, doc as JsonObject);
  if (!migrated.ok) return { problem: `formatVersion: ${migrated.problem}` };
  const parsed = PlaythroughFileSchema.safeParse(migrated.doc);
  if (!parsed.success)
    return {
      problem: parsed.error.issues
        .slice(0, 3)
        .map((i) => `/${i.path.join('/')}: ${i.message}`)
        .join('; '),
    };
  return { file: parsed.data };
}
