import type { FullReport } from '../../../shared/schemas/statistics.js';
import { cellKeyV1 } from '../../../shared/schemas/statistics-protection.js';
import { protectionValues, type Translate } from '../../../shared/statistics-tables.js';
import type { FileValue } from './file-values.js';

const definitions = [
  'households',
  'persons',
  'contacts',
  'reasons',
  // network and community work
  'events',
  'participants',
  'activeVolunteers',
  'newVolunteers',
  'hours',
  'notServed',
  'open',
  'referrals',
  'openNeeds',
] as const;

/** The workbook's first sheet: the filters the report was made with and what its figures mean. */
export function aboutRows(report: FullReport, t: Translate, now: Date): FileValue[][] {
  const f = report.filters;
  const category = (c: string) => t(`statistics.about.categories.${c}`);
  const mark = (reason: 'small' | 'secondary') => t(`statistics.suppressed.${reason}`, protectionValues);
  return [
    [t('statistics.about.item'), t('statistics.about.value')],
    [t('statistics.about.created'), { time: now }],
    [t('statistics.columns.from'), f.from ? { date: f.from } : t('statistics.about.sinceOpening')],
    [t('statistics.columns.to'), { date: f.to }],
    [t('statistics.summary.sites'), report.sites.rows.map((r) => r.siteName).join(', ')],
    [t('statistics.about.tableCategory'), category(f.category)],
    [t('statistics.about.chartCategory'), category(f.chartCategory)],
    [t('statistics.protection.title'), t(f.protected ? 'statistics.about.yes' : 'statistics.about.no')],
    ...(report.protection.method === 'cellKey'
      ? [[t('statistics.protection.method'), t('statistics.protection.methodCellKey', cellKeyV1)]]
      : []),
    [],
    ...definitions.map((d) => [t(`statistics.columns.${d}`), t(`statistics.about.definitions.${d}`)]),
    [t('statistics.total'), t('statistics.about.definitions.total')],
    ...(report.protection.method === 'cellKey'
      ? ['cellKey', 'cellKeySame', 'cellKeyTotals'].map((k) => [
          t('statistics.protection.method'),
          t(`statistics.protection.${k}`, cellKeyV1),
        ])
      : []),
    [mark('small'), t('statistics.protection.small', protectionValues)],
    [mark('secondary'), t('statistics.protection.secondary', protectionValues)],
  ];
}
