import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A card of the start page: a section named by its heading (`id`), an optional short introduction,
 * then the card's content.
 */
export function StartCard({
  id,
  title,
  intro,
  gap = 'sm',
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  gap?: 'xs' | 'sm';
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap={gap}>
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {intro ? <Text size="sm">{intro}</Text> : null}
        {children}
      </Stack>
    </Paper>
  );
}
