import { asc, eq } from 'drizzle-orm';
import { defaultRetention, type RetentionRule } from '../../../shared/schemas/retention.js';
import { referenceValues, retentionRules } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { assertCodes } from '../reference/validate.js';

export interface EffectiveRule extends RetentionRule {
  isDefault: boolean;
  label: string;
}

/** One rule per household category (also deactivated ones: their households still age): stored or default. */
export async function effectiveRules(db: Db, lang: 'de' | 'en' = 'de'): Promise<EffectiveRule[]> {
  const categories = await db
    .select({
      code: referenceValues.code,
      labelDe: referenceValues.labelDe,
      labelEn: referenceValues.labelEn,
    })
    .from(referenceValues)
    .where(eq(referenceValues.list, 'household-categories'))
    .orderBy(asc(referenceValues.sortOrder), asc(referenceValues.code));
  const stored = new Map((await db.select().from(retentionRules)).map((r) => [r.category, r]));
  return categories.map((c) => {
    const rule = stored.get(c.code);
    return {
      category: c.code,
      label: lang === 'en' ? c.labelEn : c.labelDe,
      months: rule?.months ?? defaultRetention.months,
      notesMonths: rule?.notesMonths ?? defaultRetention.notesMonths,
      isDefault: !rule,
    };
  });
}

/** Replaces the stored rules: a category left out goes back to the defaults. */
export async function replaceRules(db: Db, ctx: ActorContext, rules: RetentionRule[]) {
  await writeTransaction(db, async (tx) => {
    await assertCodes(
      tx,
      rules.map((r, i) => ({
        list: 'household-categories' as const,
        code: r.category,
        path: `${i}.category`,
        allowInactive: true,
      })),
    );
    await tx.delete(retentionRules);
    if (rules.length > 0)
      await tx.insert(retentionRules).values(rules.map((r) => ({ ...r, updatedBy: ctx.actorId })));
    await audit(tx, ctx, {
      action: 'retention.rules_updated',
      entityType: 'retention',
      fields: [...new Set(rules.map((r) => r.category))].sort(),
    });
  });
}
