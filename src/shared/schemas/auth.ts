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
});
export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string() });
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
});
export type Meta = z.infer<typeof metaResponse>;
