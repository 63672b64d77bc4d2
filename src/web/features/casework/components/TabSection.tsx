import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tab's content: its heading (for heading navigation), the main action, the content. */
export function TabSection({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2} size="h3" tabIndex={-1}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
