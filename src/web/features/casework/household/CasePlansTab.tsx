import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { type CasePlan, caseworkKeys, type Household, useHouseholdPart } from '../api';
import { CaseModal } from '../components/CaseModal';
import { QuickSelect } from '../components/QuickSelect';
import { TabSection } from '../components/TabSection';
import {
  applyIssues,
  dateOrNull,
  focusFirstError,
  optionalDate,
  required,
  requiredDate,
  textOrNull,
} from '../forms';
import { memberName, memberOptions } from './NeedsTab';

const programmes = ['KIM', 'MigraDo'] as const;
type Programme = (typeof programmes)[number];

interface StepValues {
  key: string;
  text: string;
  responsible: string;
  dueOn: string;
  done: boolean;
}
interface GoalValues {
  key: string;
  text: string;
  steps: StepValues[];
}
interface PlanValues {
  programme: Programme;
  personId: string | null;
  goals: GoalValues[];
  reviewDates: { key: string; date: string }[];
}

let counter = 0;
const key = () => {
  counter += 1;
  return `p${counter}`;
};
const emptyStep = (): StepValues => ({ key: key(), text: '', responsible: '', dueOn: '', done: false });
const emptyGoal = (): GoalValues => ({ key: key(), text: '', steps: [emptyStep()] });

function fromPlan(plan: CasePlan): PlanValues {
  return {
    programme: plan.programme,
    personId: plan.personId,
    goals: plan.goals.map((g) => ({
      key: key(),
      text: g.text,
      steps: g.steps.map((s) => ({
        key: key(),
        text: s.text,
        responsible: s.responsible ?? '',
        dueOn: formatDate(s.dueOn),
        done: s.done,
      })),
    })),
    reviewDates: plan.reviewDates.map((d) => ({ key: key(), date: formatDate(d) })),
  };
}

function toBody(v: PlanValues) {
  return {
    goals: v.goals.map((g) => ({
      text: g.text.trim(),
      steps: g.steps.map((s) => ({
        text: s.text.trim(),
        responsible: textOrNull(s.responsible),
        dueOn: dateOrNull(s.dueOn),
        done: s.done,
      })),
    })),
    reviewDates: v.reviewDates.map((d) => dateOrNull(d.date)).filter((d): d is string => !!d),
  };
}

