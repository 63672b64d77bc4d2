import { Center, Loader } from '@mantine/core';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { lazyPage } from '../../app/guards';
import { useReference, useSites } from '../../app/queries';
import { firstSessionCheck, useCan } from '../../app/session';
import { askReportEarly, useDistrictGeo, useReport } from './api';
import { filtersFromParams, toApiQuery } from './filters';

// the page and its charts (ECharts) load on demand: most roles never open them
const loadReportPage = () => import('./ReportPage');
const ReportPage = lazyPage(loadReportPage, 'ReportPage');
// opened directly (a link, a bookmark, a reload): its code loads at once, while the session is checked
if (typeof window !== 'undefined' && window.location.pathname.replace(/\/$/, '') === '/reports') {
  void loadReportPage().catch(() => undefined);
  // and its data as soon as the session says who asks, not after the app shell's first render (≈ 200 ms
  // later on a slow machine): the query is the one the route computes from the same address and role
  firstSessionCheck
    ?.then(({ user }) => {
      if (!can(user.role, 'statistics.read')) return;
      const filters = filtersFromParams(new URLSearchParams(window.location.search));
      askReportEarly(toApiQuery(filters, !can(user.role, 'statistics.exact')), user.id);
    })
    .catch(() => undefined);
}

/**
 * The report route: asks for the report, the district boundaries, the districts and the sites at once,
 * while the page's code (with ECharts) is still loading, so that the data are there when the page first
 * renders (before, each request waited for the code and the one before it: 2.9 s to all charts drawn).
 * The page asks for the same queries and gets these answers.
 */
export function ReportRoute() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const query = useMemo(() => toApiQuery(filtersFromParams(params), !can('statistics.exact')), [params, can]);
  useReport(query);
  useDistrictGeo();
  useReference('districts');
  useSites();
  // its own boundary: this component commits (and its queries start) while the page's code loads
  return (
    <Suspense
      fallback={
        <Center mih={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      }
    >
      <ReportPage />
    </Suspense>
  );
}
