/** zod's issues as our field-issue codes (zod's own texts are English only). */
import {
  type FieldIssueCode,
  fieldIssueText,
  type IssueParams,
  isFieldIssueCode,
} from '../../shared/field-issues.js';

type Lang = 'de' | 'en';
type Params = Record<string, unknown>;

const unit = {
  string: { de: 'Zeichen', en: 'characters' },
  array: { de: 'Einträge', en: 'entries' },
  set: { de: 'Einträge', en: 'entries' },
} as Record<string, Record<Lang, string>>;

const formats: Record<string, FieldIssueCode> = { date: 'invalidDate', uuid: 'invalidId' };

const expected: Record<string, FieldIssueCode> = {
  number: 'expectedNumber',
  int: 'notWholeNumber',
  string: 'expectedText',
  boolean: 'expectedYesNo',
  array: 'expectedList',
  object: 'expectedObject',
};

/** zod says "received undefined" when the field is missing altogether. */
const missing = (params: Params, message: string) =>
  params.input === undefined && /received undefined/.test(message);

/**
 * The code and params of a zod issue. A message that is itself a code wins (`.max(1440,
 * 'contactDurationRange')`, `.regex(re, 'timeFormat')`, a refinement's code with its `params`);
 * otherwise each zod issue gets a text that says what is wrong.
 */
function zodIssueCode(
  code: string,
  params: Params,
  message: string,
  lang: Lang,
): [FieldIssueCode, IssueParams] {
  if (isFieldIssueCode(message)) return [message, (params.params ?? {}) as IssueParams];
  switch (code) {
    case 'too_small':
    case 'too_big': {
      const u = unit[String(params.origin)]?.[lang];
      const n = String(code === 'too_small' ? params.minimum : params.maximum);
      return [code === 'too_small' ? 'tooShort' : 'tooLong', { n, unit: u ? ` ${u}` : '' }];
    }
    case 'invalid_type':
      if (missing(params, message)) return ['required', {}];
      return [expected[String(params.expected)] ?? 'invalidType', {}];
    case 'invalid_format':
      return [formats[String(params.format)] ?? 'invalidFormat', {}];
    case 'invalid_value':
      return Array.isArray(params.values) && params.values.length <= 8
        ? ['notOneOf', { values: params.values.join(', ') }]
        : ['notAllowedValue', {}];
    case 'not_multiple_of':
      return ['notWholeNumber', {}];
    case 'unrecognized_keys':
      return ['unknownField', {}];
    default:
      return ['invalid', {}];
  }
}

export function zodIssueText(code: string, params: Params, message: string, lang: Lang): string {
  const [issueCode, issueParams] = zodIssueCode(code, params, message, lang);
  return fieldIssueText(issueCode, lang, issueParams);
}
