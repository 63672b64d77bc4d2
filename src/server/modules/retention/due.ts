import { sql } from 'drizzle-orm';
import { addMonths, todayBerlin } from '../../../shared/dates.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/sql.js';
import type { EffectiveRule } from './rules.js';

/** Households no longer in care: closed, inactive or moved away (a transfer hands them on, they stay). */
export const endedStatuses = ['closed', 'inactive', 'movedAway'] as const;

export interface DueHousehold {
  id: string;
  category: string;
  siteId: string;
  persons: number;
  /** personal data due (else only the notes) */
  anonymise: boolean;
}

/**
 * The ended households whose last contact (or registration, without contacts) lies before the cut-off of
 * their category: `months` ago → anonymise; `notesMonths` ago → remove the notes (once).
 */
export async function findDue(db: Db, rules: EffectiveRule[], asOf = todayBerlin()): Promise<DueHousehold[]> {
  if (rules.length === 0) return [];
  const cut = rules.map(
    (r) =>
      sql`(${r.category}, ${addMonths(asOf, -r.months)}::date, ${addMonths(asOf, -r.notesMonths)}::date)`,
  );
  const rows = rowsOf<{ id: string; category: string; site_id: string; persons: number; anonymise: boolean }>(
    await db.execute(sql`
      WITH cut(category, data_before, notes_before) AS (VALUES ${sql.join(cut, sql`, `)}),
      ended AS (
        SELECT h.id, h.category, h.site_id, h.notes_cleared_at,
          coalesce((SELECT max(c.date) FROM contacts c WHERE c.household_id = h.id), h.registered_on) AS last_on
        FROM households h
        WHERE h.anonymised_at IS NULL AND h.status IN (${sql.join(
          endedStatuses.map((s) => sql`${s}`),
          sql`, `,
        )})
      )
      SELECT e.id, e.category, e.site_id, e.last_on < cut.data_before AS anonymise,
        (SELECT count(*)::int FROM persons p WHERE p.household_id = e.id) AS persons
      FROM ended e JOIN cut ON cut.category = e.category
      WHERE e.last_on < cut.data_before OR (e.notes_cleared_at IS NULL AND e.last_on < cut.notes_before)
      ORDER BY e.id`),
  );
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    siteId: r.site_id,
    persons: Number(r.persons),
    anonymise: r.anonymise === true || String(r.anonymise) === 't',
  }));
}
