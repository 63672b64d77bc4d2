import { z } from 'zod';
import { isoDate, uuid } from './common.js';
import { statisticsProtection } from './statistics-protection.js';

/**
 * Statistics (Berichte). What is counted, for a period [from, to] (dates inclusive) and a set of sites:
 * - households: households whose registering site (the site that first registered them; a transfer
 *   does not move them) is one of the sites, with a registration date in the period;
 * - persons: all members of those households;
 * - contacts: contacts logged by one of the sites with a date in the period, anonymous ones included
 *   (they count as other advice seekers);
 * - reasons: the counselling reasons (life area × kind of support) of those contacts.
 * Without `from` each site counts from its own opening date ("since opening"); without `to`, up to today
 * (Europe/Berlin).
 */
export const statisticsCategory = z.enum(['all', 'refugee', 'other']);
export type StatisticsCategory = z.infer<typeof statisticsCategory>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const statisticsQuery = z.object({
  from: isoDate.optional().describe('first day (inclusive); omitted: each site from its opening date'),
  to: isoDate.optional().describe('last day (inclusive); omitted: today'),
  siteIds: z
    .string()
    .max(4000)
    .refine((s) => s.split(',').every((id) => uuidPattern.test(id.trim())), 'siteIdList')
    .optional()
    .describe('comma-separated site ids; omitted: all sites you may see'),
  category: statisticsCategory
    .optional()
    .describe('omitted: the table counts all households, the charts refugee households only'),
  publication: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: protect small cells (always on for the advisory board)'),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

/** The table names of the CSV export (`?table=`); also the XLSX sheets, in this order. */
export const statisticsTables = [
  'sites',
  'households-per-month',
  'households-per-district',
  'contact-types',
  'reasons-by-life-area',
  'reasons-by-support-kind',
  'reasons-matrix',
  'reasons-per-month',
] as const;
export type StatisticsTable = (typeof statisticsTables)[number];

/** The tables of network and community work (statistics-network.ts), after the report's in files. */
export const networkStatisticsTables = [
  'events-by-type',
  'events-by-district',
  'volunteers',
  'mediator-bookings',
  'referrals-to-offers',
  'network-gaps',
] as const;
export type NetworkStatisticsTable = (typeof networkStatisticsTables)[number];
/** Any table of the page and the files. */
export type ReportTableKey = StatisticsTable | NetworkStatisticsTable;

/** The files' language (sheet and file names, labels); omitted: the request's Accept-Language. */
export const exportLanguage = z
  .enum(['de', 'en'])
  .optional()
  .describe('file language; omitted: Accept-Language');
export const statisticsExportQuery = statisticsQuery.extend({ lang: exportLanguage });

export const csvDialects = ['excel', 'plain'] as const;
export type CsvDialect = (typeof csvDialects)[number];

export const statisticsCsvQuery = statisticsExportQuery.extend({
  table: z
    .enum([...statisticsTables, ...networkStatisticsTables])
    .optional()
    .describe(
      'one table in the layout of its XLSX sheet; omitted: every table (excel: one block per table with a title line and a header row, separated by an empty line; plain: one long CSV with the columns table, row, label, column, value)',
    ),
  dialect: z
    .enum(csvDialects)
    .optional()
    .describe(
      'excel (default): for German Excel — semicolons, UTF-8 with BOM, decimal comma, CRLF; plain: for machines — commas, no BOM, decimal point, LF',
    ),
});

/** Small-cell protection withholds every count from 1 to `smallCellThreshold - 1`. */
export const smallCellThreshold = 3;

/**
 * Small-cell protection (permission statistics.exact missing, or publication=true): a count from 1 to
 * smallCellThreshold - 1 is withheld ("small", printed "< 3"); further counts are withheld ("secondary", printed "x") so that no withheld count can
 * be worked out from the published totals. Zero stays zero. A withheld count is `null` and its field name
 * appears in the object's `suppressed` map with the reason.
 */
export const withheldReason = z.enum(['small', 'secondary']);
export type WithheldReason = z.infer<typeof withheldReason>;
export const protectedCount = z
  .number()
  .int()
  .min(0)
  .nullable()
  .describe('null when withheld by small-cell protection (see `suppressed`)');
export const suppressed = z
  .record(z.string(), withheldReason)
  .optional()
  .describe('field name → why it is withheld; absent when nothing is');

export const statisticsFilters = z.object({
  from: isoDate.nullable().describe('null: since each site’s opening'),
  to: isoDate,
  siteIds: z.array(uuid),
  /** what the sites table counts */
  category: statisticsCategory,
  /** what the charts count (refugee households unless the filter says otherwise) */
  chartCategory: statisticsCategory,
  protected: z.boolean(),
});
export type StatisticsFilters = z.infer<typeof statisticsFilters>;

const measures = {
  households: protectedCount,
  persons: protectedCount,
  contacts: protectedCount,
  suppressed,
};

export const statisticsSiteRow = z.object({
  siteId: uuid,
  siteCode: z.string(),
  siteName: z.string(),
  /** the period counted for this site: `from` is the site's opening date when the filter has none */
  from: isoDate,
  to: isoDate,
  openedOn: isoDate,
  ...measures,
});
export const sitesTable = z.object({ rows: z.array(statisticsSiteRow), total: z.object(measures) });

export const monthKey = z.string().regex(/^\d{4}-\d{2}$/);
export const householdsPerMonth = z.object({
  months: z.array(monthKey),
  series: z.array(
    z.object({
      siteId: uuid,
      siteName: z.string(),
      /** the months of this site's period */
      points: z.array(
        z.object({
          month: monthKey,
          households: protectedCount.describe('registered in this month'),
          cumulative: protectedCount.describe('registered from the start of the period to the month’s end'),
          suppressed,
        }),
      ),
    }),
  ),
});

export const breakdownItem = z.object({
  /** reference code; null for households without a district */
  code: z.string().nullable(),
  label: z.string(),
  count: protectedCount,
  suppressed,
});
export const breakdown = z.object({
  items: z.array(breakdownItem),
  total: z.object({ count: protectedCount, suppressed }),
});
export type Breakdown = z.infer<typeof breakdown>;

export const reasonsMatrix = z.object({
  lifeAreas: z.array(breakdownItem).describe('row totals'),
  supportKinds: z.array(breakdownItem).describe('column totals'),
  cells: z.array(
    z.object({ lifeArea: z.string(), supportKind: z.string(), count: protectedCount, suppressed }),
  ),
  total: z.object({ count: protectedCount, suppressed }),
});

export const reasonsPerMonth = z.object({
  months: z.array(monthKey),
  series: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      points: z.array(z.object({ month: monthKey, count: protectedCount, suppressed })),
    }),
  ),
});

