import { Button, Code, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditEntityTypes } from '../../../shared/audit-events';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { api } from '../../app/api';
import { queryKeys } from '../../app/queries';
import { type Column, DataTable } from '../../ui/DataTable';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, parseDateInput } from '../../ui/format';
import { Page } from '../../ui/Page';

const pageSize = 50;

interface AuditPageData {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

interface Filters {
  actor: string;
  entityType: string | null;
  from: string;
  to: string;
}

const emptyFilters: Filters = { actor: '', entityType: null, from: '', to: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(emptyFilters);
  const [page, setPage] = useState(1);

  const form = useForm<Filters>({
    initialValues: emptyFilters,
    validate: {
      from: (v) => (parseDateInput(v) === null ? t('validation.date') : null),
      to: (v, values) => {
        const to = parseDateInput(v);
        if (to === null) return t('validation.date');
        const from = parseDateInput(values.from);
        return to && from && to < from ? t('validation.toBeforeFrom') : null;
      },
    },
  });

  const params = {
    page,
    pageSize,
    actor: filters.actor.trim(),
    entityType: filters.entityType,
    from: parseDateInput(filters.from),
    to: parseDateInput(filters.to),
  };
  const list = useQuery({
    queryKey: [...queryKeys.audit, params],
    queryFn: () => api.get<AuditPageData>('/api/audit', params),
    placeholderData: keepPreviousData,
  });

  const entityLabel = (type: string) => t(`audit.entityTypes.${type}`, { defaultValue: type });
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => formatDateTime(e.at) },
    { key: 'actor', header: t('audit.actor'), render: (e) => e.actorUsername ?? t('audit.system') },
    { key: 'role', header: t('audit.role'), render: (e) => (e.role ? t(`roles.${e.role}`) : '') },
    {
      key: 'action',
      header: t('audit.action'),
      render: (e) => t(`audit.actions.${e.action}`, { defaultValue: e.action }),
    },
    { key: 'entityType', header: t('audit.entityType'), render: (e) => entityLabel(e.entityType) },
    {
      key: 'entityId',
      header: t('audit.entityId'),
      render: (e) => (e.entityId ? <Code>{e.entityId}</Code> : ''),
    },
    { key: 'fields', header: t('audit.fields'), render: (e) => e.fields.join(', ') },
    { key: 'requestId', header: t('audit.requestId'), render: (e) => <Code>{e.requestId}</Code> },
  ];

  return (
    <Page title={t('audit.title')}>
      <search aria-label={t('audit.filters')}>
        <form
          onSubmit={form.onSubmit((values) => {
            setFilters(values);
            setPage(1);
          })}
          onReset={(e) => {
            e.preventDefault();
            form.reset();
            setFilters(emptyFilters);
            setPage(1);
          }}
          noValidate
        >
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('audit.actor')}
              description={t('audit.actorHint')}
              {...form.getInputProps('actor')}
            />
            <Select
              label={t('audit.entityType')}
              description={t('audit.entityTypeHint')}
              data={auditEntityTypes.map((type) => ({ value: type, label: entityLabel(type) }))}
              clearable
              {...form.getInputProps('entityType')}
            />
            <DateField label={t('audit.from')} {...form.getInputProps('from')} />
            <DateField label={t('audit.to')} {...form.getInputProps('to')} />
          </Group>
          <Group mt="sm">
            <Button type="submit">{t('audit.apply')}</Button>
            <Button type="reset" variant="default">
              {t('audit.reset')}
            </Button>
          </Group>
        </form>
      </search>
      <ErrorAlert error={list.error} />
      <DataTable
        label={t('audit.tableLabel')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(e) => e.id}
        loading={list.isFetching}
        paging={{ page, pageSize, total: list.data?.total ?? 0, onPageChange: setPage }}
      />
    </Page>
  );
}
