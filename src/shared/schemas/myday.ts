import { z } from 'zod';
import { uuid } from './common.js';

/** `GET /api/start/idle-volunteers`: active volunteers without a current assignment (first 10, and how many). */
export const idleVolunteers = z.object({
  items: z.array(z.object({ id: uuid, firstName: z.string(), lastName: z.string() })),
  total: z.number().int(),
});
export type IdleVolunteers = z.infer<typeof idleVolunteers>;
