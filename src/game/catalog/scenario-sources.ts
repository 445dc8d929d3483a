import extra from 'virtual:negosim-extra-scenarios';

/**
 * Where the library's scenarios come from: every scenarios/*.json (not the playthrough files,
 * schemas or referentials, which live beside or below them), each a lazy chunk read as text so
 * the save can fingerprint exactly what was played. Test builds add their fixtures.
 */
const bundled = import.meta.glob(['/scenarios/*.json', '!/scenarios/*.playthroughs.json'], {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

export const scenarioSources: Record<string, () => Promise<string>> = { ...bundled, ...extra };
