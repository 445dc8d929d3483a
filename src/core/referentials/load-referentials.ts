import { diagnostic, type Diagnostic } from '../diagnostics/codes.ts';
import { withIdPaths } from '../diagnostics/id-paths.ts';
import { schemaDiagnostics } from '../scenario/schema-issues.ts';
import { packProblems, taxonomyProblems } from './consistency.ts';
import { migrate, type JsonObject } from '../versioning/migrations.ts';
import { ReferentialPackSchema, SkillTaxonomySchema, type ReferentialPack } from './formats.ts';
import { packMigrator } from './migrations.ts';
import { skillBook, type SkillBook } from './skill-book.ts';

/**
 * The pack every mark of a version-1 save was given under: v1 knew only the NRC referential.
 * A historical fact about old files, kept here with the other pack knowledge so that no rule
 * elsewhere names a pack; the save migration reads it.
 */
export const V1_SAVE_PACK_ID = 'nrc';

/** The skill taxonomy and the referential packs a visit can be marked on, in order of preference. */
export interface Referentials {
  skills: SkillBook;
  /** The first pack is the one offered first (today's diploma). */
  packs: readonly ReferentialPack[];
  pack(id: string): ReferentialPack | undefined;
}

export interface ReferentialSources {
  skills: { file: string; doc: unknown };
  packs: readonly { file: string; doc: unknown }[];
}

/**
 * Reads the taxonomy and the packs. Never throws: a broken file gives coded diagnostics with the
 * file and the JSON path, like a broken scenario, and no referentials (nothing can be marked
 * without them). A broken pack alone is left out; the others load.
 */
export function loadReferentials(sources: ReferentialSources): {
  referentials: Referentials | null;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const inFile = (file: string, list: Diagnostic[], doc?: unknown) =>
    withIdPaths(list, doc).map((d) => ({ ...d, file }));
  const taxonomy = SkillTaxonomySchema.safeParse(sources.skills.doc);
  if (!taxonomy.success) {
    diagnostics.push(
      ...inFile(sources.skills.file, schemaDiagnostics(taxonomy.error.issues, sources.skills.doc), sources.skills.doc),
    );
    return { referentials: null, diagnostics };
  }
  const taxonomyIssues = taxonomyProblems(taxonomy.data);
  if (taxonomyIssues.length > 0) {
    diagnostics.push(
      ...inFile(
        sources.skills.file,
        taxonomyIssues.map((skill) => diagnostic('NS060', '/skills', { skill })),
      ),
    );
    return { referentials: null, diagnostics };
  }
  const packs: ReferentialPack[] = [];
  for (const source of sources.packs) {
    const isObject = typeof source.doc === 'object' && source.doc !== null && !Array.isArray(source.doc);
    const migrated = isObject ? migrate(packMigrator, source.doc as JsonObject) : null;
    if (migrated && !migrated.ok) {
      const found = typeof migrated.found === 'number' ? migrated.found : (JSON.stringify(migrated.found) ?? '');
      const code = migrated.problem === 'too-new' ? 'NS011' : migrated.problem === 'missing' ? 'NS010' : 'NS012';
      diagnostics.push(
        ...inFile(source.file, [diagnostic(code, '/formatVersion', { found, supported: packMigrator.current })]),
      );
      continue;
    }
    const parsed = ReferentialPackSchema.safeParse(migrated ? migrated.doc : source.doc);
    if (!parsed.success) {
      const shaped = migrated?.doc ?? source.doc;
      diagnostics.push(...inFile(source.file, schemaDiagnostics(parsed.error.issues, shaped), shaped));
      continue;
    }
    const problems = packProblems(parsed.data, taxonomy.data);
    if (problems.length > 0) {
      diagnostics.push(
        ...inFile(
          source.file,
          problems.map(({ rule, ...params }) => diagnostic('NS061', '', { rule, ...params })),
        ),
      );
      continue;
    }
    if (packs.some((p) => p.id === parsed.data.id)) {
      diagnostics.push(...inFile(source.file, [diagnostic('NS062', '/id', { id: parsed.data.id })]));
      continue;
    }
    packs.push(parsed.data);
  }
  if (packs.length === 0) return { referentials: null, diagnostics };
  const byId = new Map(packs.map((p) => [p.id, p]));
  return { referentials: { skills: skillBook(taxonomy.data), packs, pack: (id) => byId.get(id) }, diagnostics };
}
