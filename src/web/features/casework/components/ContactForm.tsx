import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type KeyboardEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../../shared/schemas/contacts';
import type { Household } from '../../../../shared/schemas/households';
import { api } from '../../../app/api';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { CountedTextarea } from '../../../ui/forms/CountedTextarea';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { caseworkKeys } from '../api';
import { notInFuture, requiredDate, setDefault, todayInput } from '../forms';
import { sortMembers } from '../members';
import { useLanguageOptions, useRefOptions, useSiteChoices } from '../options';
import { ContactReasonFields } from './ContactReasonFields';
import {
  type ContactValues,
  contactValues,
  correctContact,
  emptyReason,
  maxReasons,
  storedType,
  storeType,
  toContactBody,
} from './contactValues';
import { Shortcut } from './Shortcut';

interface Props {
  /** the household the contact belongs to; none for an anonymous short contact */
  household?: Household;
  /** after saving a household's contact */
  onSaved?(contact: Contact): void;
  /** where "Abbrechen" leads */
  cancelTo?: string;
  /** a recorded contact of the household to correct (PATCH of the changed fields) */
  contact?: Contact;
}

/**
 * A contact with its counselling reasons, built for the keyboard: every select filters as one types
 * and takes the match with Enter or Tab, Alt+N adds a reason, Ctrl+Enter saves from any field.
 */
