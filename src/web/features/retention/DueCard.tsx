import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { useApplyRetention, useRetentionPreview, useRetentionRules } from './api';

/** What is due today, per category; the admin and the DPO run it after a confirmation. */
export function DueCard() {
  const { t } = useTranslation();
  const can = useCan();
  const preview = useRetentionPreview();
  const rules = useRetentionRules();
  const apply = useApplyRetention();
  const [confirming, setConfirming] = useState(false);
  const label = (category: string) => rules.data?.find((r) => r.category === category)?.label ?? category;
  const p = preview.data;
  const nothing = p && p.total.anonymise + p.total.clearNotes === 0;

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="retention-due">
      <Stack>
        <Title order={2} size="h3" id="retention-due">
          {t('retention.due.title')}
        </Title>
        <ErrorAlert error={preview.error ?? apply.error} />
        {p ? (
          <>
            <Text size="sm">{t('retention.due.asOf', { date: formatDate(p.asOf) })}</Text>
            <Table aria-label={t('retention.due.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.rules.category')}</Table.Th>
                  <Table.Th>{t('retention.due.anonymise')}</Table.Th>
                  <Table.Th>{t('retention.due.persons')}</Table.Th>
                  <Table.Th>{t('retention.due.clearNotes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.rows.map((r) => (
                  <Table.Tr key={r.category}>
                    <Table.Td>{label(r.category)}</Table.Td>
                    <Table.Td>{r.anonymise}</Table.Td>
                    <Table.Td>{r.persons}</Table.Td>
                    <Table.Td>{r.clearNotes}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('retention.due.total')}</Table.Td>
                  <Table.Td data-testid="due-anonymise">{p.total.anonymise}</Table.Td>
                  <Table.Td>{p.total.persons}</Table.Td>
                  <Table.Td>{p.total.clearNotes}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {nothing ? <Text>{t('retention.due.nothing')}</Text> : null}
          </>
        ) : null}
        {can('retention.apply') ? (
          <Group>
            <Button color="red.9" disabled={!p || nothing} onClick={() => setConfirming(true)}>
              {t('retention.due.apply')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('retention.due.confirmTitle')}
        message={t('retention.due.confirmText', {
          count: p?.total.anonymise ?? 0,
          notes: p?.total.clearNotes ?? 0,
        })}
        confirmLabel={t('retention.due.apply')}
        loading={apply.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          apply.mutate(undefined, {
            onSuccess: (done) => {
              setConfirming(false);
              notifySuccess(t('retention.due.done', { count: done.anonymised, notes: done.notesCleared }));
            },
            onError: () => setConfirming(false),
          })
        }
      />
    </Paper>
  );
}
