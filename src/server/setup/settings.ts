import { eq } from 'drizzle-orm';
import { appSettings } from '../db/schema/index.js';
import type { Db } from '../platform/db/client.js';

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  return row?.value;
}

export async function setSetting(db: Db, key: string, value: string) {
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value } });
}

export async function isDemo(db: Db) {
  return (await getSetting(db, 'demo')) === 'true';
}
