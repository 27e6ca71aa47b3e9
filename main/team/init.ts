/**
 * `faceid-console team init`: the SQL a bank's DBA reviews (schema, roles, policies — the
 * migrations themselves, so what is printed is exactly what --apply runs) and a template for each
 * desk's login. Applying needs a role that may create schemas, extensions and roles.
 */
import pg from 'pg';
import type { ClientConfig } from 'pg';
import { migrateTeam } from './migrate';
import { migrationSql, MIGRATIONS_SCHEMA, MIGRATIONS_TABLE, TEAM_SCHEMA_VERSION } from './schema';

const DESK_TEMPLATE = `-- For each desk (replace the names; one login role per desk, never shared):
--   CREATE ROLE desk_jkt01 LOGIN PASSWORD '...' IN ROLE faceid_desk;
--   INSERT INTO faceid_team.desks (role_name, branch, desk) VALUES ('desk_jkt01', 'JKT', 'jkt01');
-- Head-office support agents and auditors:
--   CREATE ROLE support_anna LOGIN PASSWORD '...' IN ROLE faceid_support;
--   -- optional: support publishes its own calls (its replays of branch calls) as a head-office desk;
--   -- unmapped, its console reads every branch and keeps its own calls on its desk until mapped
--   INSERT INTO faceid_team.desks (role_name, branch, desk) VALUES ('support_anna', 'HQ', 'hq-support-anna');
--   CREATE ROLE audit_budi LOGIN PASSWORD '...' IN ROLE faceid_auditor;
-- Photo bytes are published only with this policy on, and only from desks that keep photos:
--   UPDATE faceid_team.meta SET value = 1 WHERE key = 'publish_photos';`;

/** The whole script for review: every migration's SQL in order, then the per-desk template. */
export function teamInitSql(): string {
  const table = `${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`;
  const parts = migrationSql().map((m) => `-- migration ${m.name}\n${m.up}\n`);
  // The same bookkeeping node-pg-migrate keeps, so a later --apply knows these ran.
  const book = `CREATE TABLE IF NOT EXISTS ${table} (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);\n${migrationSql()
    .map((m) => `INSERT INTO ${table} (name, run_on) VALUES ('${m.name.replace(/\.sql$/, '')}', now());`)
    .join('\n')}`;
  return `-- FaceID Console team history, schema version ${TEAM_SCHEMA_VERSION}\nBEGIN;\n\n${parts.join('\n')}\n${book}\n\nCOMMIT;\n\n${DESK_TEMPLATE}\n`;
}

/** Applies the migrations not yet applied to the database at `config`. */
export async function applyTeamInit(config: ClientConfig): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await migrateTeam(client);
  } finally {
    await client.end();
  }
}
