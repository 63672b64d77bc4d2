import { formatDate } from '../../../ui/format';
import type { CasePlan } from '../api';
import { dateOrNull, textOrNull } from '../forms';

/** A case plan as its form holds it (dates as typed, React keys for the rows) and back to a request body. */
export const programmes = ['KIM', 'MigraDo'] as const;
export type Programme = (typeof programmes)[number];

export interface StepValues {
  key: string;
  text: string;
  responsible: string;
  dueOn: string;
  done: boolean;
}
export interface GoalValues {
  key: string;
  text: string;
  steps: StepValues[];
}
export interface PlanValues {
  programme: Programme;
  personId: string | null;
  goals: GoalValues[];
  reviewDates: { key: string; date: string }[];
}

let counter = 0;
export const key = () => {
  counter += 1;
  return `p${counter}`;
};
export const emptyStep = (): StepValues => ({
  key: key(),
  text: '',
  responsible: '',
  dueOn: '',
  done: false,
});
export const emptyGoal = (): GoalValues => ({ key: key(), text: '', steps: [emptyStep()] });

export function fromPlan(plan: CasePlan): PlanValues {
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

export function toBody(v: PlanValues) {
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
