/**
 * A team database on a private cluster, migrated with the console's own migrations, with the
 * roles a bank would create: two branch desks, a support agent and an auditor.
 */
import pg from 'pg';
import { migrateTeam } from '../../main/team/migrate';
import { startCluster, type PgCluster } from './pg-cluster';

export interface TeamRole {
  user: string;
  password: string;
}

export interface TeamFixture {
  cluster: PgCluster;
  database: string;
  deskA: TeamRole;
  deskB: TeamRole;
  support: TeamRole;
  auditor: TeamRole;
  /** Creates one more desk login in a branch. */
  addDesk(user: string, branch: string, desk: string): Promise<TeamRole>;
  config(role: TeamRole, port?: number): pg.ClientConfig;
  /** Runs a query as the database owner (the DBA). */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startTeam(): Promise<TeamFixture> {
  const cluster = await startCluster();
  const database = 'faceid';
  await cluster.createDatabase(database);
  const owner = await cluster.admin(database);
  await migrateTeam(owner);
  const addDesk = async (user: string, branch: string, desk: string): Promise<TeamRole> => {
    const password = `pw-${user}-${Math.random().toString(36).slice(2)}`;
    await owner.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}' IN ROLE faceid_desk`);
    await owner.query('INSERT INTO faceid_team.desks (role_name, branch, desk) VALUES ($1, $2, $3)', [user, branch, desk]);
    return { user, password };
  };
  const login = async (user: string, group: string): Promise<TeamRole> => {
    const password = `pw-${user}-${Math.random().toString(36).slice(2)}`;
    await owner.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}' IN ROLE ${group}`);
    return { user, password };
  };
  const deskA = await addDesk('desk_jkt1', 'JKT', 'jkt-desk-1');
  const deskB = await addDesk('desk_sby1', 'SBY', 'sby-desk-1');
  const support = await login('support_hq', 'faceid_support');
  const auditor = await login('auditor_hq', 'faceid_auditor');
  return {
    cluster,
    database,
    deskA,
    deskB,
    support,
    auditor,
    addDesk,
    config: (role, port = cluster.port) => ({ host: '127.0.0.1', port, user: role.user, password: role.password, database }),
    async sql(text, values) {
      return (await owner.query(text, values)).rows;
    },
    async stop() {
      await owner.end().catch(() => {});
      await cluster.stop();
    },
  };
}
