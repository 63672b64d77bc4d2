import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PersonInput } from '../../../../shared/schemas/households';
import { api } from '../../../app/api';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { caseworkKeys, type Household, type Person } from '../api';
import { MemberFields } from '../components/MemberFields';
import {
  emptyMember,
  type MemberValues,
  memberAliases,
  memberFromPerson,
  memberMessages,
  memberRules,
  toPersonInput,
} from '../members';

/** Only the fields that differ from the stored person (the server refuses an empty PATCH). */
function changes(before: PersonInput, after: PersonInput): Partial<PersonInput> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[k];
    if (JSON.stringify(old ?? null) !== JSON.stringify(v ?? null)) out[k] = v;
  }
  // birth date and year go together: a date replaces a year and the other way round
  if ('birthDate' in out || 'birthYear' in out) {
    out.birthDate = after.birthDate ?? null;
    out.birthYear = after.birthYear ?? null;
  }
  return out as Partial<PersonInput>;
}

/** Adds a member to the household, or edits one (only what changed is sent). */
export function MemberModal({
  household,
  person,
  onClose,
}: {
  household: Household;
  person?: Person;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const initial = person ? memberFromPerson(person) : emptyMember(null);
  const form = useForm<MemberValues>({ initialValues: initial, validate: memberRules(t) });
  const scaffold = useFormMutation({
    form,
    mutationFn: (values: MemberValues) => {
      const input = toPersonInput(values);
      if (!person) return api.post<Person>(`/api/households/${household.id}/members`, input);
      const body = changes(toPersonInput(initial), input);
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<Person>(`/api/households/${household.id}/members/${person.id}`, body);
    },
    invalidate: [caseworkKeys.household(household.id)],
    notify: (saved) =>
      t(person ? 'casework.members.saved' : 'casework.members.added', {
        name: `${saved.firstName} ${saved.lastName}`,
      }),
    close: onClose,
    messages: memberMessages(t),
    aliases: memberAliases,
  });
  return (
    <ModalForm
      title={
        person
          ? t('casework.members.editTitle', { name: `${person.firstName} ${person.lastName}` })
          : t('casework.members.addTitle')
      }
      size="xl"
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={person ? t('common.save') : t('casework.members.add')}
    >
      <MemberFields form={form} prefix="" values={form.values} excludePersonId={person?.id} />
    </ModalForm>
  );
}
