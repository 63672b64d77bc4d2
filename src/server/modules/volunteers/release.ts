import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ReleasedHousehold } from '../../../shared/schemas/volunteers.js';
import { consents, households, persons } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

/**
 * What a volunteer's coordinator may learn of a household: only what the household released with
 * `volunteer_contact` on its current consent — the contact person's name, phone and languages. Never
 * case content (needs, contacts, notes, members beyond the contact person).
 */

type HouseholdRef = { id: string } | { caseNumber: string };

/**
 * UNSAFE, scope-free read of a household (its id, case number, site, languages). The volunteer
 * coordinator holds no case scope, so `findHouseholdInScope` would always answer 404 for them. The read
 * is still bounded: only households of `siteIds` (the volunteer's site, or the coordinator's sites)
 * are found — another site's household is a 404 like in case work — and callers pass on nothing but
 * the released fields. `lock` takes the household lock that withdrawing a consent also takes.
 */
export async function unsafeHouseholdForVolunteers(
  db: Db,
  siteIds: string[],
  ref: HouseholdRef,
  lock = false,
) {
  if (siteIds.length === 0) throw new AppError('NOT_FOUND');
  const match =
    'id' in ref ? eq(households.id, ref.id) : eq(households.caseNumber, ref.caseNumber.toUpperCase());
  const query = db
    .select({
      id: households.id,
      caseNumber: households.caseNumber,
      siteId: households.siteId,
      languages: households.languages,
    })
    .from(households)
    .where(and(match, inArray(households.siteId, siteIds)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The households' current consent records: per household the newest one not withdrawn. */
async function currentConsents(db: Db, householdIds: string[]) {
  const rows = await db
    .select({
      householdId: consents.householdId,
      volunteerContact: consents.volunteerContact,
      givenByPersonId: consents.givenByPersonId,
    })
    .from(consents)
    .where(and(inArray(consents.householdId, householdIds), isNull(consents.withdrawnOn)))
    .orderBy(desc(consents.givenOn), desc(consents.createdAt), desc(consents.id));
  const current = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!current.has(r.householdId)) current.set(r.householdId, r);
  return current;
}

/** 409 naming `path` unless the household's current consent allows contact by volunteers. */
export async function assertVolunteerConsent(db: Db, householdId: string, path: string) {
  const current = (await currentConsents(db, [householdId])).get(householdId);
  if (!current?.volunteerContact) throw fieldError('noVolunteerConsent', path, undefined, 'CONFLICT');
}

/** the contact person: the head of household, else who gave the consent, else a partner or parent */
const roleRank: Record<string, number> = { head: 0, partner: 2, parent: 3 };

/** The released view of households (by id, with their case numbers); withdrawn consent → nothing but the number. */
export async function releasedHouseholds(
  db: Db,
  list: { id: string; caseNumber: string; languages: string[] }[],
): Promise<Map<string, ReleasedHousehold>> {
  const out = new Map<string, ReleasedHousehold>();
  if (list.length === 0) return out;
  const ids = list.map((h) => h.id);
  const consent = await currentConsents(db, ids);
  const released = ids.filter((id) => consent.get(id)?.volunteerContact);
  const members = released.length
    ? await db
        .select({
          id: persons.id,
          householdId: persons.householdId,
          firstName: persons.firstName,
          lastName: persons.lastName,
          role: persons.roleInHousehold,
          languages: persons.languages,
        })
        .from(persons)
        .where(and(inArray(persons.householdId, released), isNull(persons.leftOn)))
        .orderBy(persons.createdAt, persons.id)
    : [];
  for (const h of list) {
    const c = consent.get(h.id);
    if (!c?.volunteerContact) {
      out.set(h.id, {
        householdId: h.id,
        caseNumber: h.caseNumber,
        released: false,
        contactName: null,
        phone: null,
        languages: [],
      });
      continue;
    }
    const own = members.filter((m) => m.householdId === h.id);
    const rank = (m: (typeof own)[number]) =>
      m.role === 'head' ? 0 : m.id === c.givenByPersonId ? 1 : (roleRank[m.role] ?? 9);
    const contact = [...own].sort((a, b) => rank(a) - rank(b))[0];
    out.set(h.id, {
      householdId: h.id,
      caseNumber: h.caseNumber,
      released: true,
      contactName: contact ? `${contact.firstName} ${contact.lastName}` : null,
      // households keep no phone number yet (see the report to the lead); the field is part of the release
      phone: null,
      languages: [...new Set([...h.languages, ...(contact?.languages ?? [])])],
    });
  }
  return out;
}
