import type { CaseworkCodes } from './casework.js';
import type { ContactCodes } from './contacts.js';
import type { HouseholdPlan, SiteGeography } from './households.js';
import type { NetworkContext } from './network-context.js';

export interface DemoSite {
  id: string;
  code: string;
  openedOn: string;
  closedOn: string | null;
  geography: SiteGeography;
}

/** Everything the generator reads from the database before it starts: sites, codes, staff, counters. */
export interface DemoContext {
  sites: DemoSite[];
  contactCodes: ContactCodes;
  caseworkCodes: CaseworkCodes;
  residenceStatuses: Set<string>;
  /** demo caseworkers and site leads per site id */
  staffBySite: Map<string, string[]>;
  /** last case number per `${siteId}:${year}` already taken */
  counters: Map<string, number>;
  /** labels, event types and demo staff of the network part */
  network: NetworkContext;
}

export interface GeneratorOptions {
  scale: number;
  seed: number;
  /** YYYY-MM-DD; data run up to this day */
  today: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SitePlan {
  site: DemoSite;
  households: HouseholdPlan[];
  anonymousDays: number[];
  windowEnd: number;
}
