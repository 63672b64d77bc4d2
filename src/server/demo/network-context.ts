import { sql } from 'drizzle-orm';
import { rolesWith } from '../../shared/permissions.js';
import type { Db } from '../platform/db/client.js';

/** What the network part of the generator reads from the database: labels, event types, demo staff. */
export interface NetworkContext {
  districtLabels: Map<string, string>;
  /** the organisations of the reference list (labels), by kind */
  organisations: { code: string; label: string; kind: string | null }[];
  eventTypes: Set<string>;
  /** demo accounts per site id that may organise events and own actions (network.read) */
  eventStaff: Map<string, string[]>;
  /** demo accounts per site id that keep partners, offers and events (network.write) */
  networkWorkers: Map<string, string[]>;
  /** demo accounts per site id that keep volunteers (volunteer.write) */
  coordinators: Map<string, string[]>;
}

type Row = Record<string, unknown>;

async function rows(db: Db, statement: ReturnType<typeof sql>): Promise<Row[]> {
  const r = (await db.execute(statement)) as unknown as { rows?: Row[] } | Row[];
  return (Array.isArray(r) ? r : r.rows) ?? [];
}

function bySite(users: Row[], roles: string[]) {
  const out = new Map<string, string[]>();
  for (const u of users) {
    if (!roles.includes(String(u.role))) continue;
    for (const siteId of u.site_ids as string[]) out.set(siteId, [...(out.get(siteId) ?? []), String(u.id)]);
  }
  return out;
}

export async function loadNetworkContext(db: Db): Promise<NetworkContext> {
  const refs = await rows(
    db,
    sql`SELECT list, code, label_de, kind FROM reference_values
        WHERE active AND list IN ('districts', 'organisations', 'event-types') ORDER BY list, sort_order, code`,
  );
  const users = await rows(
    db,
    sql`SELECT id, role, site_ids FROM users WHERE is_demo AND active ORDER BY username`,
  );
  const of = (list: string) => refs.filter((r) => r.list === list);
  return {
    districtLabels: new Map(of('districts').map((r) => [String(r.code), String(r.label_de)])),
    organisations: of('organisations').map((r) => ({
      code: String(r.code),
      label: String(r.label_de),
      kind: r.kind ? String(r.kind) : null,
    })),
    eventTypes: new Set(of('event-types').map((r) => String(r.code))),
    eventStaff: bySite(users, rolesWith('network.read')),
    networkWorkers: bySite(users, rolesWith('network.write')),
    coordinators: bySite(users, rolesWith('volunteer.write')),
  };
}
