import { and, eq, inArray } from 'drizzle-orm';
import type { ReferenceList } from '../../../shared/schemas/reference.js';
import { referenceValues } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldIssue, fieldError } from '../../platform/errors.js';

export interface CodeCheck {
  list: ReferenceList;
  code: string | null | undefined;
  /** the request field it came from, named in the 400 */
  path: string;
  /** also accept deactivated values (when a record keeps what it had) */
  allowInactive?: boolean;
}

/** Every code must be a value of its reference list (active, for new entries); otherwise 400 naming the field. */
export async function assertCodes(db: Db, checks: CodeCheck[]): Promise<void> {
  const wanted = checks.filter((c): c is CodeCheck & { code: string } => !!c.code);
  if (wanted.length === 0) return;
  const lists = [...new Set(wanted.map((c) => c.list))];
  const rows = await db
    .select({ list: referenceValues.list, code: referenceValues.code, active: referenceValues.active })
    .from(referenceValues)
    .where(
      and(
        inArray(referenceValues.list, lists),
        inArray(referenceValues.code, [...new Set(wanted.map((c) => c.code))]),
      ),
    );
  const found = new Map(rows.map((r) => [`${r.list}|${r.code}`, r.active]));
  const issues: FieldIssue[] = [];
  for (const c of wanted) {
    const active = found.get(`${c.list}|${c.code}`);
    if (active === undefined) issues.push({ path: c.path, code: 'unknownCode', params: { list: c.list } });
    else if (!active && !c.allowInactive)
      issues.push({ path: c.path, code: 'inactiveCode', params: { list: c.list } });
  }
  if (issues.length) throw new AppError('VALIDATION', issues);
}

/** A subdistrict must lie in the given district. */
export async function assertSubdistrict(
  db: Db,
  districtCode: string | null | undefined,
  subdistrict: string,
  path: string,
) {
  const [row] = await db
    .select({ parentCode: referenceValues.parentCode })
    .from(referenceValues)
    .where(and(eq(referenceValues.list, 'subdistricts'), eq(referenceValues.code, subdistrict)));
  if (!row) throw fieldError('unknownSubdistrict', path);
  if (districtCode && row.parentCode !== districtCode) {
    throw fieldError('subdistrictOutsideDistrict', path);
  }
}
