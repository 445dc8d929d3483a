import type { Kysely } from 'kysely';

/**
 * Migration 002: a class session may set the exam rehearsal's durations (docs/exam.md) — the
 * preparation en loge and the simulation, in seconds. Null keeps the official 40 and 20 minutes;
 * sessions created before read as null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('class_sessions').addColumn('prep_seconds', 'integer').execute();
  await db.schema.alterTable('class_sessions').addColumn('sim_seconds', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('class_sessions').dropColumn('sim_seconds').execute();
  await db.schema.alterTable('class_sessions').dropColumn('prep_seconds').execute();
}
