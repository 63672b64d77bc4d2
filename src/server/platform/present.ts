/**
 * The columns of a row that a response shows as they are, under the same name. A presenter lists them
 * once and spells out only what it converts (instants to ISO strings, text columns to their unions,
 * nested or derived fields); the response type still checks every field.
 */
export function sameColumns<Row, K extends keyof Row>(row: Row, keys: readonly K[]): Pick<Row, K> {
  const out = {} as Pick<Row, K>;
  for (const key of keys) out[key] = row[key];
  return out;
}
