import { and, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { households, persons, sites } from '../../db/schema/index.js';
import { auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import type { CaseRequest } from '../casework/write.js';
import { nameKey, nameSimilarity, normalizeName } from './name-key.js';
import { allowCrossSiteLookup, isFullQuery, queryHash } from './probing.js';

export interface SearchInput {
  name: string;
  birthDate?: string;
  birthYear?: number;
}

const minScore = 0.55;
const maxResults = 20;

/**
 * The ways a typed name can be split into first and last name: "Nachname, Vorname", or any cut between
 * words ("Tesfay Gebre Medhin" may be Tesfay + Gebre Medhin or Tesfay Gebre + Medhin).
 */
export function splitName(name: string): { first: string; last: string }[] {
  const comma = name.split(',');
  if (comma.length >= 2) return [{ first: comma.slice(1).join(' ').trim(), last: comma[0].trim() }];
  const parts = name.trim().split(/\s+/).slice(0, 6);
  if (parts.length === 1) return [{ first: '', last: parts[0] }];
  return parts
    .slice(1)
    .map((_, i) => ({ first: parts.slice(0, i + 1).join(' '), last: parts.slice(i + 1).join(' ') }));
}

function birthScore(input: SearchInput, p: { birthDate: string | null; birthYear: number | null }) {
  const year = input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined);
  if (input.birthDate && p.birthDate) return input.birthDate === p.birthDate ? 0.2 : -0.3;
  if (year !== undefined && p.birthYear !== null) {
    if (year === p.birthYear) return 0.1;
    return Math.abs(year - p.birthYear) === 1 ? 0 : -0.3;
  }
  return 0;
}

interface Query {
  first: string;
  last: string;
  firstKey: string;
  lastKey: string;
}

/** Scores with the stored keys of the candidate; only the query's keys are computed (once per split). */
function nameScore(q: Query, p: { firstName: string; lastName: string; firstKey: string; lastKey: string }) {
  const keysMatch =
    (q.lastKey === p.lastKey && (!q.first || q.firstKey === p.firstKey)) ||
    (q.lastKey === p.firstKey && q.firstKey === p.lastKey);
  const direct = (nameSimilarity(q.first, p.firstName) + nameSimilarity(q.last, p.lastName)) / 2;
  const swapped = (nameSimilarity(q.first, p.lastName) + nameSimilarity(q.last, p.firstName)) / 2;
  const fuzzy = Math.max(direct, swapped);
  return keysMatch ? 0.6 + 0.2 * fuzzy : 0.7 * fuzzy;
}

/**
 * Candidates share the phonetic key of the last or first name (either order), within a year of the birth
 * year when one is given; then they are scored by name similarity and birth data, best first.
 */
/**
 * Persons whose names are like the input, at the sites `siteFilter` admits — not filtered by scope
 * itself: the search passes the user's sites, the duplicate hint the other sites (and shows only
 * their site names, never a person).
 */
async function unsafeCandidates(db: Db, input: SearchInput, siteFilter: SQL | undefined) {
  const splits: Query[] = splitName(input.name).map((q) => ({
    ...q,
    firstKey: nameKey(q.first),
    lastKey: nameKey(q.last),
  }));
  const keys = [...new Set(splits.flatMap((q) => [q.lastKey, q.firstKey]))].filter(Boolean);
  const year = input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined);
  const yearFilter =
    year === undefined
      ? undefined
      : sql`(${persons.birthYear} IS NULL OR ${persons.birthYear} BETWEEN ${year - 1} AND ${year + 1})`;
  // Both keys (in either order) always make a candidate; one key alone only together with birth data,
  // else a common name (a twentieth of all persons share the key of Hassan/Hussein) floods the scoring.
  const pairs = splits
    .filter((q) => q.firstKey && q.lastKey)
    .flatMap((q) => [
      and(eq(persons.lastKey, q.lastKey), eq(persons.firstKey, q.firstKey)),
      and(eq(persons.lastKey, q.firstKey), eq(persons.firstKey, q.lastKey)),
    ]);
  const oneKey = or(inArray(persons.lastKey, keys), inArray(persons.firstKey, keys));
  const sameBirth = input.birthDate
    ? eq(persons.birthDate, input.birthDate)
    : year !== undefined
      ? eq(persons.birthYear, year)
      : undefined;
  const keyMatch =
    pairs.length === 0 ? oneKey : sameBirth ? or(...pairs, and(oneKey, sameBirth)) : or(...pairs);
  const rows = await db
    .select({
      personId: persons.id,
      householdId: persons.householdId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      firstKey: persons.firstKey,
      lastKey: persons.lastKey,
      siteId: households.siteId,
      caseNumber: households.caseNumber,
    })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(and(keyMatch, yearFilter, siteFilter))
    .limit(1000);
  return rows
    .map((r) => ({
      ...r,
      fullName: `${r.firstName} ${r.lastName}`,
      score:
        Math.round(
          Math.min(1, Math.max(...splits.map((q) => nameScore(q, r))) + birthScore(input, r)) * 100,
        ) / 100,
    }))
    .filter((r) => r.score >= minScore)
    .sort((a, b) => b.score - a.score || a.fullName.localeCompare(b.fullName));
}

