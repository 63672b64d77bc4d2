import { todayBerlin } from '../../../shared/dates.js';
import type { RetentionPreview, RetentionResult } from '../../../shared/schemas/retention.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { anonymiseHouseholds, clearFreeText } from './anonymise.js';
import { auditMany } from './audit-many.js';
import { findDue } from './due.js';
import { effectiveRules } from './rules.js';

/** The fields an anonymisation removes, named in each household's audit entry. */
export const anonymisedFields = [
  'address',
  'birthDate',
  'caseRecordTexts',
  'firstName',
  'lastName',
  'originalScriptName',
  'residenceRequirement',
];
const notesFields = ['caseRecordTexts'];

/** What is due today under the rules, per category, with counts (changes nothing). */
export async function previewRetention(db: Db, asOf = todayBerlin()): Promise<RetentionPreview> {
  const rules = await effectiveRules(db);
  const due = await findDue(db, rules, asOf);
  const rows = rules.map((r) => {
    const mine = due.filter((d) => d.category === r.category);
    const anonymise = mine.filter((d) => d.anonymise);
    return {
      category: r.category,
      months: r.months,
      notesMonths: r.notesMonths,
      anonymise: anonymise.length,
      persons: anonymise.reduce((a, d) => a + d.persons, 0),
      clearNotes: mine.length - anonymise.length,
    };
  });
  const sum = (k: 'anonymise' | 'persons' | 'clearNotes') => rows.reduce((a, r) => a + r[k], 0);
  return {
    asOf,
    rows,
    total: { anonymise: sum('anonymise'), persons: sum('persons'), clearNotes: sum('clearNotes') },
  };
}

/**
 * Anonymises what is due, in one transaction with one audit entry per household and one for the run.
 * The households are locked first and the due list is read again under the lock, so a contact recorded
 * meanwhile keeps its household out of this run.
 */
export async function applyRetention(
  db: Db,
  ctx: ActorContext,
  asOf = todayBerlin(),
): Promise<RetentionResult> {
  const started = Date.now();
  return writeTransaction(db, async (tx) => {
    const rules = await effectiveRules(tx);
    const due = await findDue(tx, rules, asOf);
    const anonymise = due.filter((d) => d.anonymise);
    const notesOnly = due.filter((d) => !d.anonymise);
    const persons = await anonymiseHouseholds(
      tx,
      anonymise.map((d) => d.id),
    );
    await clearFreeText(
      tx,
      notesOnly.map((d) => d.id),
    );
    await auditMany(tx, ctx, [
      ...anonymise.map((d) => ({
        action: 'household.anonymised' as const,
        entityType: 'household' as const,
        entityId: d.id,
        siteId: d.siteId,
        fields: anonymisedFields,
      })),
      ...notesOnly.map((d) => ({
        action: 'household.notes_cleared' as const,
        entityType: 'household' as const,
        entityId: d.id,
        siteId: d.siteId,
        fields: notesFields,
      })),
    ]);
    await audit(tx, ctx, { action: 'retention.applied', entityType: 'retention', fields: ['asOf'] });
    return {
      asOf,
      anonymised: anonymise.length,
      persons,
      notesCleared: notesOnly.length,
      ms: Date.now() - started,
    };
  });
}

/** Erasure on request (Art. 17): the same anonymisation for one household of the actor's sites, at once. */
export async function anonymiseOnRequest(req: CaseRequest, householdId: string) {
  return caseWrite(req, householdId, async (tx, household) => {
    if (household.anonymisedAt) throw fieldError('alreadyAnonymised', 'id', undefined, 'CONFLICT');
    const persons = await anonymiseHouseholds(tx, [householdId]);
    await audit(tx, req.ctx, {
      action: 'household.anonymised',
      entityType: 'household',
      entityId: householdId,
      siteId: household.siteId,
      fields: [...anonymisedFields, 'reason'],
    });
    return {
      id: householdId,
      caseNumber: household.caseNumber,
      anonymisedAt: new Date().toISOString(),
      persons,
    };
  });
}
