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

/** The code and params of a zod issue; a refinement's message may itself be a code. */
function zodIssueCode(
  code: string,
  params: Params,
  message: string,
  lang: Lang,
): [FieldIssueCode, IssueParams] {
  switch (code) {
    case 'too_small':
    case 'too_big': {
      const u = unit[String(params.origin)]?.[lang];
      const n = String(code === 'too_small' ? params.minimum : params.maximum);
      return [code === 'too_small' ? 'tooShort' : 'tooLong', { n, unit: u ? ` ${u}` : '' }];
    }
    case 'invalid_type':
      return ['invalidType', {}];
    case 'invalid_format':
      return [formats[String(params.format)] ?? 'invalidFormat', {}];
    case 'invalid_value':
      return ['notAllowedValue', {}];
    default:
      return [isFieldIssueCode(message) ? message : 'invalid', {}];
  }
}

export function zodIssueText(code: string, params: Params, message: string, lang: Lang): string {
  const [issueCode, issueParams] = zodIssueCode(code, params, message, lang);
  return fieldIssueText(issueCode, lang, issueParams);
}
