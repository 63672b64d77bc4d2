import { Button, Checkbox, Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { DateField } from '../../../ui/DateField';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { type CasePlan, caseworkKeys, type Household } from '../api';
import { optionalDate, required, requiredDate } from '../forms';
import { memberOptions } from '../members';
import { emptyGoal, emptyStep, fromPlan, key, type PlanValues, programmes, toBody } from './casePlanValues';

/** A new case plan, or one edited: goals with steps, and review dates. */
export function CasePlanModal({
  household,
  plan,
  onClose,
}: {
  household: Household;
  plan?: CasePlan;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const form = useForm<PlanValues>({
    initialValues: plan
      ? fromPlan(plan)
      : { programme: 'KIM', personId: null, goals: [emptyGoal()], reviewDates: [{ key: key(), date: '' }] },
    validate: {
      goals: { text: required(t), steps: { text: required(t), dueOn: optionalDate(t) } },
      reviewDates: { date: requiredDate(t) },
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: PlanValues) =>
      plan
        ? api.patch<CasePlan>(`/api/households/${household.id}/caseplans/${plan.id}`, toBody(v))
        : api.post<CasePlan>(`/api/households/${household.id}/caseplans`, {
            programme: v.programme,
            personId: v.personId,
            ...toBody(v),
          }),
    invalidate: [caseworkKeys.householdPart(household.id, 'caseplans')],
    notify: t('casework.casePlans.saved'),
    close: onClose,
    messages: { dueOn: t('validation.date'), reviewDates: t('validation.date') },
  });
  const focusLater = (path: string) => requestAnimationFrame(() => form.getInputNode(path)?.focus());

  return (
    <ModalForm
      title={
        plan
          ? t('casework.casePlans.editTitle', { programme: plan.programme })
          : t('casework.casePlans.create')
      }
      size="xl"
      onClose={onClose}
      scaffold={scaffold}
    >
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
    </ModalForm>
  );
}
