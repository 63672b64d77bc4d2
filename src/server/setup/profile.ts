import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isoDate } from '../../shared/schemas/common.js';
import { organisationKinds } from '../../shared/schemas/reference.js';

const labelled = z.object({
  code: z.string().min(1),
  labelDe: z.string().min(1),
  labelEn: z.string().min(1),
});

/** A city's default configuration: its sites, districts and reference lists. Another city replaces the file. */
export const profileSchema = z.object({
  name: z.string(),
  districts: z.array(labelled.extend({ subdistricts: z.array(labelled) })),
  organisations: z.array(labelled.extend({ kind: z.enum(organisationKinds) })),
  lifeAreas: z.array(labelled),
  supportKinds: z.array(labelled),
  contactTypes: z.array(labelled),
  householdCategories: z.array(labelled),
  residenceStatuses: z.array(labelled).default([]),
  obstacles: z.array(labelled).default([]),
  sites: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      openedOn: isoDate,
      closedOn: isoDate.nullable().default(null),
      districtCodes: z.array(z.string()),
      organisationCodes: z.array(z.string()),
    }),
  ),
});
export type Profile = z.infer<typeof profileSchema>;

const profilesDir = fileURLToPath(new URL('../../../profiles', import.meta.url));

/** `nameOrPath` is a profile name from ./profiles (e.g. `dortmund`) or a path to a JSON file. */
export function loadProfile(nameOrPath: string): Profile {
  const file = /[/\\]|\.json$/.test(nameOrPath)
    ? path.resolve(nameOrPath)
    : path.join(profilesDir, `${nameOrPath}.json`);
  if (!fs.existsSync(file)) throw new Error(`Profile not found: ${file}`);
  const parsed = profileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Profile ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
