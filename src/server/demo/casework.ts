import { appointmentRows } from './appointments.js';
import { officeTime } from './calendar.js';
import {
  type CaseRecordScope,
  consentRows,
  followUpAndTransferRows,
  needsRows,
  referralRows,
} from './case-records.js';
import type { HouseholdPlan } from './households.js';
import type { Rng } from './random.js';
import type { DemoTable, Value } from './writer.js';

/** What the case records around a household may refer to (from the reference lists in the database). */
export interface CaseworkCodes {
  lifeAreas: string[];
  obstacles: Set<string>;
  organisations: { code: string; kind: string | null }[];
}

export type Row = [DemoTable, Value[]];

export class CaseworkModel {
  private readonly orgCodes: Set<string>;
  private readonly sharing: string[];

  constructor(
    private readonly codes: CaseworkCodes,
    private readonly today: number,
  ) {
    this.orgCodes = new Set(codes.organisations.map((o) => o.code));
    this.sharing = codes.organisations
      .filter((o) => o.kind === 'authority' || o.kind === 'cityOffice')
      .map((o) => o.code);
  }

  /** Consent, needs assessments, referrals, follow-ups and the transfer of one household, in this order. */
  householdRecords(rng: Rng, ids: Rng, h: HouseholdPlan, staff: (siteId: string) => string | null): Row[] {
    const rows: Row[] = [];
    const scope: CaseRecordScope = {
      rng,
      ids,
      h,
      today: this.today,
      codes: this.codes,
      orgCodes: this.orgCodes,
      sharingOrgs: this.sharing,
      staff,
      at: (day: number) => officeTime(day, rng.int(8 * 60, 16 * 60)),
    };
    const sharing = consentRows(scope, rows);
    needsRows(scope, rows);
    referralRows(scope, rows, sharing);
    followUpAndTransferRows(scope, rows);
    return rows;
  }

  /** The agenda around today: a few appointments per site and working day with active households. */
  appointments(
    rng: Rng,
    ids: Rng,
    siteId: string,
    households: HouseholdPlan[],
    staff: (siteId: string) => string | null,
  ): Row[] {
    return appointmentRows(rng, ids, siteId, households, staff, this.today);
  }
}
