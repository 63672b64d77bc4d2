import deAccount from './de.account.json';
import deCasework from './de.casework.json';
import deCorrections from './de.corrections.json';
import deDpo from './de.dpo.json';
import deEvents from './de.events.json';
import de from './de.json';
import deMediators from './de.mediators.json';
import deNetwork from './de.network.json';
import dePrivacy from './de.privacy.json';
import deRetention from './de.retention.json';
import deStart from './de.start.json';
import deStatistics from './de.statistics.json';
import deVolunteers from './de.volunteers.json';
import enAccount from './en.account.json';
import enCasework from './en.casework.json';
import enCorrections from './en.corrections.json';
import enDpo from './en.dpo.json';
import enEvents from './en.events.json';
import en from './en.json';
import enMediators from './en.mediators.json';
import enNetwork from './en.network.json';
import enPrivacy from './en.privacy.json';
import enRetention from './en.retention.json';
import enStart from './en.start.json';
import enStatistics from './en.statistics.json';
import enVolunteers from './en.volunteers.json';

export type Tree = { [key: string]: string | Tree };

/** Deep merge: feature files add their own top-level sections (e.g. `casework`, `statistics`). */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [k, v] of Object.entries(tree)) {
      const current = out[k];
      out[k] = typeof v === 'object' && typeof current === 'object' ? merge(current, v) : v;
    }
  }
  return out;
}

export const translations = {
  de: merge(
    de,
    deCasework,
    deStatistics,
    deNetwork,
    deEvents,
    deVolunteers,
    deMediators,
    deAccount,
    deRetention,
    deStart,
    deCorrections,
    dePrivacy,
    deDpo,
  ),
  en: merge(
    en,
    enCasework,
    enStatistics,
    enNetwork,
    enEvents,
    enVolunteers,
    enMediators,
    enAccount,
    enRetention,
    enStart,
    enCorrections,
    enPrivacy,
    enDpo,
  ),
};
