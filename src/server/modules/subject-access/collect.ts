import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Labelled, PersonExport } from '../../../shared/schemas/export.js';
import {
  appointments,
  casePlans,
  consents,
  contactReasons,
  contacts,
  followUps,
  type households,
  mediatorBookings,
  mediators,
  needsAssessments,
  persons,
  referenceValues,
  referrals,
  sites,
  transfers,
  volunteerAssignments,
  volunteers,
} from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { accessEntries, householdRecordIds } from './records.js';

type PersonRow = typeof persons.$inferSelect;
type HouseholdRow = typeof households.$inferSelect;

/** German labels of the editable lists: `label('life-areas', 'wohnen')` → {code, label}. */
async function labeller(db: Db) {
  const rows = await db
    .select({ list: referenceValues.list, code: referenceValues.code, label: referenceValues.labelDe })
    .from(referenceValues);
  const map = new Map(rows.map((r) => [`${r.list}:${r.code}`, r.label]));
  return (list: string, code: string): Labelled => ({ code, label: map.get(`${list}:${code}`) ?? code });
}

function presentPerson(p: PersonRow, label: Awaited<ReturnType<typeof labeller>>) {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    originalScriptName: p.originalScriptName,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    gender: p.gender,
    nationality: p.nationality,
    languages: p.languages,
    residenceStatus: p.residenceStatus ? label('residence-statuses', p.residenceStatus) : null,
    residenceValidUntil: p.residenceValidUntil,
    residenceRequirement: p.residenceRequirement,
    roleInHousehold: p.roleInHousehold,
    leftOn: p.leftOn,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Keeps a household-wide row when the household is covered, else only the person's own rows. */
function mine<T extends { personId: string | null }>(rows: T[], personId: string, whole: boolean) {
  return whole ? rows : rows.filter((r) => r.personId === personId);
}

/**
 * Everything stored about the person, and about their household where they are its contact person
 * (`head`): the person's own records otherwise. Read without scope: the caller has checked the site.
 */
export async function collectExport(
  db: Db,
  person: PersonRow,
  household: HouseholdRow,
  generatedBy: string,
): Promise<PersonExport> {
  const label = await labeller(db);
  const hid = household.id;
  const whole = person.roleInHousehold === 'head';
  const siteNames = new Map((await db.select().from(sites)).map((s) => [s.id, s.name]));
  const site = (id: string) => siteNames.get(id) ?? id;
  const [members, consentRows, needRows, referralRows, contactRows, apptRows, followRows, planRows] =
    await Promise.all([
      db.select().from(persons).where(eq(persons.householdId, hid)).orderBy(asc(persons.createdAt)),
      db.select().from(consents).where(eq(consents.householdId, hid)).orderBy(asc(consents.givenOn)),
      db
        .select()
        .from(needsAssessments)
        .where(eq(needsAssessments.householdId, hid))
        .orderBy(asc(needsAssessments.assessedOn)),
      db.select().from(referrals).where(eq(referrals.householdId, hid)).orderBy(asc(referrals.date)),
      db
        .select()
        .from(contacts)
        .where(eq(contacts.householdId, hid))
        .orderBy(asc(contacts.date), asc(contacts.createdAt)),
      whole
        ? db
            .select()
            .from(appointments)
            .where(eq(appointments.householdId, hid))
            .orderBy(asc(appointments.date))
        : [],
      whole
        ? db.select().from(followUps).where(eq(followUps.householdId, hid)).orderBy(asc(followUps.dueOn))
        : [],
      db.select().from(casePlans).where(eq(casePlans.householdId, hid)).orderBy(asc(casePlans.createdAt)),
    ]);
  const myContacts = whole ? contactRows : contactRows.filter((c) => c.memberIds.includes(person.id));
  const reasonRows = myContacts.length
    ? await db
        .select()
        .from(contactReasons)
        .where(
          inArray(
            contactReasons.contactId,
            myContacts.map((c) => c.id),
          ),
        )
    : [];
  const [transferRows, assignmentRows, bookingRows] = whole
    ? await Promise.all([
        db
          .select()
          .from(transfers)
          .where(eq(transfers.householdId, hid))
          .orderBy(asc(transfers.transferredOn)),
        db
          .select({ a: volunteerAssignments, first: volunteers.firstName, last: volunteers.lastName })
          .from(volunteerAssignments)
          .innerJoin(volunteers, eq(volunteers.id, volunteerAssignments.volunteerId))
          .where(eq(volunteerAssignments.householdId, hid)),
        db
          .select({ b: mediatorBookings, name: mediators.name })
          .from(mediatorBookings)
          .innerJoin(mediators, eq(mediators.id, mediatorBookings.mediatorId))
          .where(eq(mediatorBookings.householdId, hid))
          .orderBy(desc(mediatorBookings.date)),
      ])
    : [[], [], []];
  const accesses = await accessEntries(db, await householdRecordIds(db, hid), 1, 10_000);
  return {
    generatedAt: new Date().toISOString(),
    generatedBy,
    coverage: whole ? 'personAndHousehold' : 'person',
    person: presentPerson(person, label),
    household: {
      id: hid,
      caseNumber: household.caseNumber,
      site: site(household.siteId),
      registeredSite: site(household.registeredSiteId),
      category: label('household-categories', household.category),
      registeredOn: household.registeredOn,
      street: household.street,
      postcode: household.postcode,
      city: household.city,
      district: household.districtCode ? label('districts', household.districtCode) : null,
      subdistrict: household.subdistrictCode ? label('subdistricts', household.subdistrictCode) : null,
      movedInOn: household.movedInOn,
      languages: household.languages,
      status: household.status,
      anonymisedAt: household.anonymisedAt?.toISOString() ?? null,
      createdAt: household.createdAt.toISOString(),
    },
    members: whole ? members.filter((m) => m.id !== person.id).map((m) => presentPerson(m, label)) : [],
    consents: consentRows
      .filter((c) => whole || c.givenByPersonId === person.id)
      .map((c) => ({
        id: c.id,
        givenOn: c.givenOn,
        givenByPersonId: c.givenByPersonId,
        processing: c.processing,
        contactByPhone: c.contactByPhone,
        volunteerContact: c.volunteerContact,
        sharingOrganisations: c.sharingOrganisationCodes.map((o) => label('organisations', o)),
        noticeLanguage: c.noticeLanguage,
        noticeVersion: c.noticeVersion,
        withdrawnOn: c.withdrawnOn,
        createdAt: c.createdAt.toISOString(),
      })),
    needs: mine(needRows, person.id, whole).map((n) => ({
      id: n.id,
      personId: n.personId,
      assessedOn: n.assessedOn,
      lifeArea: label('life-areas', n.lifeArea),
      level: n.level,
      obstacles: n.obstacles.map((o) => label('obstacles', o)),
      goals: n.goals,
    })),
    referrals: mine(referralRows, person.id, whole).map((r) => ({
      id: r.id,
      personId: r.personId,
      date: r.date,
      organisation: label('organisations', r.organisation),
      lifeArea: label('life-areas', r.lifeArea),
      status: r.status,
      sharesData: r.sharesData,
      outcome: r.outcome,
    })),
    contacts: myContacts.map((c) => ({
      id: c.id,
      date: c.date,
      contactType: label('contact-types', c.contactType),
      durationMinutes: c.durationMinutes,
      memberIds: c.memberIds,
      mediationLanguage: c.mediationLanguage,
      mediatorName: c.mediatorName,
      note: c.note,
      reasons: reasonRows
        .filter((r) => r.contactId === c.id)
        .map((r) => ({
          lifeArea: label('life-areas', r.lifeArea),
          supportKind: label('support-kinds', r.supportKind),
        })),
    })),
    appointments: apptRows.map((a) => ({
      id: a.id,
      date: a.date,
      startTime: a.startTime.slice(0, 5),
      durationMinutes: a.durationMinutes,
      languageNeeded: a.languageNeeded,
      note: a.note,
    })),
    followUps: followRows.map((f) => ({
      id: f.id,
      dueOn: f.dueOn,
      text: f.text,
      kind: f.kind,
      doneAt: f.doneAt?.toISOString() ?? null,
    })),
    casePlans: mine(planRows, person.id, whole).map((p) => ({
      id: p.id,
      personId: p.personId,
      programme: p.programme,
      status: p.status,
      goals: p.goals,
      reviewDates: p.reviewDates,
    })),
    transfers: transferRows.map((t) => ({
      id: t.id,
      from: site(t.fromSiteId),
      to: site(t.toSiteId),
      transferredOn: t.transferredOn,
      note: t.note,
    })),
    volunteerAssignments: assignmentRows.map(({ a, first, last }) => ({
      id: a.id,
      volunteer: `${first} ${last}`,
      kind: a.kind,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      status: a.status,
    })),
    mediatorBookings: bookingRows.map(({ b, name }) => ({
      id: b.id,
      mediator: name,
      language: b.language,
      date: b.date,
      fromTime: b.fromTime.slice(0, 5),
      toTime: b.toTime.slice(0, 5),
      status: b.status,
    })),
    accesses: accesses.items.map((a) => ({
      at: a.at,
      actor: a.actor,
      role: a.role,
      action: a.action,
      entityType: a.entityType,
    })),
  };
}
