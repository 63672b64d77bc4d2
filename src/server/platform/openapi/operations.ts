import { summaries } from './summaries.js';

/** `/api/households/:id` and `/api/households/{householdId}` both become `/api/households/{}`. */
export function pathShape(path: string): string {
  return path.replace(/:[^/]+|\{[^}/]+\}/g, '{}');
}

const summaryByShape = new Map(
  Object.entries(summaries).map(([key, summary]) => {
    const [method, path] = key.split(' ');
    return [`${method.toUpperCase()} ${pathShape(path)}`, summary];
  }),
);

/** The summaries table's entry for this operation, if it has one. */
export function tableSummary(method: string, path: string): string | undefined {
  return summaryByShape.get(`${method.toUpperCase()} ${pathShape(path)}`);
}

const pascal = (word: string) =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

function paramName(segment: string): string | null {
  const m = /^:(.+)$|^\{(.+)\}$/.exec(segment);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * A stable id from method and path: `GET /api/households/:id/needs` → `getHouseholdsByIdNeeds`.
 * Method and path are unique per route, so the ids are too (a test checks it).
 */
export function operationId(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const rest = segments[0] === 'api' ? segments.slice(1) : segments;
  const words = rest.map((s) => {
    const param = paramName(s);
    return param ? `By${pascal(param)}` : pascal(s);
  });
  return method.toLowerCase() + (words.join('') || 'Root');
}

const words = (segment: string) => segment.replace(/\.(\w+)$/, ' as $1').replace(/[-_.]+/g, ' ');

/** partners → partner, activities → activity, addresses → address; "statistics" stays. */
function singular(phrase: string): string {
  return phrase.replace(/(\w+)$/, (w) => {
    if (/(ss|us|is|statistics|news)$/i.test(w)) return w;
    if (/ies$/i.test(w)) return `${w.slice(0, -3)}y`;
    if (/(sses|xes|ches|shes)$/i.test(w)) return w.slice(0, -2);
    if (/s$/i.test(w)) return w.slice(0, -1);
    return w;
  });
}

const isPlural = (phrase: string) => singular(phrase) !== phrase;
const capitalize = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * A readable summary from the path alone, for routes the table does not name yet:
 * `GET /api/partners` → "List partners", `GET /api/partners/:id` → "Get a partner",
 * `POST /api/events/:id/cancel` → "Cancel an event", `GET /api/network/gaps` → "List network gaps".
 */
export function derivedSummary(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const rest = segments[0] === 'api' ? segments.slice(1) : segments;
  const last = rest.at(-1) ?? '';
  const endsWithParam = paramName(last) !== null;
  const literals = rest.filter((s) => paramName(s) === null).map(words);
  const resource = literals.at(-1) ?? 'resource';
  const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);
  // the record a nested resource belongs to: /households/:id/needs → "of a household"
  const parentIndex = rest.length - (endsWithParam ? 3 : 2);
  const parent =
    parentIndex >= 1 && paramName(rest[parentIndex]) !== null ? singular(words(rest[parentIndex - 1])) : null;
  const ofParent = parent ? ` of ${article(parent)}` : '';
  const verb = method.toUpperCase();

  if (endsWithParam) {
    const noun = article(singular(resource));
    if (verb === 'GET') return `Get ${noun}${ofParent}`;
    if (verb === 'PUT' || verb === 'PATCH') return `Update ${noun}${ofParent}`;
    if (verb === 'DELETE') return `Delete ${noun}${ofParent}`;
    return `${capitalize(verb.toLowerCase())} ${noun}${ofParent}`;
  }
  // POST /things/:id/verb: an action on the record before it
  if (verb === 'POST' && !isPlural(resource) && parent) return `${capitalize(resource)} ${article(parent)}`;
  const scope = literals.slice(0, -1).join(' ');
  const full = parent ? resource : `${scope && !isPlural(scope) ? `${scope} ` : ''}${resource}`.trim();
  const fullNoun = parent ? resource : literals.join(' ');
  if (verb === 'GET') return isPlural(resource) ? `List ${full}${ofParent}` : `Get ${fullNoun}${ofParent}`;
  if (verb === 'POST') return `Create ${article(singular(full))}${parent ? ` for ${article(parent)}` : ''}`;
  if (verb === 'PUT') return `Replace ${fullNoun}${ofParent}`;
  if (verb === 'PATCH') return `Update ${fullNoun}${ofParent}`;
  if (verb === 'DELETE') return `Delete ${fullNoun}${ofParent}`;
  return `${verb} ${fullNoun}`;
}

/** The route's own `schema.summary`, else the table's, else one derived from the path. */
export function summaryFor(method: string, path: string, own?: unknown): string {
  if (typeof own === 'string' && own.trim()) return own;
  return tableSummary(method, path) ?? derivedSummary(method, path);
}
