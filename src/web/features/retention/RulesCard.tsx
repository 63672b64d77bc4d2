import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { type RuleRow, useRetentionRules, useSaveRules } from './api';

/** The rules per household category: editable for the admin (retention.manage), shown to the DPO. */
export function RulesCard() {
  const { t } = useTranslation();
  const editable = useCan()('retention.manage');
  const rules = useRetentionRules();
  const save = useSaveRules();
  const [draft, setDraft] = useState<RuleRow[]>([]);
  useEffect(() => setDraft(rules.data ?? []), [rules.data]);
  const set = (i: number, key: 'months' | 'notesMonths', value: number | string) =>
    setDraft((rows) => rows.map((r, j) => (j === i ? { ...r, [key]: Number(value) || 0 } : r)));

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="retention-rules">
      <Stack>
        <Title order={2} size="h3" id="retention-rules">
          {t('retention.rules.title')}
        </Title>
        <Text size="sm">{t('retention.rules.explain')}</Text>
        <ErrorAlert error={rules.error ?? save.error} />
        <Table aria-label={t('retention.rules.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.rules.category')}</Table.Th>
              <Table.Th>{t('retention.rules.months')}</Table.Th>
              <Table.Th>{t('retention.rules.notesMonths')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((r, i) => (
              <Table.Tr key={r.category}>
                <Table.Td>{r.label}</Table.Td>
                {(['months', 'notesMonths'] as const).map((key) => (
                  <Table.Td key={key}>
                    {editable ? (
                      <NumberInput
                        aria-label={`${t(`retention.rules.${key}`)}: ${r.label}`}
                        value={r[key]}
                        min={1}
                        max={240}
                        allowDecimal={false}
                        w={110}
                        onChange={(v) => set(i, key, v)}
                      />
                    ) : (
                      t('retention.rules.monthsValue', { count: r[key] })
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {editable ? (
          <Group>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  draft.map(({ category, months, notesMonths }) => ({ category, months, notesMonths })),
                  { onSuccess: () => notifySuccess(t('retention.rules.saved')) },
                )
              }
            >
              {t('retention.rules.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
