import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useCan } from '../../../app/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';

interface Records {
  error: unknown;
  isSuccess: boolean;
  data?: unknown[];
}

/**
 * A tab's content: its heading (for heading navigation), the main action, the content. With `records`
 * it shows the list's load error and, when the list is empty, `emptyText`; with `createLabel` a button
 * "… erfassen" for those who may write case records, opening `createDialog`.
 */
export function TabSection({
  title,
  action,
  createLabel,
  onCreate,
  createDialog,
  records,
  emptyText,
  children,
}: {
  title: string;
  action?: ReactNode;
  createLabel?: string;
  /** what the create button does … */
  onCreate?(): void;
  /** … or the dialog it opens (the section keeps it open until `close`) */
  createDialog?(close: () => void): ReactNode;
  records?: Records;
  emptyText?: string;
  children: ReactNode;
}) {
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const create =
    createLabel && (onCreate || createDialog) && can('household.write') ? (
      <Button variant="default" onClick={onCreate ?? (() => setCreating(true))}>
        {createLabel}
      </Button>
    ) : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2} size="h3" tabIndex={-1}>
          {title}
        </Title>
        {action ?? create}
      </Group>
      {records ? <ErrorAlert error={records.error} /> : null}
      {records?.isSuccess && (records.data ?? []).length === 0 && emptyText ? <Text>{emptyText}</Text> : null}
      {children}
      {creating && createDialog ? createDialog(() => setCreating(false)) : null}
    </Stack>
  );
}
