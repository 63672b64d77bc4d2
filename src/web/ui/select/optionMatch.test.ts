import { describe, expect, it } from 'vitest';
import { bestMatch, rankOptions } from './optionMatch';

const lifeAreas = [
  { value: 'lebensunterhalt', label: 'Leistungen zur Sicherung des Lebensunterhaltes' },
  { value: 'wohnen', label: 'Wohnen' },
  { value: 'arbeit-beruf', label: 'Arbeit/Beruf' },
  { value: 'ausbildung', label: 'Schule/Ausbildung/Arbeitsmarkt' },
  { value: 'uebersetzung', label: 'Übersetzung' },
];

describe('the option Enter takes for the text as typed', () => {
  it('takes the best fit, not the first option of the list', () => {
    expect(bestMatch(lifeAreas, 'Arbei')?.value).toBe('arbeit-beruf');
    expect(bestMatch(lifeAreas, 'arbeit')?.value).toBe('arbeit-beruf');
    expect(bestMatch(lifeAreas, 'beruf')?.value).toBe('arbeit-beruf');
  });

  it('ranks the same label, then the beginning, then a word, then anywhere', () => {
    expect(rankOptions(lifeAreas, 'arb').map((o) => o.value)).toEqual(['arbeit-beruf', 'ausbildung']);
    expect(rankOptions(lifeAreas, 'uber').map((o) => o.value)).toEqual(['uebersetzung']);
  });

  it('takes nothing for text that fits nothing, an empty text, or only picked options', () => {
    expect(bestMatch(lifeAreas, 'xyz')).toBeNull();
    expect(bestMatch(lifeAreas, '  ')).toBeNull();
    expect(bestMatch(lifeAreas, 'Wohnen', ['wohnen'])).toBeNull();
  });
});
