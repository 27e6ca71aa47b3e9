/**
 * Applies the team schema's migrations with node-pg-migrate. Kept apart from schema.ts so the
 * console, which only checks the version, never loads the migration tool.
 */
import type { ClientBase } from 'pg';
import { runner } from 'node-pg-migrate';
import { MIGRATIONS_SCHEMA, MIGRATIONS_TABLE, migrationsDir } from './schema';

/** Applies every migration not yet applied (as the connected role, which must own the schema). */
export async function migrateTeam(client: ClientBase): Promise<void> {
  await runner({
    dbClient: client,
    dir: migrationsDir(),
    migrationsTable: MIGRATIONS_TABLE,
    migrationsSchema: MIGRATIONS_SCHEMA,
    createMigrationsSchema: true,
    direction: 'up',
    checkOrder: true,
    log: () => {},
  });
}
