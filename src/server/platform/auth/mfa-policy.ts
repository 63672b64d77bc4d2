import type { Role } from '../../../shared/permissions.js';
import type { AccountState } from '../../../shared/schemas/auth.js';
import type { Config } from '../config.js';

/** The roles that must use a second factor: QUARTIER_MFA_REQUIRED_ROLES, none in demo mode. */
export function mfaRequiredRoles(
  config: Pick<Config, 'QUARTIER_DEMO' | 'QUARTIER_MFA_REQUIRED_ROLES'>,
): Role[] {
  return config.QUARTIER_DEMO ? [] : config.QUARTIER_MFA_REQUIRED_ROLES;
}

export interface AccountFlags {
  mfaEnabled: boolean;
  passwordMustChange: boolean;
}

export function accountState(role: Role, flags: AccountFlags, requiredRoles: readonly Role[]): AccountState {
  return {
    mfaEnabled: flags.mfaEnabled,
    mfaRequired: requiredRoles.includes(role),
    passwordMustChange: flags.passwordMustChange,
  };
}

/** What a signed-in account must do before it may use anything else, as an error code; null when nothing. */
export function pendingStep(state: AccountState): 'PASSWORD_CHANGE_REQUIRED' | 'MFA_SETUP_REQUIRED' | null {
  if (state.passwordMustChange) return 'PASSWORD_CHANGE_REQUIRED';
  if (state.mfaRequired && !state.mfaEnabled) return 'MFA_SETUP_REQUIRED';
  return null;
}
