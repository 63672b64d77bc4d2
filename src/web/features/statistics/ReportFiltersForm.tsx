import { Button, Group, MultiSelect, Paper, Radio, Select, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { todayBerlin } from '../../../shared/dates';
import type { Site } from '../../../shared/schemas/sites';
import { DateField } from '../../ui/DateField';
import { formatDate, parseDateInput } from '../../ui/format';
import { QuickSelect } from '../../ui/select/QuickSelect';
import { type PeriodPreset, periodPresets, type ReportFilters } from './filters';

interface FormValues {
  preset: PeriodPreset;
  year: string;
  quarter: string;
  month: string;
  from: string;
  to: string;
  siteIds: string[];
  category: string;
}

const toForm = (f: ReportFilters): FormValues => ({
  preset: f.preset,
  year: String(f.year),
  quarter: String(f.quarter),
  month: String(f.month),
  from: formatDate(f.from),
  to: formatDate(f.to),
  siteIds: f.siteIds,
  category: f.category || 'default',
});

interface Props {
  value: ReportFilters;
  sites: Site[];
  onApply(filters: ReportFilters): void;
}

/** Period (with presets), sites and category; applied with the button, kept in the URL by the page. */
export function ReportFiltersForm({ value, sites, onApply }: Props) {
  const { t, i18n } = useTranslation();
  const form = useForm<FormValues>({
    initialValues: toForm(value),
    validate: {
      from: (v, values) => {
        if (values.preset !== 'custom') return null;
        const from = parseDateInput(v);
        if (from === null) return t('validation.date');
        return from ? null : t('validation.required');
      },
      to: (v, values) => {
        if (values.preset !== 'custom' && values.preset !== 'opening') return null;
        const to = parseDateInput(v);
        if (to === null) return t('validation.date');
        const from = parseDateInput(values.from);
        return values.preset === 'custom' && to && from && to < from ? t('validation.toBeforeFrom') : null;
      },
    },
  });

  // back and forward in the browser change the URL: show what it says
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the applied filters only
  useEffect(() => {
    form.setValues(toForm(value));
    form.resetDirty();
  }, [key]);

  const years = useMemo(() => {
    const now = Number(todayBerlin().slice(0, 4));
    const first = Math.min(now, ...sites.map((s) => Number(s.openedOn.slice(0, 4))));
    return Array.from({ length: now - first + 1 }, (_, i) => String(now - i));
  }, [sites]);
  const months = useMemo(() => {
    const name = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
      month: 'long',
      timeZone: 'UTC',
    });
    return Array.from({ length: 12 }, (_, i) => ({
      value: String(i + 1),
      // "März (03)": typing the name or the number finds the month
      label: t('statistics.filters.monthOption', {
        name: name.format(new Date(Date.UTC(2020, i, 15))),
        number: String(i + 1).padStart(2, '0'),
      }),
    }));
  }, [i18n.language, t]);

  const submit = form.onSubmit((v) => {
    onApply({
      preset: v.preset,
      year: Number(v.year),
      quarter: Number(v.quarter),
      month: Number(v.month),
      from: v.preset === 'custom' ? (parseDateInput(v.from) ?? '') : '',
      to: v.preset === 'custom' || v.preset === 'opening' ? (parseDateInput(v.to) ?? '') : '',
      siteIds: v.siteIds,
      category: v.category === 'default' ? '' : (v.category as ReportFilters['category']),
      publication: value.publication,
    });
  });

  const preset = form.values.preset;
  return (
    <Paper withBorder p="md" radius="md" className="q-no-print">
      <search aria-label={t('statistics.filters.label')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Radio.Group label={t('statistics.filters.period')} {...form.getInputProps('preset')}>
              <Group gap="lg" mt={6} wrap="wrap">
                {periodPresets.map((p) => (
                  <Radio key={p} value={p} label={t(`statistics.presets.${p}`)} />
                ))}
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {preset === 'year' || preset === 'quarter' || preset === 'month' ? (
                <QuickSelect
                  label={t('statistics.filters.year')}
                  data={years}
                  {...form.getInputProps('year')}
                />
              ) : null}
              {preset === 'quarter' ? (
                <QuickSelect
                  label={t('statistics.filters.quarter')}
                  data={[1, 2, 3, 4].map((q) => ({
                    value: String(q),
                    label: t('statistics.filters.quarterOption', { n: q }),
                  }))}
                  {...form.getInputProps('quarter')}
                />
              ) : null}
              {preset === 'month' ? (
                <QuickSelect
                  label={t('statistics.filters.month')}
                  data={months}
                  {...form.getInputProps('month')}
                />
              ) : null}
              {preset === 'custom' ? (
                <DateField label={t('statistics.filters.from')} required {...form.getInputProps('from')} />
              ) : null}
              {preset === 'custom' || preset === 'opening' ? (
                <DateField
                  label={t('statistics.filters.to')}
                  description={`${t('date.hint')} · ${t('statistics.filters.toHint')}`}
                  {...form.getInputProps('to')}
                />
              ) : null}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <MultiSelect
                label={t('statistics.filters.sites')}
                description={t('statistics.filters.sitesHint')}
                data={sites.map((s) => ({ value: s.id, label: s.name }))}
                searchable
                clearable
                hidePickedOptions
                {...form.getInputProps('siteIds')}
              />
              <Select
                label={t('statistics.filters.category')}
                description={t('statistics.filters.categoryHint')}
                data={['default', 'all', 'refugee', 'other'].map((c) => ({
                  value: c,
                  label: t(`statistics.filters.categories.${c}`),
                }))}
                allowDeselect={false}
                {...form.getInputProps('category')}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit">{t('statistics.filters.apply')}</Button>
            </Group>
          </Stack>
        </form>
      </search>
    </Paper>
  );
}