export function ContactForm({ household, onSaved, cancelTo, contact }: Props) {
  const { t } = useTranslation();
  const contactTypes = useRefOptions('contact-types');
  const languages = useLanguageOptions();
  const sites = useSiteChoices();

  const form = useForm<ContactValues>({
    initialValues: contact
      ? contactValues(contact)
      : {
          date: todayInput(),
          contactType: null,
          durationMinutes: '',
          siteId: null,
          memberIds: [],
          mediationLanguage: null,
          mediatorName: '',
          reasons: [emptyReason()],
          note: '',
        },
    validate: {
      date: (v) => requiredDate(t)(v) ?? notInFuture(v, t('casework.validation.contactInFuture')),
      contactType: (v) => (v ? null : t('validation.required')),
      siteId: (v) => (household || v ? null : t('validation.required')),
      durationMinutes: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 1440)
          ? null
          : t('casework.validation.duration'),
      reasons: {
        lifeArea: (v) => (v ? null : t('validation.required')),
        supportKind: (v, values, path) => {
          if (!v) return t('validation.required');
          const index = Number(path.split('.')[1]);
          const mine = values.reasons[index];
          const earlier = values.reasons
            .slice(0, index)
            .some((r) => r.lifeArea === mine?.lifeArea && r.supportKind === v);
          return earlier ? t('casework.validation.duplicateReason') : null;
        },
      },
    },
  });

  // defaults that need the lists: the last contact type used here, the first own site
  const remembered = storedType();
  const defaultType = contactTypes.options.find((o) => o.value === remembered)?.value ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the list arrives
  useEffect(() => {
    if (!form.values.contactType && defaultType) setDefault(form, 'contactType', defaultType);
  }, [defaultType]);
  const firstSite = sites.own[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the list arrives
  useEffect(() => {
    if (!household && !form.values.siteId && firstSite) setDefault(form, 'siteId', firstSite);
  }, [firstSite]);

  const scaffold = useFormMutation({
    form,
    mutationFn: (values: ContactValues) =>
      household && contact
        ? correctContact(household.id, contact, values)
        : household
          ? api.post<Contact>(`/api/households/${household.id}/contacts`, {
              ...toContactBody(values),
              memberIds: values.memberIds,
            })
          : api.post<Contact>('/api/contacts/anonymous', {
              ...toContactBody(values),
              siteId: values.siteId ?? undefined,
            }),
    invalidate: household ? [caseworkKeys.household(household.id), caseworkKeys.householdLists] : [],
    notify: (contact) =>
      t(household ? 'casework.contact.saved' : 'casework.anonymous.saved', {
        date: formatDate(contact.date),
      }),
    onSaved: (contact, values) => {
      if (values.contactType) storeType(values.contactType);
      if (household) return onSaved?.(contact);
      // an anonymous contact: the next one starts with the same date, type and site
      form.setValues({
        ...form.values,
        durationMinutes: '',
        mediationLanguage: null,
        mediatorName: '',
        reasons: [emptyReason()],
        note: '',
      });
      scaffold.mutation.reset();
      requestAnimationFrame(() => form.getInputNode('contactType')?.focus());
    },
    messages: {
      durationMinutes: t('casework.validation.duration'),
      reasons: t('casework.validation.duplicateReason'),
    },
  });
  const formRef = scaffold.formRef;

  const addReason = () => {
    if (form.values.reasons.length >= maxReasons) return;
    const index = form.values.reasons.length;
    form.insertListItem('reasons', emptyReason());
    requestAnimationFrame(() => form.getInputNode(`reasons.${index}.lifeArea`)?.focus());
  };
  const removeReason = (index: number) => {
    form.removeListItem('reasons', index);
    requestAnimationFrame(() => form.getInputNode(`reasons.${Math.max(0, index - 1)}.lifeArea`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
      event.preventDefault();
      addReason();
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      // after a select has taken its highlighted option
      window.setTimeout(() => formRef.current?.requestSubmit(), 0);
    }
  };

  const members = sortMembers((household?.members ?? []).filter((m) => !m.leftOn));

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="sm" bg="gray.0">
        <Text size="sm" id="contact-shortcuts">
          {t('casework.contact.keyboardIntro')} <Shortcut keys={['Alt', 'N']} />{' '}
          {t('casework.contact.keyNewReason')}
          {' · '}
          <Shortcut keys={[t('casework.contact.ctrl'), 'Enter']} /> {t('casework.contact.keySave')}
        </Text>
      </Paper>
      <ErrorAlert error={scaffold.mutation.error} />
      <form
        ref={formRef}
        noValidate
        onKeyDown={onKeyDown}
        aria-describedby="contact-shortcuts"
        onSubmit={scaffold.onSubmit}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('casework.contact.date')} required {...form.getInputProps('date')} />
            <QuickSelect
              label={t('casework.contact.type')}
              description={t('casework.contact.typeHint')}
              required
              data={contactTypes.options}
              {...form.getInputProps('contactType')}
            />
            <NumberInput
              label={t('casework.contact.duration')}
              description={t('casework.contact.durationHint')}
              min={1}
              max={1440}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('durationMinutes')}
            />
          </SimpleGrid>
          {!household && sites.own.length > 1 ? (
            <QuickSelect
              label={t('casework.household.site')}
              required
              data={sites.ownOptions}
              {...form.getInputProps('siteId')}
            />
          ) : null}

          <ContactReasonFields form={form} onAdd={addReason} onRemove={removeReason} />

          {household ? (
            <Checkbox.Group
              label={t('casework.contact.members')}
              description={members.length === 0 ? t('casework.contact.noMembers') : undefined}
              {...form.getInputProps('memberIds')}
            >
              <Group gap="md" mt={4}>
                {members.map((m) => (
                  <Checkbox key={m.id} value={m.id} label={`${m.firstName} ${m.lastName}`} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : null}

          <Fieldset
            variant="unstyled"
            legend={
              <Text component="span" size="sm" fw={700}>
                {t('casework.contact.mediation')}
              </Text>
            }
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <QuickSelect
                label={t('casework.contact.mediationLanguage')}
                clearable
                data={languages}
                {...form.getInputProps('mediationLanguage')}
              />
              <TextInput
                label={t('casework.contact.mediatorName')}
                autoComplete="off"
                {...form.getInputProps('mediatorName')}
              />
            </SimpleGrid>
          </Fieldset>

          <CountedTextarea
            label={t('casework.contact.note')}
            description={t('casework.contact.noteHint')}
            maxLength={2000}
            {...form.getInputProps('note')}
          />

          <Group justify="flex-end">
            {cancelTo ? (
              <Button variant="default" component={Link} to={cancelTo}>
                {t('common.cancel')}
              </Button>
            ) : null}
            <Button type="submit" loading={scaffold.mutation.isPending} aria-keyshortcuts="Control+Enter">
              {t('casework.contact.submit')}&nbsp;
              <Shortcut keys={[t('casework.contact.ctrl'), 'Enter']} />
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
