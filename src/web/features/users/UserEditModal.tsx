import { Button, Divider, Group, Modal, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/permissions';
import type { UpdateUserBody, User } from '../../../shared/schemas/users';
import { api } from '../../app/api';
import { queryKeys } from '../../app/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldIssues } from '../../ui/forms/fieldIssues';
import { notifySuccess } from '../../ui/notify';
import { PasswordField } from '../../ui/PasswordField';
import { QuickMultiSelect } from '../../ui/select/QuickMultiSelect';
import { passwordProblem } from '../auth/passwordRule';
import { useRoleOptions, useSiteOptions } from './options';

interface Props {
  user: User;
  onClose(): void;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function UserEditModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const sites = useSiteOptions();

  const form = useForm({
    initialValues: {
      displayName: user.displayName,
      role: user.role as Role,
      siteIds: user.siteIds,
      active: user.active,
    },
    validate: { displayName: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const passwordForm = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => passwordProblem(v, user.username, t) },
  });

  const save = useMutation({
    mutationFn: (values: typeof form.values) => {
      const body: UpdateUserBody = {};
      if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
      if (values.role !== user.role) body.role = values.role;
      if (!sameSet(values.siteIds, user.siteIds)) body.siteIds = values.siteIds;
      if (values.active !== user.active) body.active = values.active;
      // nothing changed: the server refuses an empty PATCH, and there is nothing to save
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<User>(`/api/users/${user.id}`, body);
    },
    onSuccess: async (saved) => {
      if (!saved) return onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      notifySuccess(t('users.saved', { username: user.username }));
      onClose();
    },
    onError: (error) => applyFieldIssues(form, error, t('validation.invalid')),
  });

  const resetPassword = useMutation({
    mutationFn: (values: { password: string }) =>
      api.patch<User>(`/api/users/${user.id}`, { password: values.password }),
    onSuccess: () => {
      passwordForm.reset();
      notifySuccess(t('users.passwordReset', { username: user.username }));
    },
    onError: (error) => applyFieldIssues(passwordForm, error, t('validation.invalid')),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.editTitle', { username: user.username })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <ErrorAlert error={save.error} />
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <Stack>
            <TextInput label={t('users.displayName')} required {...form.getInputProps('displayName')} />
            <Select
              label={t('users.role')}
              data={roleOptions}
              required
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <QuickMultiSelect
              label={t('users.sites')}
              data={sites.options}
              clearable
              {...form.getInputProps('siteIds')}
            />
            <Switch
              label={t('users.activeLabel')}
              description={t('users.activeHint')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
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
        <Divider />
        <Title order={3} size="h5">
          {t('users.resetPasswordTitle')}
        </Title>
        <Text size="sm">{t('users.resetPasswordText')}</Text>
        <ErrorAlert error={resetPassword.error} />
        <form onSubmit={passwordForm.onSubmit((values) => resetPassword.mutate(values))} noValidate>
          <Group align="flex-end">
            <PasswordField
              label={t('users.newPassword')}
              autoComplete="new-password"
              style={{ flex: 1 }}
              {...passwordForm.getInputProps('password')}
            />
            <Button type="submit" variant="default" loading={resetPassword.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Modal>
  );
}
