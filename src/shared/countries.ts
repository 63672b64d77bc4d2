/** ISO 3166-1 alpha-2 codes, plus XX (staatenlos) and ZZ (ungeklärt). Names come from Intl in the UI language. */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
  'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM ' +
  'FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT ' +
  'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN ' +
  'MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT ' +
  'PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL ' +
  'TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK XX ZZ'
).split(' ');

const special: Record<string, { de: string; en: string }> = {
  XK: { de: 'Kosovo', en: 'Kosovo' },
  XX: { de: 'staatenlos', en: 'stateless' },
  ZZ: { de: 'ungeklärt', en: 'undetermined' },
};

export function countryName(code: string, lang: 'de' | 'en'): string {
  if (special[code]) return special[code][lang];
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}

/** Languages common among advice seekers (ISO 639-1, or 639-3 where no 639-1 code exists). */
export const languageCodes = [
  'de',
  'ar',
  'fa',
  'prs',
  'ps',
  'ku',
  'ckb',
  'tr',
  'ti',
  'am',
  'so',
  'ff',
  'ha',
  'yo',
  'ig',
  'fr',
  'en',
  'ru',
  'uk',
  'pl',
  'ro',
  'bg',
  'sq',
  'sr',
  'bs',
  'hr',
  'mk',
  'el',
  'it',
  'es',
  'pt',
  'ur',
  'hi',
  'bn',
  'ta',
  'zh',
  'vi',
  'ka',
  'hy',
  'az',
  'tg',
  'uz',
  'rom',
  'ln',
  'sw',
];

export function languageName(code: string, lang: 'de' | 'en'): string {
  return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
}
