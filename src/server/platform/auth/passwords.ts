import { hash, verify } from '@node-rs/argon2';
import { passwordMinLength } from '../../../shared/schemas/auth.js';
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

/** Password rules: at least 12 characters and not the username (in any letter case). */
export function assertPasswordRules(password: string, username: string): void {
  const p = password.trim().toLowerCase();
  if (password.length < passwordMinLength || p === username.trim().toLowerCase()) {
    throw fieldError('passwordRules', 'password', undefined, 'WEAK_PASSWORD');
  }
}
