import { Kbd } from '@mantine/core';
import { Fragment } from 'react';

/** A key combination as the UI shows it, e.g. Alt + N. */
export function Shortcut({ keys }: { keys: string[] }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {keys.map((k, i) => (
        <Fragment key={k}>
          {i > 0 ? ' + ' : null}
          <Kbd size="xs">{k}</Kbd>
        </Fragment>
      ))}
    </span>
  );
}
