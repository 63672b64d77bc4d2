import { hash, verify } from '@node-rs/argon2';
import { passwordIssue } from '../../../shared/password-rules.js';
import { passwordMinLength } from '../../../shared/schemas/auth.js';
import { isDemo } from '../../setup/settings.js';
import type { Db } from '../db/client.js';
import { fieldError } from '../errors.js';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown username is not revealed by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('quartier-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * Password rules (shared/password-rules.ts): at least 12 characters, not trivial (one repeated character, a
 * sequence), not containing the username, not one of the most common passwords, and not the demo password
 * outside demo mode (the database's demo flag, as /api/meta shows it). A 400 WEAK_PASSWORD naming `path`.
 */
export async function assertPasswordRules(db: Db, password: string, username: string, path = 'password') {
  const issue = passwordIssue(password, { username, demo: await isDemo(db) });
  if (!issue) return;
  const params = issue === 'passwordTooShort' ? { min: passwordMinLength } : undefined;
  throw fieldError(issue, path, params, 'WEAK_PASSWORD');
}
