import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { caseworkKeys, type DuplicateCheck } from '../api';
import { parseBirth } from '../forms';

/** The duplicate check's input for a typed person (`[name, birth]`), or '' while the name is too short. */
export function duplicateInput(firstName: string, lastName: string, birth: string): string {
  if (firstName.trim().length < 2 || lastName.trim().length < 2) return '';
  const parsed = parseBirth(birth);
  return JSON.stringify([
    `${firstName.trim()} ${lastName.trim()}`,
    parsed?.birthDate ?? (parsed?.birthYear ? String(parsed.birthYear) : ''),
  ]);
}

/** The query of `GET /api/persons/duplicates` for a `duplicateInput()`. */
export function duplicateQuery(input: string) {
  const [name, birthKey] = input ? (JSON.parse(input) as [string, string]) : ['', ''];
  return {
    queryKey: caseworkKeys.duplicates(name, birthKey),
    queryFn: () =>
      api.get<DuplicateCheck>('/api/persons/duplicates', {
        name,
        birthDate: birthKey.includes('-') ? birthKey : undefined,
        birthYear: /^\d{4}$/.test(birthKey) ? birthKey : undefined,
      }),
    staleTime: 60_000,
  };
}

export interface ExistingHousehold {
  householdId: string;
  caseNumber: string;
  /** the matching persons' names, as the duplicate check gives them */
  names: string[];
}

/**
 * The household every one of these persons already belongs to (by the duplicate check's tolerance),
 * the best fitting one if several do (highest sum of match scores), or null: then registering them
 * is not a probable duplicate of one household.
 */
export async function findExistingHousehold(
  queryClient: QueryClient,
  members: { firstName: string; lastName: string; birth: string }[],
): Promise<ExistingHousehold | null> {
  let common: Map<string, ExistingHousehold & { score: number }> | null = null;
  for (const m of members) {
    const input = duplicateInput(m.firstName, m.lastName, m.birth);
    if (!input) return null;
    const { matches } = await queryClient.fetchQuery(duplicateQuery(input));
    const found = new Map<string, ExistingHousehold & { score: number }>();
    for (const match of [...matches].sort((a, b) => b.score - a.score)) {
      const earlier = common?.get(match.householdId);
      if ((common && !earlier) || found.has(match.householdId)) continue;
      found.set(match.householdId, {
        householdId: match.householdId,
        caseNumber: match.caseNumber,
        names: [...(earlier?.names ?? []), match.fullName],
        score: (earlier?.score ?? 0) + match.score,
      });
    }
    if (found.size === 0) return null;
    common = found;
  }
  const best = [...(common?.values() ?? [])].sort((a, b) => b.score - a.score)[0];
  return best ? { householdId: best.householdId, caseNumber: best.caseNumber, names: best.names } : null;
}
