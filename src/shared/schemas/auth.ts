import { z } from 'zod';
import { roles } from '../permissions.js';
import { uuid } from './common.js';

export const passwordMinLength = 12;

export const sessionUser = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  siteIds: z.array(uuid),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  /** the 6-digit code of the authenticator app, or a recovery code; asked for when the answer is MFA_REQUIRED */
  code: z.string().trim().min(1).max(40).optional(),
  /** "remember this device": a persistent cookie; otherwise the cookie ends with the browser session */
  remember: z.boolean().optional(),
});

/** What the account must do before anything else, and its second factor. */
export const accountState = z.object({
  mfaEnabled: z.boolean(),
  /** the role must use a second factor (QUARTIER_MFA_REQUIRED_ROLES) */
  mfaRequired: z.boolean(),
  /** the administration reset the password: choose a new one first */
  passwordMustChange: z.boolean(),
});
export type AccountState = z.infer<typeof accountState>;

export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string(), account: accountState });
export type LoginResponse = z.infer<typeof loginResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(passwordMinLength).max(1000),
});

export const metaResponse = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  languages: z.array(z.string()),
  idleTimeoutMinutes: z.number(),
  /** days in which the author of a case record may correct or delete it (QUARTIER_CORRECTION_DAYS) */
  correctionDays: z.number().int().optional(),
});
export type Meta = z.infer<typeof metaResponse>;

export const mfaSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const mfaEnableBody = z.object({ code: z.string().trim().min(1).max(20) });
export const mfaDisableBody = z.object({ password: z.string().min(1).max(1000) });
export const mfaEnableResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type MfaSetup = z.infer<typeof mfaSetupResponse>;

export const sessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  remember: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  clientIp: z.string().nullable(),
});
export const sessionList = z.array(sessionInfo);
export type SessionInfo = z.infer<typeof sessionInfo>;
