import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../db/schema/index.js';
import { type Database, type Db, sessionOptions } from './client.js';

/** The read replica of each open primary database (DATABASE_READ_URL), by the primary's Drizzle handle. */
const replicas = new WeakMap<Db, Db>();

/**
 * Where heavy reads that may lag a little (the statistics rollups) go: the replica of `db` when one is
 * configured, else `db` itself. Writes — the audit entry of a statistics view among them — always use
 * the primary. A replica answers from its last replayed state: figures may trail the primary by the
 * replication lag (seconds), which the report's "as of" does not show.
 */
export function readReplicaOf(db: Db): Db {
  return replicas.get(db) ?? db;
}

/** Opens a pool on the replica (no migrations: it follows the primary) and ties it to `primary`. */
export function attachReadReplica(primary: Database, readUrl: string): Database {
  const pool = new pg.Pool({ connectionString: readUrl, max: 10, options: sessionOptions });
  pool.on('error', (error) => {
    console.error(`PostgreSQL read replica connection lost: ${error.message}`);
  });
  replicas.set(primary.db, drizzle({ client: pool, schema }) as unknown as Db);
  return {
    ...primary,
    close: async () => {
      await pool.end();
      await primary.close();
    },
  };
}