function PlanModal({ household, plan, onClose }: { household: Household; plan?: CasePlan; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<PlanValues>({
    initialValues: plan
      ? fromPlan(plan)
      : { programme: 'KIM', personId: null, goals: [emptyGoal()], reviewDates: [{ key: key(), date: '' }] },
    validate: {
      goals: { text: required(t), steps: { text: required(t), dueOn: optionalDate(t) } },
      reviewDates: { date: requiredDate(t) },
    },
  });
  const save = useMutation({
    mutationFn: (v: PlanValues) =>
      plan
        ? api.patch<CasePlan>(`/api/households/${household.id}/caseplans/${plan.id}`, toBody(v))
        : api.post<CasePlan>(`/api/households/${household.id}/caseplans`, {
            programme: v.programme,
            personId: v.personId,
            ...toBody(v),
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: caseworkKeys.householdPart(household.id, 'caseplans'),
      });
      notifySuccess(t('casework.casePlans.saved'));
      onClose();
    },
    onError: (error) => {
      applyIssues(form, error, t('validation.invalid'), {
        dueOn: t('validation.date'),
        reviewDates: t('validation.date'),
      });
      focusFirstError(formRef.current);
    },
  });
  const focusLater = (path: string) => requestAnimationFrame(() => form.getInputNode(path)?.focus());

  return (
    <CaseModal
      opened
      onClose={onClose}
      size="xl"
      title={
        plan
          ? t('casework.casePlans.editTitle', { programme: plan.programme })
          : t('casework.casePlans.create')
      }
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (v) => save.mutate(v),
          () => focusFirstError(formRef.current),
        )}
      >
        <Stack>
          <ErrorAlert error={save.error} />
          {plan ? null : (
            <Group grow align="flex-start">
              <Radio.Group
                label={t('casework.casePlans.programme')}
                required
                {...form.getInputProps('programme')}
              >
                <Group gap="md" mt={4}>
                  {programmes.map((p) => (
                    <Radio key={p} value={p} label={t(`casework.casePlans.programmes.${p}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <QuickSelect
                label={t('casework.casePlans.person')}
                description={t('casework.needs.personHint')}
                clearable
                data={memberOptions(household)}
                {...form.getInputProps('personId')}
              />
            </Group>
          )}
          {form.values.goals.map((goal, gi) => (
            <Fieldset key={goal.key} legend={t('casework.casePlans.goalN', { n: gi + 1 })}>
              <Stack gap="sm">
                <TextInput
                  label={t('casework.casePlans.goal')}
                  required
                  maxLength={500}
                  {...form.getInputProps(`goals.${gi}.text`)}
                />
                {goal.steps.map((step, si) => (
                  <Fieldset
                    key={step.key}
                    variant="unstyled"
                    legend={
                      <Text component="span" size="sm" fw={700}>
                        {t('casework.casePlans.stepN', { n: si + 1 })}
                      </Text>
                    }
                  >
                    <Group align="flex-start" wrap="wrap" gap="sm">
                      <TextInput
                        label={t('casework.casePlans.step')}
                        required
                        maxLength={500}
                        style={{ flex: '2 1 14rem' }}
                        {...form.getInputProps(`goals.${gi}.steps.${si}.text`)}
                      />
                      <TextInput
                        label={t('casework.casePlans.responsible')}
                        maxLength={120}
                        style={{ flex: '1 1 10rem' }}
                        {...form.getInputProps(`goals.${gi}.steps.${si}.responsible`)}
                      />
                      <DateField
                        label={t('casework.casePlans.dueOn')}
                        style={{ flex: '1 1 9rem' }}
                        {...form.getInputProps(`goals.${gi}.steps.${si}.dueOn`)}
                      />
                      <Checkbox
                        mt={30}
                        label={t('casework.casePlans.stepDone')}
                        {...form.getInputProps(`goals.${gi}.steps.${si}.done`, { type: 'checkbox' })}
                      />
                      <Button
                        variant="default"
                        mt={25}
                        onClick={() => form.removeListItem(`goals.${gi}.steps`, si)}
                        aria-label={t('casework.casePlans.removeStepAria', { n: si + 1, goal: gi + 1 })}
                      >
                        {t('casework.common.remove')}
                      </Button>
                    </Group>
                  </Fieldset>
                ))}
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => {
                      form.insertListItem(`goals.${gi}.steps`, emptyStep());
                      focusLater(`goals.${gi}.steps.${goal.steps.length}.text`);
                    }}
                  >
                    {t('casework.casePlans.addStep', { n: gi + 1 })}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => form.removeListItem('goals', gi)}
                    aria-label={t('casework.casePlans.removeGoalAria', { n: gi + 1 })}
                  >
                    {t('casework.casePlans.removeGoal')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => {
                form.insertListItem('goals', emptyGoal());
                focusLater(`goals.${form.values.goals.length}.text`);
              }}
            >
              {t('casework.casePlans.addGoal')}
            </Button>
          </Group>
          <Fieldset legend={t('casework.casePlans.reviewDates')}>
            <Stack gap="sm">
              {form.values.reviewDates.map((d, i) => (
                <Group key={d.key} align="flex-start">
                  <DateField
                    label={t('casework.casePlans.reviewDateN', { n: i + 1 })}
                    required
                    {...form.getInputProps(`reviewDates.${i}.date`)}
                  />
                  <Button
                    variant="default"
                    mt={25}
                    onClick={() => form.removeListItem('reviewDates', i)}
                    aria-label={t('casework.casePlans.removeReviewAria', { n: i + 1 })}
                  >
                    {t('casework.common.remove')}
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    form.insertListItem('reviewDates', { key: key(), date: '' });
                    focusLater(`reviewDates.${form.values.reviewDates.length}.date`);
                  }}
                >
                  {t('casework.casePlans.addReview')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseModal>
  );
}

function PlanCard({ household, plan, onEdit }: { household: Household; plan: CasePlan; onEdit(): void }) {
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

/** KIM and MigraDo case plans: goals with steps, responsible people, due and review dates. */
export function CasePlansTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const plans = useHouseholdPart<CasePlan[]>(household.id, 'caseplans');
  const [dialog, setDialog] = useState<{ plan?: CasePlan } | null>(null);
  const list = plans.data ?? [];
  return (
    <TabSection
      title={t('casework.tabs.caseplans')}
      action={
        can('household.write') ? (
          <Button variant="default" onClick={() => setDialog({})}>
            {t('casework.casePlans.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={plans.error} />
      {plans.isSuccess && list.length === 0 ? <Text>{t('casework.casePlans.none')}</Text> : null}
      {list.map((p) => (
        <PlanCard key={p.id} household={household} plan={p} onEdit={() => setDialog({ plan: p })} />
      ))}
      {dialog ? <PlanModal household={household} plan={dialog.plan} onClose={() => setDialog(null)} /> : null}
    </TabSection>
  );
}
