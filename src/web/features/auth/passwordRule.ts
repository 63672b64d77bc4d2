import type { TFunction } from 'i18next';
import { fieldIssueText } from '../../../shared/field-issues';
import { passwordIssue } from '../../../shared/password-rules';
import { passwordMinLength } from '../../../shared/schemas/auth';
import { currentLanguage } from '../../i18n';

/**
 * The server's password rules (shared/password-rules.ts), checked early for a quick answer. `demo` comes from
 * /api/meta; while it is unknown the demo password is left to the server.
 */
export function passwordProblem(
  password: string,
  username: string,
  t: TFunction,
  demo = true,
): string | null {
  if (!password) return t('validation.required');
  const issue = passwordIssue(password, { username, demo });
  if (!issue) return null;
  return fieldIssueText(issue, currentLanguage() === 'en' ? 'en' : 'de', { min: passwordMinLength });
}
