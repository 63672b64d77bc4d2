import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../app/api';
import { applyFieldIssues } from './fieldIssues';

// the API client reads the UI language; the browser's i18n set-up has no place in node
vi.mock('../../i18n', () => ({ currentLanguage: () => 'de', default: {} }));

function fakeForm(values: object) {
  const errors: Record<string, string> = {};
  const setFieldError = (path: string, error: string) => {
    errors[path] = error;
  };
  return { values, errors, setFieldError };
}

const issues = (...list: [string, string][]) =>
  new ApiError(
    400,
    'VALIDATION',
    'Die Eingabe ist ungültig.',
    'r1',
    list.map(([path, message]) => ({ path, message })),
  );

describe('applyFieldIssues', () => {
  it("shows the server's localised message where the UI has none of its own", () => {
    const form = fakeForm({ lastName: '', postcode: '' });
    const applied = applyFieldIssues(
      form,
      issues(['lastName', 'Höchstens 100 Zeichen.'], ['postcode', 'zu kurz']),
      'Dieser Wert ist ungültig.',
      { postcode: 'Die Postleitzahl hat fünf Ziffern.' },
    );
    expect(applied).toBe(true);
    expect(form.errors).toEqual({
      lastName: 'Höchstens 100 Zeichen.',
      postcode: 'Die Postleitzahl hat fünf Ziffern.',
    });
  });

  it('puts nested paths on the nested field, indexes into lists on the list, aliases renamed', () => {
    const form = fakeForm({
      members: [{ lastName: '', birth: '' }],
      languages: ['ar'],
      address: { postcode: '' },
    });
    applyFieldIssues(
      form,
      issues(
        ['members.0.lastName', 'zu lang'],
        ['members.0.birthYear', 'unmöglich'],
        ['languages.0', 'unbekannt'],
        ['address.postcode', 'falsch'],
        ['unknownField', 'x'],
      ),
      'fallback',
      {},
      { birthYear: 'birth' },
    );
    expect(form.errors).toEqual({
      'members.0.lastName': 'zu lang',
      'members.0.birth': 'unmöglich',
      languages: 'unbekannt',
      'address.postcode': 'falsch',
    });
  });

  it('falls back only when the server sent no message, and ignores other errors', () => {
    const form = fakeForm({ code: '' });
    applyFieldIssues(form, issues(['code', '']), 'Dieser Wert ist ungültig.');
    expect(form.errors).toEqual({ code: 'Dieser Wert ist ungültig.' });
    expect(applyFieldIssues(form, new Error('x'), 'f')).toBe(false);
  });
});