export async function searchPersons({ db, ctx, scope }: CaseRequest, input: SearchInput) {
  const fields = ['name', input.birthDate ? 'birthDate' : input.birthYear ? 'birthYear' : ''].filter(Boolean);
  await auditAccess(db, ctx, {
    action: 'record.searched',
    entityType: 'person',
    entityId: queryHash(input),
    fields,
  });
  if (scope.siteIds.length === 0 || normalizeName(input.name).length < 2) return [];
  // a restricted household (Art. 18) is found by nobody, the site lead included
  const mine = and(inArray(households.siteId, scope.siteIds), isNull(households.restrictedAt));
  const found = await unsafeCandidates(db, input, mine);
  return found
    .slice(0, maxResults)
    .map(({ personId, householdId, fullName, birthDate, birthYear, siteId, score, caseNumber }) => ({
      personId,
      householdId,
      fullName,
      birthDate,
      birthYear,
      siteId,
      score,
      caseNumber,
    }));
}

/**
 * The duplicate warning: names only for the user's own sites; elsewhere only which site to ask — and
 * only for a full query (both names, full birth date) within the per-user limit (`probing.ts`).
 */
export async function checkDuplicates(req: CaseRequest, input: SearchInput) {
  const { db, scope } = req;
  const matches = await searchPersons(req, input);
  if (!isFullQuery(input)) return { matches, otherSites: [], otherSitesChecked: 'needsFullQuery' as const };
  if (!(await allowCrossSiteLookup(db, req.ctx, input))) {
    return { matches, otherSites: [], otherSitesChecked: 'limitReached' as const };
  }
  const outside =
    scope.siteIds.length > 0
      ? sql`${households.siteId} <> ALL(${sql.param(scope.siteIds)}::uuid[])`
      : undefined;
  // Elsewhere, only strong matches count: a hint must not become a way to probe for people.
  const elsewhere = (await unsafeCandidates(db, input, outside)).filter((m) => m.score >= 0.7);
  // a restricted household of one's own sites: only that such a record exists, no name, no case number
  const restricted = and(inArray(households.siteId, scope.siteIds), isNotNull(households.restrictedAt));
  const restrictedMatch =
    scope.siteIds.length > 0 && (await unsafeCandidates(db, input, restricted)).some((m) => m.score >= 0.7);
  const siteIds = [...new Set(elsewhere.map((m) => m.siteId))];
  const names = siteIds.length
    ? await db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, siteIds))
    : [];
  return {
    matches,
    otherSites: names.map((s) => ({ siteId: s.id, siteName: s.name })),
    otherSitesChecked: 'checked' as const,
    restrictedMatch,
  };
}
