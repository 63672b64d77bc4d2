import { describe, expect, it } from 'vitest';
import { auditActions, auditEntityTypes } from '../../shared/audit-events';
import { roles } from '../../shared/permissions';
import { organisationKinds, referenceLists } from '../../shared/schemas/reference';
import { type Tree, translations } from './resources';

const { de, en } = translations;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function lookup(tree: Tree, path: string[]): unknown {
  let node: unknown = tree;
  for (const part of path) node = (node as Tree | undefined)?.[part];
  return node;
}

describe('web translations', () => {
  it('German and English have the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(de as Tree).sort());
  });

  it('name every role, reference list, organisation kind, audit action and entity type of the shared contracts', () => {
    const needed = [
      ...roles.map((r) => ['roles', r]),
      ...referenceLists.map((l) => ['reference', 'lists', l]),
      ...organisationKinds.map((k) => ['organisationKinds', k]),
      ...auditActions.map((a) => ['audit', 'actions', a]),
      ...auditEntityTypes.map((e) => ['audit', 'entityTypes', e]),
    ];
    for (const tree of [de, en] as Tree[]) {
      const missing = needed.filter((path) => typeof lookup(tree, path) !== 'string').map((p) => p.join('.'));
      expect(missing).toEqual([]);
    }
  });
});
