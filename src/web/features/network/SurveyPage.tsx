import { Badge, Checkbox, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cityWideRoles } from '../../../shared/permissions';
import { partnerKinds } from '../../../shared/schemas/network';
import { useUser } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useRefOptions, useSiteChoices } from '../casework/options';
import { type GapItem, type SurveyDistrict, useGaps, useSurvey } from './api';
import { GapMap } from './GapMap';

/** Bestandserhebung: open needs and active offers per district × life area, the gaps, partners per district. */
export function SurveyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const sites = useSiteChoices();
  const districts = useRefOptions('districts');
  const lifeAreas = useRefOptions('life-areas');
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [onlyGaps, setOnlyGaps] = useState(false);
  const param = siteIds.length ? siteIds.join(',') : undefined;
  const gaps = useGaps(param);
  const survey = useSurvey(param);
  const choosable = cityWideRoles.includes(user.role) ? sites.all : sites.own;

  const gapsByDistrict = useMemo(() => {
    const m = new Map<string, number>();
    for (const g of gaps.data ?? []) if (g.gap) m.set(g.districtCode, (m.get(g.districtCode) ?? 0) + 1);
    return m;
  }, [gaps.data]);
  const districtCodes = useMemo(() => (survey.data ?? []).map((d) => d.districtCode), [survey.data]);
  const rows = (gaps.data ?? []).filter((g) => !onlyGaps || g.gap);

  const gapColumns: Column<GapItem>[] = [
    { key: 'district', header: t('network.district'), render: (g) => districts.label(g.districtCode) },
    { key: 'lifeArea', header: t('network.offers.lifeArea'), render: (g) => lifeAreas.label(g.lifeArea) },
    {
      key: 'openNeeds',
      header: t('network.survey.openNeeds'),
      render: (g) => (g.openNeeds === null ? t('network.survey.band') : g.openNeeds),
    },
    { key: 'activeOffers', header: t('network.survey.activeOffers'), render: (g) => g.activeOffers },
    {
      key: 'gap',
      header: t('network.survey.gap'),
      render: (g) =>
        g.gap ? (
          <Badge color="red.9" variant="filled" style={{ minWidth: 'max-content' }}>
            {t('network.survey.gapYes')}
          </Badge>
        ) : (
          '–'
        ),
    },
  ];
  const surveyColumns: Column<SurveyDistrict>[] = [
    { key: 'district', header: t('network.district'), render: (d) => districts.label(d.districtCode) },
    { key: 'partners', header: t('network.survey.partners'), render: (d) => d.partners },
    {
      key: 'byKind',
      header: t('network.survey.byKind'),
      render: (d) =>
        partnerKinds
          .filter((k) => d.partnersByKind[k])
          .map((k) => `${t(`network.partnerKinds.${k}`)}: ${d.partnersByKind[k]}`)
          .join(', ') || '–',
    },
    { key: 'offers', header: t('network.survey.activeOffers'), render: (d) => d.activeOffers },
    {
      key: 'byArea',
      header: t('network.survey.byLifeArea'),
      render: (d) =>
        Object.entries(d.offersByLifeArea)
          .map(([code, n]) => `${lifeAreas.label(code)}: ${n}`)
          .join(', ') || '–',
    },
  ];

  return (
    <Page title={t('network.survey.title')}>
      <Text>{t('network.survey.intro')}</Text>
      {choosable.length > 1 ? (
        <MultiSelect
          label={t('network.survey.sites')}
          description={t('network.survey.sitesHint')}
          data={choosable.map((s) => ({ value: s.id, label: s.name }))}
          value={siteIds}
          onChange={setSiteIds}
          clearable
          maw={600}
        />
      ) : null}
      <ErrorAlert error={gaps.error ?? survey.error} />
      <Stack component="section" aria-labelledby="survey-gaps">
        <Title order={2} id="survey-gaps">
          {t('network.survey.gapsTitle')}
        </Title>
        {districtCodes.length ? (
          <GapMap gapsByDistrict={gapsByDistrict} districtCodes={districtCodes} />
        ) : null}
        <Group>
          <Checkbox
            label={t('network.survey.onlyGaps')}
            checked={onlyGaps}
            onChange={(e) => setOnlyGaps(e.currentTarget.checked)}
          />
        </Group>
        <DataTable
          label={t('network.survey.tableLabel')}
          columns={gapColumns}
          rows={gaps.data ? rows : undefined}
          rowKey={(g) => `${g.districtCode}|${g.lifeArea}`}
          loading={gaps.isFetching}
        />
        <Text size="sm">{t('network.survey.bandNote')}</Text>
      </Stack>
      <Stack component="section" aria-labelledby="survey-partners">
        <Title order={2} id="survey-partners">
          {t('network.survey.partnersTitle')}
        </Title>
        <DataTable
          label={t('network.survey.partnersTitle')}
          columns={surveyColumns}
          rows={survey.data}
          rowKey={(d) => d.districtCode}
          loading={survey.isFetching}
        />
      </Stack>
    </Page>
  );
}
