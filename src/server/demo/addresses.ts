import type { Rng } from './random.js';

/** Streets and postcodes of Dortmund's districts (for another city's profile, generic streets). */
const dortmund: Record<string, { postcodes: string[]; streets: string[] }> = {
  brackel: {
    postcodes: ['44309'],
    streets: [
      'Brackeler Hellweg',
      'Flughafenstraße',
      'Oberdorfstraße',
      'Asselner Hellweg',
      'Wambeler Hellweg',
      'Wickeder Hellweg',
      'Kurler Straße',
      'Leni-Rommel-Straße',
    ],
  },
  aplerbeck: {
    postcodes: ['44287', '44269'],
    streets: [
      'Köln-Berliner Straße',
      'Schüruferstraße',
      'Ruinenstraße',
      'Sölder Straße',
      'Berghofer Straße',
      'Vieselerhofstraße',
      'Marsbruchstraße',
      'Rodenbergstraße',
    ],
  },
  mengede: {
    postcodes: ['44359'],
    streets: [
      'Siegburgstraße',
      'Williburgstraße',
      'Mengeder Straße',
      'Westerfilder Straße',
      'Bodelschwingher Straße',
      'Strünkedestraße',
      'Waltroper Straße',
    ],
  },
  huckarde: {
    postcodes: ['44369', '44379'],
    streets: [
      'Urbanusstraße',
      'Huckarder Straße',
      'Rahmer Straße',
      'Deusener Straße',
      'Kirchlinder Straße',
      'Parsevalstraße',
      'Emscherallee',
    ],
  },
  hoerde: {
    postcodes: ['44263', '44265'],
    streets: [
      'Hermannstraße',
      'Alfred-Trappen-Straße',
      'Faßstraße',
      'Wellinghofer Straße',
      'Benninghofer Straße',
      'Hörder Bahnhofstraße',
      'Niederhofener Straße',
    ],
  },
  hombruch: {
    postcodes: ['44225', '44227', '44229'],
    streets: [
      'Harkortstraße',
      'Stockumer Straße',
      'Baroper Straße',
      'Eichlinghofer Straße',
      'Kirchhörder Straße',
      'Löttringhauser Straße',
      'Am Beilstück',
    ],
  },
  eving: {
    postcodes: ['44339'],
    streets: [
      'Evinger Straße',
      'Deutsche Straße',
      'Preußische Straße',
      'Brechtener Straße',
      'Kemminghauser Straße',
      'Lindenhorster Straße',
      'Holthauser Straße',
      'Bergstraße',
    ],
  },
  scharnhorst: {
    postcodes: ['44328', '44329'],
    streets: [
      'Gleiwitzstraße',
      'Droote',
      'Buschei',
      'Derner Straße',
      'Kirchderner Straße',
      'Husener Straße',
      'Lanstroper Straße',
      'Grevendicks Feld',
    ],
  },
  luetgendortmund: {
    postcodes: ['44388'],
    streets: [
      'Limbecker Straße',
      'Werner Straße',
      'Provinzialstraße',
      'Martener Straße',
      'Oespeler Dorfstraße',
      'Bövinghauser Straße',
      'Somborner Straße',
    ],
  },
  'innenstadt-west': {
    postcodes: ['44135', '44137', '44139'],
    streets: [
      'Rheinische Straße',
      'Hohe Straße',
      'Lindemannstraße',
      'Kreuzstraße',
      'Möllerstraße',
      'Dorstfelder Hellweg',
      'Sunderweg',
      'Lange Straße',
    ],
  },
  'innenstadt-ost': {
    postcodes: ['44141', '44139'],
    streets: [
      'Kaiserstraße',
      'Ruhrallee',
      'Westfalendamm',
      'Körner Hellweg',
      'Lange Reihe',
      'Hamburger Straße',
      'Gutenbergstraße',
    ],
  },
  'innenstadt-nord': {
    postcodes: ['44145', '44147'],
    streets: [
      'Münsterstraße',
      'Mallinckrodtstraße',
      'Schützenstraße',
      'Nordstraße',
      'Borsigstraße',
      'Oesterholzstraße',
      'Heiligegartenstraße',
      'Bornstraße',
      'Leopoldstraße',
      'Steinstraße',
    ],
  },
};

const generic = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Kirchstraße', 'Ringstraße'];

export interface Address {
  street: string;
  postcode: string | null;
  city: string | null;
}

export function drawAddress(rng: Rng, districtCode: string | null, city: string | null): Address {
  const known = districtCode ? dortmund[districtCode] : undefined;
  const number = rng.chance(0.15)
    ? `${rng.int(1, 160)}${rng.pick(['a', 'b', 'c'])}`
    : String(rng.int(1, 180));
  if (known && city === 'Dortmund') {
    return { street: `${rng.pick(known.streets)} ${number}`, postcode: rng.pick(known.postcodes), city };
  }
  return { street: `${rng.pick(generic)} ${number}`, postcode: null, city };
}
