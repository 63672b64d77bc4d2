import type { Household, Person } from '../../../shared/schemas/households.js';
import type { households, persons } from '../../db/schema/index.js';
import { sameColumns } from '../../platform/present.js';

type HouseholdRow = typeof households.$inferSelect;
type PersonRow = typeof persons.$inferSelect;

export function presentPerson(row: PersonRow): Person {
  return {
    ...sameColumns(row, [
      'id',
      'householdId',
      'firstName',
      'lastName',
      'originalScriptName',
      'birthDate',
      'birthYear',
      'nationality',
      'languages',
      'residenceStatus',
      'residenceValidUntil',
      'residenceRequirement',
      'leftOn',
    ]),
    gender: row.gender as Person['gender'],
    roleInHousehold: row.roleInHousehold as Person['roleInHousehold'],
  };
}

export function presentHousehold(row: HouseholdRow, members: PersonRow[]): Household {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    siteId: row.siteId,
    registeredSiteId: row.registeredSiteId,
    category: row.category,
    registeredOn: row.registeredOn,
    districtCode: row.districtCode,
    address: {
      street: row.street,
      postcode: row.postcode,
      city: row.city,
      subdistrictCode: row.subdistrictCode,
    },
    movedInOn: row.movedInOn,
    languages: row.languages,
    status: row.status as Household['status'],
    members: members.map(presentPerson),
    restriction: row.restrictedAt
      ? { at: row.restrictedAt.toISOString(), reason: row.restrictionReason }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
