import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** A table caption for assistive technology when a visible heading already names the table. */
export function HiddenCaption({ children }: { children: ReactNode }) {
  return <Table.Caption style={hidden}>{children}</Table.Caption>;
}
