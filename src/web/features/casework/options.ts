import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryCodes, countryName, languageCodes, languageName } from '../../../shared/countries';
import type { ReferenceList } from '../../../shared/schemas/reference';
import { useReference, useSites } from '../../app/queries';
import { useUser } from '../../app/session';
import { currentLanguage } from '../../i18n';

export interface Option {
  value: string;
  label: string;
}

/**
 * A reference list as select options: the active values, plus inactive ones a record still uses
 * (so an old record shows its value). `label` names any code, active or not.
 */
export function useRefOptions(list: ReferenceList, keep: (string | null | undefined)[] = []) {
  const query = useReference(list);
  const data = query.data;
  const keepKey = keep.filter(Boolean).join('|');
  const options = useMemo<Option[]>(() => {
    const kept = new Set(keepKey.split('|'));
    return (data ?? [])
      .filter((v) => v.active || kept.has(v.code))
      .map((v) => ({ value: v.code, label: v.label }));
  }, [data, keepKey]);
  const byCode = useMemo(() => new Map((data ?? []).map((v) => [v.code, v])), [data]);
  return {
    query,
    options,
    /** every value with its parent (subdistricts: the district) */
    values: data ?? [],
    label: (code: string | null | undefined) => (code ? (byCode.get(code)?.label ?? code) : ''),
  };
}

function sortedOptions(codes: readonly string[], name: (code: string) => string, lang: string): Option[] {
  const collator = new Intl.Collator(lang);
  return codes.map((c) => ({ value: c, label: name(c) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Countries (ISO 3166) named in the UI language, alphabetically. */
export function useCountryOptions() {
  const { i18n } = useTranslation();
  const lang = currentLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: i18n.language triggers the re-sort after a switch
  return useMemo(() => sortedOptions(countryCodes, (c) => countryName(c, lang), lang), [lang, i18n.language]);
}

/** The languages common among advice seekers, named in the UI language, alphabetically. */
export function useLanguageOptions() {
  const { i18n } = useTranslation();
  const lang = currentLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: i18n.language triggers the re-sort after a switch
  return useMemo(
    () => sortedOptions(languageCodes, (c) => languageName(c, lang), lang),
    [lang, i18n.language],
  );
}

export function countryLabel(code: string | null | undefined): string {
  return code ? countryName(code, currentLanguage()) : '';
}

export function languageLabel(code: string | null | undefined): string {
  return code ? languageName(code, currentLanguage()) : '';
}

/** All sites (for names) and the user's own sites (for choices). */
export function useSiteChoices() {
  const user = useUser();
  const query = useSites();
  const all = query.data ?? [];
  const own = all.filter((s) => user.siteIds.includes(s.id));
  return {
    query,
    all,
    own,
    ownOptions: own.map((s) => ({ value: s.id, label: s.name })),
    name: (id: string | null | undefined) => (id ? (all.find((s) => s.id === id)?.name ?? '') : ''),
  };
}
