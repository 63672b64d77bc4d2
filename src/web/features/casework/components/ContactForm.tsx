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
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact, CreateContactBody } from '../../../../shared/schemas/contacts';
import type { Household } from '../../../../shared/schemas/households';
import { api } from '../../../app/api';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { caseworkKeys } from '../api';
import { applyIssues, focusFirstError, requiredDate, textOrNull, todayInput } from '../forms';
import { sortMembers } from '../members';
import { useLanguageOptions, useRefOptions, useSiteChoices } from '../options';
import { QuickSelect } from './QuickSelect';
import { Shortcut } from './Shortcut';

interface ReasonValues {
  key: string;
  lifeArea: string | null;
  supportKind: string | null;
}

interface Values {
  date: string;
  contactType: string | null;
  durationMinutes: number | string;
  siteId: string | null;
  memberIds: string[];
  mediationLanguage: string | null;
  mediatorName: string;
  reasons: ReasonValues[];
  note: string;
}

const lastTypeKey = 'quartier.casework.lastContactType';
const maxReasons = 20;

function storedType(): string | null {
  try {
    return window.localStorage.getItem(lastTypeKey);
  } catch {
    return null;
  }
}

function storeType(code: string): void {
  try {
    window.localStorage.setItem(lastTypeKey, code);
  } catch {
    // storage blocked: the form then starts without a remembered type
  }
}

let reasonCounter = 0;
function emptyReason(): ReasonValues {
  reasonCounter += 1;
  return { key: `r${reasonCounter}`, lifeArea: null, supportKind: null };
}

interface Props {
  /** the household the contact belongs to; none for an anonymous short contact */
  household?: Household;
  /** after saving a household's contact */
  onSaved?(contact: Contact): void;
  /** where "Abbrechen" leads */
  cancelTo?: string;
}

/**
 * A contact with its counselling reasons, built for the keyboard: every select filters as one types
 * and takes the match with Enter or Tab, Alt+N adds a reason, Ctrl+Enter saves from any field.
 */
export function ContactForm({ household, onSaved, cancelTo }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const contactTypes = useRefOptions('contact-types');
  const lifeAreas = useRefOptions('life-areas');
  const supportKinds = useRefOptions('support-kinds');
  const languages = useLanguageOptions();
  const sites = useSiteChoices();

  const form = useForm<Values>({
    initialValues: {
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
      date: requiredDate(t),
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
    if (!form.values.contactType && defaultType) form.setFieldValue('contactType', defaultType);
  }, [defaultType]);
  const firstSite = sites.own[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the list arrives
  useEffect(() => {
    if (!household && !form.values.siteId && firstSite) form.setFieldValue('siteId', firstSite);
  }, [firstSite]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateContactBody = {
        date: parseDateInput(values.date) as string,
        contactType: values.contactType as string,
        durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
        mediationLanguage: values.mediationLanguage,
        mediatorName: textOrNull(values.mediatorName),
        reasons: values.reasons.map((r) => ({
          lifeArea: r.lifeArea as string,
          supportKind: r.supportKind as string,
        })),
        note: textOrNull(values.note),
      };
      if (household) {
        return api.post<Contact>(`/api/households/${household.id}/contacts`, {
          ...body,
          memberIds: values.memberIds,
        });
      }
      return api.post<Contact>('/api/contacts/anonymous', { ...body, siteId: values.siteId ?? undefined });
    },
    onSuccess: async (contact, values) => {
      if (values.contactType) storeType(values.contactType);
      notifySuccess(
        t(household ? 'casework.contact.saved' : 'casework.anonymous.saved', {
          date: formatDate(contact.date),
        }),
      );
      if (household) {
        await queryClient.invalidateQueries({ queryKey: caseworkKeys.household(household.id) });
        await queryClient.invalidateQueries({ queryKey: caseworkKeys.householdLists });
        onSaved?.(contact);
        return;
      }
      // an anonymous contact: the next one starts with the same date, type and site
      form.setValues({
        ...form.values,
        durationMinutes: '',
        mediationLanguage: null,
        mediatorName: '',
        reasons: [emptyReason()],
        note: '',
      });
      mutation.reset();
      requestAnimationFrame(() => form.getInputNode('contactType')?.focus());
    },
    onError: (error) => {
      applyIssues(form, error, t('validation.invalid'), {
        date: t('validation.date'),
        durationMinutes: t('casework.validation.duration'),
        reasons: t('casework.validation.duplicateReason'),
      });
      focusFirstError(formRef.current);
    },
  });

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
  const reasonsError = form.errors.reasons;

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
      <ErrorAlert error={mutation.error} />
      <form
        ref={formRef}
        noValidate
        onKeyDown={onKeyDown}
        aria-describedby="contact-shortcuts"
        onSubmit={form.onSubmit(
          (values) => mutation.mutate(values),
          () => focusFirstError(formRef.current),
        )}
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
              min={1}
              max={1440}
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

          <Fieldset legend={t('casework.contact.reasons')} variant="filled">
            <Stack gap="sm">
              <Text size="sm">{t('casework.contact.reasonsHint')}</Text>
              {form.values.reasons.map((reason, index) => (
                <Fieldset
                  key={reason.key}
                  variant="unstyled"
                  legend={
                    <Text component="span" size="sm" fw={700}>
                      {t('casework.contact.reason', { n: index + 1 })}
                    </Text>
                  }
                  data-testid="reason-row"
                >
                  <Group align="flex-start" wrap="wrap" gap="sm">
                    <QuickSelect
                      label={t('casework.contact.lifeArea')}
                      required
                      data={lifeAreas.options}
                      style={{ flex: '1 1 16rem' }}
                      {...form.getInputProps(`reasons.${index}.lifeArea`)}
                    />
                    <QuickSelect
                      label={t('casework.contact.supportKind')}
                      required
                      data={supportKinds.options}
                      style={{ flex: '1 1 12rem' }}
                      {...form.getInputProps(`reasons.${index}.supportKind`)}
                    />
                    {form.values.reasons.length > 1 ? (
                      <Button
                        variant="default"
                        mt={25}
                        onClick={() => removeReason(index)}
                        aria-label={t('casework.contact.removeReasonAria', { n: index + 1 })}
                      >
                        {t('casework.contact.removeReason')}
                      </Button>
                    ) : null}
                  </Group>
                </Fieldset>
              ))}
              {typeof reasonsError === 'string' ? (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  {reasonsError}
                </Text>
              ) : null}
              <Group>
                <Button
                  variant="default"
                  onClick={addReason}
                  aria-keyshortcuts="Alt+N"
                  disabled={form.values.reasons.length >= maxReasons}
                >
                  {t('casework.contact.addReason')}&nbsp;
                  <Shortcut keys={['Alt', 'N']} />
                </Button>
              </Group>
            </Stack>
          </Fieldset>

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

          <Textarea
            label={t('casework.contact.note')}
            description={t('casework.contact.noteHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />

          <Group justify="flex-end">
            {cancelTo ? (
              <Button variant="default" component={Link} to={cancelTo}>
                {t('common.cancel')}
              </Button>
            ) : null}
            <Button type="submit" loading={mutation.isPending} aria-keyshortcuts="Control+Enter">
              {t('casework.contact.submit')}&nbsp;
              <Shortcut keys={[t('casework.contact.ctrl'), 'Enter']} />
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
