import commonPasswords from './common-passwords.json' with { type: 'json' };
import type { FieldIssueCode } from './field-issues.js';
import { passwordMinLength } from './schemas/auth.js';

/** The password every demo account has; refused outside demo mode. */
export const demoPassword = 'Quartier-Demo-2026';

const common = new Set<string>(commonPasswords);

const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Runs a password may not be part of: alphabet, digits, German and English keyboard rows (both ways). */
const runs = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertzuiopü',
  'qwertyuiop',
  'asdfghjklöä',
  'yxcvbnm',
  'zxcvbnm',
];
const sequences = [...runs, ...runs.map((r) => [...r].reverse().join(''))];

/** The password without leading/trailing digits and symbols, de-leeted: "P@ssw0rt2026!" → "passwort". */
function core(lower: string): string {
  const stripped = lower.replace(/^[^a-zäöüß]+|[^a-zäöüß]+$/g, '');
  return [...(stripped || lower)].map((c) => leet[c] ?? c).join('');
}

/** A short pattern repeated, e.g. "abcabcabcabc", "12121212…". */
function isRepeatedPattern(p: string): boolean {
  for (let len = 1; len <= 4; len++) {
    if (p.length % len === 0 && p.slice(0, len).repeat(p.length / len) === p) return true;
  }
  return false;
}

function isSequence(p: string): boolean {
  return sequences.some((s) => s.includes(p) || (p.length > s.length && isRepeatedRun(p, s)));
}

/** "12345678901234…" wraps around its run. */
function isRepeatedRun(p: string, run: string): boolean {
  const start = run.indexOf(p[0]);
  if (start < 0) return false;
  return [...p].every((c, i) => run[(start + i) % run.length] === c);
}

export interface PasswordContext {
  username: string;
  /** demo mode: the demo password is allowed */
  demo: boolean;
}

/**
 * The first password rule a password breaks, as a field issue code; null when it is fine. Server and web
 * share it, so the form answers at once and the API refuses the same.
 */
export function passwordIssue(password: string, context: PasswordContext): FieldIssueCode | null {
  if (password.length < passwordMinLength) return 'passwordTooShort';
  const lower = password.toLowerCase();
  const compact = lower.replace(/[\s._\-+*#!?]/g, '');
  if (isRepeatedPattern(lower) || new Set(lower).size < 4) return 'passwordRepeated';
  if (isSequence(lower) || isSequence(compact)) return 'passwordSequence';
  const user = context.username.trim().toLowerCase();
  if (user.length >= 3 && (lower.includes(user) || compact.includes(user.replace(/[._-]/g, '')))) {
    return 'passwordHasUsername';
  }
  if (!context.demo && password === demoPassword) return 'passwordDemo';
  if (common.has(lower) || common.has(compact) || common.has(core(lower)) || common.has(core(compact))) {
    return 'passwordCommon';
  }
  return null;
}