const withFilters = <T extends z.ZodRawShape>(o: z.ZodObject<T>) =>
  o.extend({ filters: statisticsFilters, protection: statisticsProtection });

export const sitesReport = withFilters(sitesTable);
export const householdsPerMonthReport = withFilters(householdsPerMonth);
export const breakdownReport = withFilters(breakdown);
export const reasonsMatrixReport = withFilters(reasonsMatrix);
export const reasonsPerMonthReport = withFilters(reasonsPerMonth);

/** Everything on the report page in one answer (one set of queries, one audit entry). */
export const fullReport = z.object({
  filters: statisticsFilters,
  protection: statisticsProtection,
  sites: sitesTable,
  householdsPerMonth,
  householdsPerDistrict: breakdown,
  contactTypes: breakdown,
  reasonsByLifeArea: breakdown,
  reasonsBySupportKind: breakdown,
  reasonsMatrix,
  reasonsPerMonth,
});
export type FullReport = z.infer<typeof fullReport>;
export type SitesTable = z.infer<typeof sitesTable>;
export type HouseholdsPerMonth = z.infer<typeof householdsPerMonth>;
export type ReasonsMatrix = z.infer<typeof reasonsMatrix>;
export type ReasonsPerMonth = z.infer<typeof reasonsPerMonth>;
