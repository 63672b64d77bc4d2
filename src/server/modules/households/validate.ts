import { languageCodes } from '../../../shared/countries.js';
import type { PersonInput } from '../../../shared/schemas/households.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldIssue, fieldError } from '../../platform/errors.js';
import { assertCodes, assertSubdistrict, type CodeCheck } from '../reference/validate.js';

const knownLanguages = new Set(languageCodes);

export function assertLanguage(language: string | null | undefined, path: string) {
  if (language && !knownLanguages.has(language)) {
    throw fieldError('unknownLanguage', path);
  }
}

export function assertLanguages(languages: string[] | undefined, path: string) {
  const issues: FieldIssue[] = [];
  for (const [i, l] of (languages ?? []).entries()) {
    if (!knownLanguages.has(l)) issues.push({ path: `${path}.${i}`, code: 'unknownLanguage' });
  }
  if (issues.length) throw new AppError('VALIDATION', issues);
}

/** Reference codes a person may carry, with the request path of each. */
export function personCodeChecks(p: Partial<PersonInput>, prefix: string): CodeCheck[] {
  assertLanguages(p.languages, `${prefix}languages`);
  return [{ list: 'residence-statuses', code: p.residenceStatus, path: `${prefix}residenceStatus` }];
}

export async function assertHouseholdCodes(
  db: Db,
  h: {
    category?: string;
    districtCode?: string | null;
    subdistrictCode?: string | null;
    languages?: string[];
  },
  extra: CodeCheck[] = [],
) {
  assertLanguages(h.languages, 'languages');
  await assertCodes(db, [
    { list: 'household-categories', code: h.category, path: 'category' },
    { list: 'districts', code: h.districtCode, path: 'districtCode' },
    ...extra,
  ]);
  if (h.subdistrictCode)
    await assertSubdistrict(db, h.districtCode, h.subdistrictCode, 'address.subdistrictCode');
}
