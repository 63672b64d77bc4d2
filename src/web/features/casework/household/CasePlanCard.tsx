import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { type CasePlan, caseworkKeys, type Household } from '../api';
import { memberName } from '../members';

/** One case plan as a card: goals, steps, review dates; edit, close and reopen. */
export function CasePlanCard({
  household,
  plan,
  onEdit,
}: {
  household: Household;
  plan: CasePlan;
  onEdit(): void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const status = useMutation({
    mutationFn: () =>
      api.patch<CasePlan>(`/api/households/${household.id}/caseplans/${plan.id}`, {
        status: plan.status === 'open' ? 'closed' : 'open',
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: caseworkKeys.householdPart(household.id, 'caseplans') }),
  });
  const title = t(`casework.casePlans.programmes.${plan.programme}`);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={3} size="h4">
              {title}
            </Title>
            <Badge variant="filled" color={plan.status === 'open' ? 'teal.9' : 'gray.7'}>
              {t(`casework.casePlans.status.${plan.status}`)}
            </Badge>
          </Group>
          {can('household.write') ? (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={onEdit}
                aria-label={t('casework.casePlans.editAria', { programme: title })}
              >
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="default" loading={status.isPending} onClick={() => status.mutate()}>
                {plan.status === 'open' ? t('casework.casePlans.close') : t('casework.casePlans.reopen')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <ErrorAlert error={status.error} />
        <Text size="sm">
          {t('casework.casePlans.person')}:{' '}
          {memberName(household, plan.personId) || t('casework.needs.wholeHousehold')}
        </Text>
        {plan.goals.length > 0 ? (
          <List type="ordered" size="sm" spacing={4}>
            {plan.goals.map((g, gi) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id; their order is their identity
              <List.Item key={gi}>
                <Text size="sm" fw={700}>
                  {g.text}
                </Text>
                {g.steps.length > 0 ? (
                  <List size="sm" withPadding>
                    {g.steps.map((s, si) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id either
                      <List.Item key={si}>
                        {s.text}
                        {s.responsible ? ` – ${s.responsible}` : ''}
                        {s.dueOn ? ` – ${t('casework.casePlans.dueBy', { date: formatDate(s.dueOn) })}` : ''}
                        {s.done ? ` – ${t('casework.casePlans.stepDone')}` : ''}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : null}
        {plan.reviewDates.length > 0 ? (
          <Text size="sm">
            {t('casework.casePlans.reviewDates')}: {plan.reviewDates.map(formatDate).join(', ')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
