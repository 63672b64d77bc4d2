import type { TFunction } from 'i18next';
import { passwordMinLength } from '../../../shared/schemas/auth';

/** The server's password rule, checked early for a quick answer: at least 12 characters, not the username. */
export function passwordProblem(password: string, username: string, t: TFunction): string | null {
  if (!password) return t('validation.required');
  if (password.length < passwordMinLength)
    return t('validation.passwordTooShort', { min: passwordMinLength });
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    return t('validation.passwordIsUsername');
  }
  return null;
}
