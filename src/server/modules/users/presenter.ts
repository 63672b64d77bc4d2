import type { Role } from '../../../shared/permissions.js';
import type { User } from '../../../shared/schemas/users.js';
import type { users } from '../../db/schema/index.js';

export function presentUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    siteIds: row.siteIds,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}
