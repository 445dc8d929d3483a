import type { Migrator } from '../versioning/migrations.ts';
import { FORMAT_VERSION } from './format.ts';

/**
 * Scenario format migrations. Version 1 is the first published format, so none exist yet.
 * To change the format: bump FORMAT_VERSION, add `{ from: 1, description, up }` here, and add
 * tests/fixtures/migrations/scenario/1/{before,after}.json — the meta-test refuses a
 * migration without its fixture.
 */
export const scenarioMigrator: Migrator = {
  kind: 'scenario',
  current: FORMAT_VERSION,
  versionField: 'formatVersion',
  migrations: [],
};
