import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../shared/permissions';
import { passwordMinLength } from '../../../shared/schemas/auth';
import type { CreateUserBody, User } from '../../../shared/schemas/users';
import { api } from '../../app/api';
import { queryKeys } from '../../app/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldIssues } from '../../ui/forms/fieldIssues';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { PasswordField } from '../../ui/PasswordField';
import { QuickMultiSelect } from '../../ui/select/QuickMultiSelect';
import { passwordProblem } from '../auth/passwordRule';
import { useRoleOptions, useSiteOptions } from './options';

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role | null;
  siteIds: string[];
}

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const sites = useSiteOptions();

  const form = useForm<Values>({
    initialValues: { username: '', displayName: '', password: '', role: null, siteIds: [] },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      displayName: (v) => (v.trim() ? null : t('validation.required')),
      password: (v, values) => passwordProblem(v, values.username, t),
      role: (v) => (v ? null : t('validation.required')),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateUserBody = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        role: values.role as Role,
        siteIds: values.siteIds,
      };
      return api.post<User>('/api/users', body);
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      notifySuccess(t('users.created', { username: created.username }));
      navigate('/users');
    },
    onError: (error) =>
      applyFieldIssues(form, error, t('validation.invalid'), {
        username: t('validation.username'),
        password: t('validation.passwordTooShort', { min: passwordMinLength }),
        siteIds: t('validation.invalid'),
      }),
  });

  return (
    <Page title={t('users.createTitle')}>
      <ErrorAlert error={mutation.error} />
      <ErrorAlert error={sites.query.error} />
      <Paper withBorder p="lg" radius="md" maw={640}>
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack>
            <TextInput
              label={t('users.username')}
              description={t('users.usernameHint')}
              autoComplete="off"
              required
              {...form.getInputProps('username')}
            />
            <TextInput label={t('users.displayName')} required {...form.getInputProps('displayName')} />
            <PasswordField
              label={t('users.initialPassword')}
              description={t('password.rule', { min: passwordMinLength })}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Select
              label={t('users.role')}
              data={roleOptions}
              required
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <QuickMultiSelect
              label={t('users.sites')}
              description={t('users.sitesHint')}
              data={sites.options}
              clearable
              {...form.getInputProps('siteIds')}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/users">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
