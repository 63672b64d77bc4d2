import { desc, eq, sql } from 'drizzle-orm';
import {
  type CreatePrivacyNoticeBody,
  type PrivacyNotice,
  rtlLanguages,
} from '../../../shared/schemas/privacy-notices.js';
import { privacyNotices } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

type Row = typeof privacyNotices.$inferSelect;

export function presentNotice(row: Row): PrivacyNotice {
  return {
    id: row.id,
    version: row.version,
    language: row.language,
    dir: rtlLanguages.includes(row.language) ? 'rtl' : 'ltr',
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt.toISOString(),
    createdBy: row.createdBy,
  };
}

/** The current (highest) version of each language, or every version of one language, newest first. */
export async function listNotices(db: Db, language?: string) {
  if (language) {
    const rows = await db
      .select()
      .from(privacyNotices)
      .where(eq(privacyNotices.language, language))
      .orderBy(desc(privacyNotices.version));
    return rows.map(presentNotice);
  }
  const rows = await db
    .selectDistinctOn([privacyNotices.language])
    .from(privacyNotices)
    .orderBy(privacyNotices.language, desc(privacyNotices.version));
  return rows.map(presentNotice);
}

export async function getNotice(db: Db, id: string) {
  const [row] = await db.select().from(privacyNotices).where(eq(privacyNotices.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Publishes the next version of a language (texts are never edited: a consent names the version it was
 * given with). The language's rows are locked, so two publications cannot take the same number.
 */
export function publishNotice(db: Db, ctx: ActorContext, body: CreatePrivacyNoticeBody) {
  return writeTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`privacy_notice:${body.language}`}))`);
    const [{ last }] = await tx
      .select({ last: sql<number>`coalesce(max(${privacyNotices.version}), 0)::int` })
      .from(privacyNotices)
      .where(eq(privacyNotices.language, body.language));
    const [row] = await tx
      .insert(privacyNotices)
      .values({ ...body, version: last + 1, createdBy: ctx.actorId })
      .returning();
    await audit(tx, ctx, {
      action: 'privacyNotice.published',
      entityType: 'privacyNotice',
      entityId: row.id,
      fields: ['language', 'title', 'body'],
    });
    return presentNotice(row);
  });
}

/**
 * For a consent: the notice handed out must exist; its language and version are recorded with the consent.
 * Call inside the consent's transaction.
 */
export async function noticeForConsent(tx: Db, privacyNoticeId: string | null | undefined) {
  if (!privacyNoticeId) return {};
  const [row] = await tx
    .select({ language: privacyNotices.language, version: privacyNotices.version })
    .from(privacyNotices)
    .where(eq(privacyNotices.id, privacyNoticeId));
  if (!row) throw fieldError('unknownPrivacyNotice', 'privacyNoticeId');
  return { noticeLanguage: row.language, noticeVersion: String(row.version) };
}
