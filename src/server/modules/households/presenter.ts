import type { Household, Person } from '../../../shared/schemas/households.js';
import type { households, persons } from '../../db/schema/index.js';

type HouseholdRow = typeof households.$inferSelect;
type PersonRow = typeof persons.$inferSelect;

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    householdId: row.householdId,
    firstName: row.firstName,
    lastName: row.lastName,
    originalScriptName: row.originalScriptName,
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    gender: row.gender as Person['gender'],
    nationality: row.nationality,
    languages: row.languages,
    residenceStatus: row.residenceStatus,
    residenceValidUntil: row.residenceValidUntil,
    residenceRequirement: row.residenceRequirement,
    roleInHousehold: row.roleInHousehold as Person['roleInHousehold'],
    leftOn: row.leftOn,
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
