import { z } from 'zod';
import { plainText, uuid } from './common.js';

/** Break-the-glass: the written reason, 10–500 characters, no control characters. */
export const emergencyAccessBody = z.object({ reason: plainText(500).min(10) });
export type EmergencyAccessBody = z.infer<typeof emergencyAccessBody>;

/** The same by case number (the web form: a caseworker may know only the number another site gave). */
export const emergencyAccessByCaseBody = emergencyAccessBody.extend({
  caseNumber: z.string().trim().min(3).max(40),
});

/** A grant as its user sees it right after asking: which household, until when. */
export const emergencyGrant = z.object({
  id: uuid,
  householdId: uuid,
  siteId: uuid,
  grantedAt: z.string(),
  expiresAt: z.string(),
});
export type EmergencyGrant = z.infer<typeof emergencyGrant>;

/** A grant in the report of the household's site lead and the DPO: who, when, why, until when. */
export const emergencyGrantReport = emergencyGrant.extend({
  caseNumber: z.string(),
  siteName: z.string(),
  userId: uuid,
  userDisplayName: z.string(),
  userSiteNames: z.array(z.string()),
  reason: z.string(),
  active: z.boolean(),
});
export type EmergencyGrantReport = z.infer<typeof emergencyGrantReport>;
export const emergencyGrantList = z.array(emergencyGrantReport);
export const emergencyGrantsQuery = z.object({
  /** only grants that are still valid */
  active: z.enum(['0', '1']).optional(),
});

/** My own valid grants (for the banner "Notfallzugriff bis HH:MM, nur lesen"). */
export const myEmergencyGrantList = z.array(emergencyGrant.extend({ caseNumber: z.string() }));
