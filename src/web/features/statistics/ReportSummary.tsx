import { useTranslation } from 'react-i18next';
import type { FullReport } from '../../../shared/schemas/statistics';
import { protectionValues } from '../../../shared/statistics-tables';
import { formatDate } from '../../ui/format';

/** What the report counts: period, sites, categories, protection (printed with it). */
export function ReportSummary({ report }: { report: FullReport }) {
  const { t } = useTranslation();
  const f = report.filters;
  const period = f.from
    ? t('statistics.summary.periodRange', { from: formatDate(f.from), to: formatDate(f.to) })
    : t('statistics.summary.sinceOpening', { to: formatDate(f.to) });
  const names = report.sites.rows.map((r) => r.siteName);
  return (
    <dl className="q-report-summary" data-testid="report-summary">
      <dt>{t('statistics.summary.period')}</dt>
      <dd>{period}</dd>
      <dt>{t('statistics.summary.sites')}</dt>
      <dd>{names.length ? names.join(', ') : t('statistics.summary.noSites')}</dd>
      <dt>{t('statistics.summary.categories')}</dt>
      <dd>
        {t('statistics.summary.categoryText', {
          table: t(`statistics.category.${f.category}`),
          charts: t(`statistics.category.${f.chartCategory}`),
        })}
      </dd>
      <dt>{t('statistics.summary.protection')}</dt>
      <dd>
        {f.protected ? t('statistics.summary.protected', protectionValues) : t('statistics.summary.exact')}
      </dd>
    </dl>
  );
}
