import { z } from 'zod';
import { languageCodes } from '../countries.js';
import { uuid } from './common.js';

/** Languages written right to left: the notice is printed with dir="rtl". */
export const rtlLanguages: readonly string[] = ['ar', 'fa', 'prs', 'ps', 'ckb', 'ur'];
/** The languages a city must offer a notice in (the default texts seed them). */
export const requiredNoticeLanguages = ['de', 'en', 'ar', 'fa', 'uk'] as const;

export const privacyNotice = z.object({
  id: uuid,
  version: z.number().int(),
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  createdBy: uuid.nullable(),
});
export type PrivacyNotice = z.infer<typeof privacyNotice>;
export const privacyNoticeList = z.array(privacyNotice);

/** `language` given: every version of that language, newest first; otherwise the current one per language. */
export const privacyNoticesQuery = z.object({ language: z.enum(languageCodes).optional() });

export const createPrivacyNoticeBody = z.object({
  language: z.enum(languageCodes),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20000),
});
export type CreatePrivacyNoticeBody = z.infer<typeof createPrivacyNoticeBody>;

export const privacyNoticeIdParams = z.object({ id: uuid });
