import { can, type Role } from '../../../shared/permissions';

/** Where a sign-in lands: case staff start their day on "Mein Tag", every other role on the start page. */
export function landingPath(role: Role): string {
  return can(role, 'household.read') ? '/my-day' : '/';
}
