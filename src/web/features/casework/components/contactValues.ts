import type { CreateContactBody } from '../../../../shared/schemas/contacts';
import { parseDateInput } from '../../../ui/format';
import { textOrNull } from '../forms';

/** A contact as its form holds it, the remembered contact type, and the request body. */
export interface ReasonValues {
  key: string;
  lifeArea: string | null;
  supportKind: string | null;
}

export interface ContactValues {
  date: string;
  contactType: string | null;
  durationMinutes: number | string;
  siteId: string | null;
  memberIds: string[];
  mediationLanguage: string | null;
  mediatorName: string;
  reasons: ReasonValues[];
  note: string;
}

const lastTypeKey = 'quartier.casework.lastContactType';
export const maxReasons = 20;

export function storedType(): string | null {
  try {
    return window.localStorage.getItem(lastTypeKey);
  } catch {
    return null;
  }
}

export function storeType(code: string): void {
  try {
    window.localStorage.setItem(lastTypeKey, code);
  } catch {
    // storage blocked: the form then starts without a remembered type
  }
}

let reasonCounter = 0;
export function emptyReason(): ReasonValues {
  reasonCounter += 1;
  return { key: `r${reasonCounter}`, lifeArea: null, supportKind: null };
}

/** The request body both contact routes share (the household's adds `memberIds`, the anonymous one `siteId`). */
export function toContactBody(values: ContactValues): CreateContactBody {
  return {
    date: parseDateInput(values.date) as string,
    contactType: values.contactType as string,
    durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
    mediationLanguage: values.mediationLanguage,
    mediatorName: textOrNull(values.mediatorName),
    reasons: values.reasons.map((r) => ({
      lifeArea: r.lifeArea as string,
      supportKind: r.supportKind as string,
    })),
    note: textOrNull(values.note),
  };
}
