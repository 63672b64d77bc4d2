import { z } from 'zod';
import { roles } from '../permissions.js';
import { isoDate, uuid } from './common.js';

/**
 * The subject access export (Art. 15 GDPR; Art. 20 as machine-readable JSON): everything stored about one
 * person and — where they are the household's contact person (role `head`) — about their household.
 * Codes of editable lists come with their German label (`{code, label}`); dates are `YYYY-MM-DD`, instants
 * ISO 8601. `accesses` lists who read or wrote the household's or the person's records, from the audit log.
 */
export const exportFormats = ['json', 'pdf'] as const;
export const personExportQuery = z.object({ format: z.enum(exportFormats).default('json') });
export const personIdParams = z.object({ id: uuid });

const labelled = z.object({ code: z.string(), label: z.string() });
export type Labelled = z.infer<typeof labelled>;

export const exportPerson = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  /** the name in original script (Arabic, Cyrillic …): in the JSON only, the PDF's font lacks the glyphs */
  originalScriptName: z.string().nullable(),
  birthDate: isoDate.nullable(),
  birthYear: z.number().int().nullable(),
  gender: z.string(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  residenceStatus: labelled.nullable(),
  residenceValidUntil: isoDate.nullable(),
  residenceRequirement: z.string().nullable(),
  roleInHousehold: z.string(),
  leftOn: isoDate.nullable(),
  createdAt: z.string(),
});

export const exportHousehold = z.object({
  id: uuid,
  caseNumber: z.string(),
  site: z.string(),
  registeredSite: z.string(),
  category: labelled,
  registeredOn: isoDate,
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  district: labelled.nullable(),
  subdistrict: labelled.nullable(),
  movedInOn: isoDate.nullable(),
  languages: z.array(z.string()),
  status: z.string(),
  anonymisedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const personExport = z.object({
  generatedAt: z.string(),
  generatedBy: z.string(),
  /** `personAndHousehold` when the person is the household's contact person */
  coverage: z.enum(['person', 'personAndHousehold']),
  person: exportPerson,
  household: exportHousehold,
  /** the other members, when the household is covered */
  members: z.array(exportPerson),
  consents: z.array(
    z.object({
      id: uuid,
      givenOn: isoDate,
      givenByPersonId: uuid.nullable(),
      processing: z.boolean(),
      contactByPhone: z.boolean(),
      volunteerContact: z.boolean(),
      sharingOrganisations: z.array(labelled),
      noticeLanguage: z.string().nullable(),
      noticeVersion: z.string().nullable(),
      withdrawnOn: isoDate.nullable(),
      createdAt: z.string(),
    }),
  ),
  needs: z.array(
    z.object({
      id: uuid,
      personId: uuid.nullable(),
      assessedOn: isoDate,
      lifeArea: labelled,
      level: z.number().int(),
      obstacles: z.array(labelled),
      goals: z.string().nullable(),
    }),
  ),
  referrals: z.array(
    z.object({
      id: uuid,
      personId: uuid.nullable(),
      date: isoDate,
      organisation: labelled,
      lifeArea: labelled,
      status: z.string(),
      sharesData: z.boolean(),
      outcome: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: uuid,
      date: isoDate,
      contactType: labelled,
      durationMinutes: z.number().int().nullable(),
      memberIds: z.array(uuid),
      mediationLanguage: z.string().nullable(),
      mediatorName: z.string().nullable(),
      note: z.string().nullable(),
      reasons: z.array(z.object({ lifeArea: labelled, supportKind: labelled })),
    }),
  ),
  appointments: z.array(
    z.object({
      id: uuid,
      date: isoDate,
      startTime: z.string(),
      durationMinutes: z.number().int(),
      languageNeeded: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  followUps: z.array(
    z.object({ id: uuid, dueOn: isoDate, text: z.string(), kind: z.string(), doneAt: z.string().nullable() }),
  ),
  casePlans: z.array(
    z.object({
      id: uuid,
      personId: uuid.nullable(),
      programme: z.string(),
      status: z.string(),
      goals: z.unknown(),
      reviewDates: z.array(isoDate),
    }),
  ),
  transfers: z.array(
    z.object({
      id: uuid,
      from: z.string(),
      to: z.string(),
      transferredOn: isoDate,
      note: z.string().nullable(),
    }),
  ),
  volunteerAssignments: z.array(
    z.object({
      id: uuid,
      volunteer: z.string(),
      kind: z.string(),
      startsOn: isoDate,
      endsOn: isoDate.nullable(),
      status: z.string(),
    }),
  ),
  mediatorBookings: z.array(
    z.object({
      id: uuid,
      mediator: z.string(),
      language: z.string(),
      date: isoDate,
      fromTime: z.string(),
      toTime: z.string(),
      status: z.string(),
    }),
  ),
  /** who accessed the records when (audit log: reads and writes of the household and the person), newest first */
  accesses: z.array(
    z.object({
      at: z.string(),
      actor: z.string().nullable(),
      role: z.enum(roles).nullable(),
      action: z.string(),
      entityType: z.string(),
    }),
  ),
});
export type PersonExport = z.infer<typeof personExport>;

/** One line of a household's access report: who opened or changed which record, when. */
export const accessEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: uuid.nullable(),
  actor: z.string().nullable(),
  role: z.enum(roles).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
});
export type AccessEntry = z.infer<typeof accessEntry>;
export const accessReportQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const accessReport = z.object({
  householdId: uuid,
  caseNumber: z.string(),
  items: z.array(accessEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessReport = z.infer<typeof accessReport>;

/** The DPO's way in (no case lists for them): a case number gives the household's persons, names and role only. */
export const subjectLookupQuery = z.object({ caseNumber: z.string().trim().min(3).max(40) });
export const subjectLookupResult = z.object({
  householdId: uuid,
  caseNumber: z.string(),
  persons: z.array(
    z.object({ id: uuid, firstName: z.string(), lastName: z.string(), roleInHousehold: z.string() }),
  ),
});
export type SubjectLookupResult = z.infer<typeof subjectLookupResult>;
