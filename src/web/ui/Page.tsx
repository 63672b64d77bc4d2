import { Group, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { takeHeadingFocus } from './headingFocus';
import { usePageTitle } from './usePageTitle';

interface PageProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A page: sets document.title and renders the one h1 that focus moves to after navigation. */
export function Page({ title, actions, children }: PageProps) {
  usePageTitle(title);
  useEffect(takeHeadingFocus, []);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={1} tabIndex={-1} data-page-title>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
