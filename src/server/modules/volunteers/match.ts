import { and, eq, inArray } from 'drizzle-orm';
import type { MatchCandidate, MatchQuery } from '../../../shared/schemas/volunteers.js';
import { volunteers } from '../../db/schema/index.js';
import { auditAccess } from '../../platform/audit.js';
import { fieldError } from '../../platform/errors.js';
import { assertLanguage } from '../households/validate.js';
import { assertCodes } from '../reference/validate.js';
import { byName, conductState, conductUntil } from './present.js';
import type { VolunteerRequest } from './scope.js';

/**
 * Scoring of a candidate (active volunteers of the viewer's sites only; 0–108):
 *   language spoken             +50 — without a shared language a mentorship cannot start
 *   district served             +25 — short ways, knows the neighbourhood
 *   available on the weekday    +12
 *   interest in the life area    +6
 *   valid certificate of conduct +15 — needed before working with families and children
 * Criteria not asked for add nothing; ties are broken by name (German collation). Each of language,
 * district and availability outweighs all weaker criteria together (50 > 25+12+6, 25 > 12+6, 12 > 6);
 * the certificate ranks a checked volunteer above an unchecked one with the same match.
 */
export const matchWeights = { language: 50, district: 25, availability: 12, interest: 6, certificate: 15 };

export async function matchVolunteers(req: VolunteerRequest, q: MatchQuery): Promise<MatchCandidate[]> {
  if (q.siteId && !req.siteIds.includes(q.siteId)) throw fieldError('notYourSite', 'siteId');
  assertLanguage(q.language, 'language');
  await assertCodes(req.db, [
    { list: 'districts', code: q.districtCode, path: 'districtCode' },
    { list: 'life-areas', code: q.lifeArea, path: 'lifeArea' },
  ]);
  const siteIds = q.siteId ? [q.siteId] : req.siteIds;
  if (siteIds.length === 0) return [];
  const rows = await req.db
    .select()
    .from(volunteers)
    .where(and(inArray(volunteers.siteId, siteIds), eq(volunteers.status, 'active')));
  const until = await conductUntil(
    req.db,
    rows.map((r) => r.id),
  );
  const ranked = rows.map((v) => {
    const reasons: MatchCandidate['reasons'] = [];
    const slots = v.availability as { weekday: number }[];
    if (q.language && v.languages.includes(q.language)) reasons.push('language');
    if (q.districtCode && v.districtCodes.includes(q.districtCode)) reasons.push('district');
    if (q.weekday && slots.some((s) => s.weekday === q.weekday)) reasons.push('availability');
    if (q.lifeArea && v.interests.includes(q.lifeArea)) reasons.push('interest');
    const state = conductState(until.get(v.id) ?? null);
    if (state === 'valid' || state === 'dueSoon') reasons.push('certificate');
    return {
      volunteerId: v.id,
      score: reasons.reduce((s, r) => s + matchWeights[r], 0),
      firstName: v.firstName,
      lastName: v.lastName,
      languages: v.languages,
      districtCodes: v.districtCodes,
      conduct: { state, validUntil: until.get(v.id) ?? null },
      reasons,
    };
  });
  ranked.sort((a, b) => b.score - a.score || byName(a, b));
  await auditAccess(req.db, req.ctx, {
    action: 'record.searched',
    entityType: 'volunteer',
    fields: Object.keys(q).filter((k) => q[k as keyof MatchQuery] !== undefined),
  });
  return ranked.slice(0, 50);
}
