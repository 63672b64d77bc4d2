import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceList, ReferenceValue } from '../../../shared/schemas/reference';
import { api } from '../../app/api';
import { queryKeys, useReference } from '../../app/queries';
import { useCan } from '../../app/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { StatusBadge } from '../../ui/StatusBadge';
import { ReferenceValueModal } from './ReferenceValueModal';

export function ReferenceListPanel({ list }: { list: ReferenceList }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = useCan()('reference.manage');
  const values = useReference(list);
  const districts = useReference('districts');
  const [editing, setEditing] = useState<ReferenceValue | 'new' | null>(null);
  const [toggling, setToggling] = useState<ReferenceValue | null>(null);
  const listName = t(`reference.lists.${list}`, { defaultValue: list });

  const reorder = useMutation({
    mutationFn: (codes: string[]) => api.put<ReferenceValue[]>(`/api/reference/${list}/order`, { codes }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.reference(list), saved);
    },
  });

  const toggle = useMutation({
    mutationFn: (value: ReferenceValue) =>
      api.patch<ReferenceValue>(`/api/reference/${list}/${encodeURIComponent(value.code)}`, {
        active: !value.active,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.reference(list) });
      notifySuccess(
        t(saved.active ? 'reference.reactivated' : 'reference.deactivated', { label: saved.label }),
      );
      setToggling(null);
    },
  });

  const move = (index: number, delta: -1 | 1) => {
    const codes = (values.data ?? []).map((v) => v.code);
    const target = index + delta;
    if (target < 0 || target >= codes.length) return;
    [codes[index], codes[target]] = [codes[target], codes[index]];
    reorder.mutate(codes);
  };

  const rows = values.data ?? [];
  const columns: Column<ReferenceValue>[] = [
    { key: 'position', header: t('reference.position'), render: (v) => rows.indexOf(v) + 1 },
    { key: 'code', header: t('reference.code'), render: (v) => v.code },
    { key: 'labelDe', header: t('reference.labelDe'), render: (v) => <span lang="de">{v.labelDe}</span> },
    { key: 'labelEn', header: t('reference.labelEn'), render: (v) => <span lang="en">{v.labelEn}</span> },
  ];
  if (list === 'subdistricts') {
    columns.push({
      key: 'parent',
      header: t('reference.parent'),
      render: (v) => districts.data?.find((d) => d.code === v.parentCode)?.label ?? v.parentCode ?? '',
    });
  }
  if (list === 'organisations') {
    columns.push({
      key: 'kind',
      header: t('reference.kind'),
      render: (v) => (v.kind ? t(`organisationKinds.${v.kind}`, { defaultValue: v.kind }) : ''),
    });
  }
  columns.push({
    key: 'status',
    header: t('reference.status'),
    render: (v) => <StatusBadge active={v.active} />,
  });
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (v) => {
        const index = rows.indexOf(v);
        return (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="default"
              disabled={index === 0 || reorder.isPending}
              onClick={() => move(index, -1)}
              aria-label={t('reference.moveUp', { label: v.label })}
            >
              <span aria-hidden="true">↑</span>
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              disabled={index === rows.length - 1 || reorder.isPending}
              onClick={() => move(index, 1)}
              aria-label={t('reference.moveDown', { label: v.label })}
            >
              <span aria-hidden="true">↓</span>
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setEditing(v)}
              aria-label={t('reference.renameAria', { label: v.label })}
            >
              {t('reference.rename')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setToggling(v)}
              aria-label={t(v.active ? 'reference.deactivateAria' : 'reference.reactivateAria', {
                label: v.label,
              })}
            >
              {v.active ? t('reference.deactivate') : t('reference.reactivate')}
            </Button>
          </Group>
        );
      },
    });
  }

  return (
    <>
      {manage ? (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('reference.create')}</Button>
        </Group>
      ) : null}
      <ErrorAlert error={values.error ?? reorder.error} />
      <DataTable
        label={t('reference.tableLabel', { list: listName })}
        columns={columns}
        rows={values.data}
        rowKey={(v) => v.code}
        loading={values.isFetching}
      />
      {editing ? (
        <ReferenceValueModal
          list={list}
          value={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={!!toggling}
        title={toggling?.active ? t('reference.deactivateTitle') : t('reference.reactivateTitle')}
        message={
          toggling
            ? t(toggling.active ? 'reference.deactivateText' : 'reference.reactivateText', {
                label: toggling.label,
              })
            : ''
        }
        confirmLabel={toggling?.active ? t('reference.deactivate') : t('reference.reactivate')}
        loading={toggle.isPending}
        onConfirm={() => toggling && toggle.mutate(toggling)}
        onCancel={() => {
          toggle.reset();
          setToggling(null);
        }}
      />
      {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
    </>
  );
}
