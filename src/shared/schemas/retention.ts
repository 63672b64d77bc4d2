import { z } from 'zod';
import { uuid } from './common.js';

/** Defaults when a category has no rule of its own. */
export const defaultRetention = { months: 12, notesMonths: 6 } as const;

const months = z.number().int().min(1).max(240);

export const retentionRule = z.object({
  category: z.string().min(1).max(40),
  months,
  notesMonths: months,
});
export type RetentionRule = z.infer<typeof retentionRule>;

/** PUT replaces the whole set; notes may not be kept longer than the personal data. */
export const retentionRulesBody = z
  .array(
    retentionRule.refine((r) => r.notesMonths <= r.months, {
      message: 'notesAfterData',
      path: ['notesMonths'],
    }),
  )
  .max(100)
  .refine((rules) => new Set(rules.map((r) => r.category)).size === rules.length, {
    message: 'duplicateCategory',
  });

export const retentionRuleList = z.array(retentionRule.extend({ isDefault: z.boolean(), label: z.string() }));

export const retentionDueRow = z.object({
  category: z.string(),
  months: z.number().int(),
  notesMonths: z.number().int(),
  /** households whose personal data is due to be anonymised */
  anonymise: z.number().int(),
  /** their persons */
  persons: z.number().int(),
  /** households (not yet due) whose free-text notes are due to be removed */
  clearNotes: z.number().int(),
});

export const retentionPreview = z.object({
  asOf: z.string(),
  rows: z.array(retentionDueRow),
  total: z.object({ anonymise: z.number().int(), persons: z.number().int(), clearNotes: z.number().int() }),
});
export type RetentionPreview = z.infer<typeof retentionPreview>;

export const retentionResult = z.object({
  asOf: z.string(),
  anonymised: z.number().int(),
  persons: z.number().int(),
  notesCleared: z.number().int(),
  ms: z.number().int(),
});
export type RetentionResult = z.infer<typeof retentionResult>;

export const anonymiseBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const anonymiseParams = z.object({ id: uuid });
export const anonymiseResult = z.object({
  id: uuid,
  caseNumber: z.string(),
  anonymisedAt: z.string(),
  persons: z.number().int(),
});
