import type { Contact, CreateContactBody } from '../../../../shared/schemas/contacts';
import { api } from '../../../app/api';
import { formatDate, parseDateInput } from '../../../ui/format';
import { recordUrl } from '../../corrections/api';
import { changedOnly } from '../../corrections/changes';
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

/** The form's values of a recorded contact (to correct it). */
export function contactValues(contact: Contact): ContactValues {
  return {
    date: formatDate(contact.date),
    contactType: contact.contactType,
    durationMinutes: contact.durationMinutes ?? '',
    siteId: contact.siteId,
    memberIds: contact.memberIds,
    mediationLanguage: contact.mediationLanguage,
    mediatorName: contact.mediatorName ?? '',
    reasons: contact.reasons.map((r) => ({ ...emptyReason(), ...r })),
    note: contact.note ?? '',
  };
}

/** PATCH of a contact's changed fields; null when nothing changed. */
export function correctContact(householdId: string, contact: Contact, values: ContactValues) {
  const body = (v: ContactValues) => ({ ...toContactBody(v), memberIds: v.memberIds });
  const changes = changedOnly(body(contactValues(contact)), body(values));
  return changes
    ? api.patch<Contact>(recordUrl(householdId, 'contact', contact.id), changes)
    : Promise.resolve(null);
}
