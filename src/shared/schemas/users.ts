import { z } from 'zod';
import { roles } from '../permissions.js';
import { passwordMinLength } from './auth.js';
import { nonEmptyPatch, paged, pageQuery, uuid } from './common.js';

export const username = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, ".", "_" and "-"');

export const user = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  siteIds: z.array(uuid),
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(passwordMinLength).max(1000),
  role: z.enum(roles),
  siteIds: z.array(uuid).default([]),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = nonEmptyPatch(
  z
    .object({
      displayName: z.string().trim().min(1).max(120),
      role: z.enum(roles),
      siteIds: z.array(uuid),
      active: z.boolean(),
      password: z.string().min(passwordMinLength).max(1000),
    })
    .partial(),
);
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const userSortFields = ['username', 'displayName', 'role', 'createdAt'] as const;
export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
  siteId: uuid.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(userSortFields).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const userList = paged(user);
export const userIdParams = z.object({ id: uuid });
