import type { NetworkReport, NetworkStatisticsQuery } from '../../../shared/schemas/statistics-network.js';
import { type ActorContext, auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { readReplicaOf } from '../../platform/db/replica.js';
import { networkGaps } from '../network/service.js';
import { type ResolvedFilters, resolveFilters, type Viewer } from './filters.js';
import { protectNetworkReport } from './network-protect.js';
import { networkFacts } from './network-queries.js';
import { buildNetworkReport } from './network-report.js';
import { loadLabels } from './report.js';

/**
 * The network tables for filters the report has already resolved (same sites, periods and protection).
 * The gap table is asked for the selected sites' districts with exact counts and then protected here
 * like every other cell; the sites were checked against the viewer's scope by resolveFilters.
 */
export async function networkReportFor(
  db: Db,
  resolved: ResolvedFilters,
  lang: 'de' | 'en',
): Promise<NetworkReport> {
  const siteIds = resolved.filters.siteIds;
  const [facts, gaps, labels] = await Promise.all([
    networkFacts(readReplicaOf(db), resolved.periods),
    siteIds.length
      ? networkGaps(db, { siteIds, cityWide: true, exact: true }, { siteIds: siteIds.join(',') })
      : Promise.resolve([]),
    loadLabels(db, lang),
  ]);
  const exact = buildNetworkReport(resolved, facts, gaps, labels, lang);
  return resolved.filters.protected ? protectNetworkReport(exact) : exact;
}

/** GET /api/statistics/network: computes the tables and records who looked with which filters. */
export async function viewNetworkReport(
  db: Db,
  ctx: ActorContext,
  viewer: Viewer,
  q: NetworkStatisticsQuery,
  lang: 'de' | 'en',
): Promise<NetworkReport> {
  const resolved = await resolveFilters(db, viewer, q);
  const report = await networkReportFor(db, resolved, lang);
  await auditAccess(db, ctx, {
    action: 'statistics.viewed',
    entityType: 'statistics',
    entityId: 'network',
    fields: resolved.given,
  });
  return report;
}
