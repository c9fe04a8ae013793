/**
 * Invented but plausible names and countries of origin for the synthetic women. Countries are
 * Danish names from Danmarks Statistik's non-Western group; the weights roughly follow the
 * composition of immigrant women outside employment. Names are drawn within a naming region so
 * that a woman from Somalia gets a Somali-sounding name.
 */
import type { Rng } from '../core/prng.ts';

interface Region {
  countries: readonly (readonly [string, number])[];
  first: readonly string[];
  last: readonly string[];
}

const REGIONS: readonly Region[] = [
  {
    countries: [
      ['Syrien', 18],
      ['Irak', 10],
      ['Libanon', 7],
      ['Statsløs', 3],
      ['Marokko', 3],
    ],
    first: [
      'Amal',
      'Rania',
      'Fatima',
      'Noor',
      'Huda',
      'Samira',
      'Layla',
      'Maysa',
      'Rasha',
      'Dalia',
      'Hanan',
      'Nadia',
      'Sawsan',
      'Yasmin',
      'Zainab',
      'Rim',
    ],
    last: ['Al-Hassan', 'Haddad', 'Khalil', 'Mansour', 'Saleh', 'Ibrahim', 'Darwish', 'Nasser', 'Hamdan', 'Youssef', 'Abbas', 'Kassem'],
  },
  {
    countries: [['Somalia', 9]],
    first: ['Hodan', 'Ifrah', 'Sahra', 'Fadumo', 'Khadra', 'Nimco', 'Ubah', 'Hibaaq', 'Ayaan', 'Deqa', 'Asli', 'Warsan'],
    last: ['Warsame', 'Abdi', 'Farah', 'Osman', 'Hirsi', 'Jama', 'Mohamud', 'Aden', 'Guled', 'Nur'],
  },
  {
    countries: [
      ['Afghanistan', 8],
      ['Iran', 6],
    ],
    first: ['Mariam', 'Zahra', 'Parwana', 'Shabnam', 'Farzana', 'Nilofar', 'Soraya', 'Maryam', 'Shirin', 'Laleh', 'Roya', 'Tahmina'],
    last: ['Ahmadi', 'Hosseini', 'Rahimi', 'Karimi', 'Mohammadi', 'Sultani', 'Noori', 'Rezaei', 'Hakimi', 'Azizi'],
  },
  {
    countries: [
      ['Tyrkiet', 9],
      ['Bosnien-Hercegovina', 2],
    ],
    first: ['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Songül', 'Sevgi', 'Derya', 'Gülsen', 'Amra', 'Selma'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Hodžić', 'Begić'],
  },
  {
    countries: [
      ['Eritrea', 6],
      ['Etiopien', 2],
    ],
    first: ['Semhar', 'Helen', 'Freweyni', 'Selam', 'Luwam', 'Senait', 'Mebrat', 'Rahel', 'Winta', 'Almaz'],
    last: ['Tesfay', 'Gebremedhin', 'Habte', 'Kidane', 'Berhane', 'Yohannes', 'Tekle', 'Haile', 'Negash', 'Ghebre'],
  },
  {
    countries: [
      ['Pakistan', 6],
      ['Sri Lanka', 2],
    ],
    first: ['Ayesha', 'Sana', 'Nazia', 'Rukhsana', 'Shazia', 'Farah', 'Samina', 'Nasreen', 'Kavitha', 'Tharshini', 'Rubina', 'Uzma'],
    last: ['Khan', 'Hussain', 'Butt', 'Malik', 'Qureshi', 'Chaudhry', 'Iqbal', 'Raza', 'Sivakumar', 'Rajan'],
  },
  {
    countries: [
      ['Thailand', 5],
      ['Filippinerne', 3],
    ],
    first: ['Siriporn', 'Nong', 'Kanya', 'Malee', 'Ratana', 'Wanida', 'Pim', 'Maricel', 'Jocelyn', 'Rowena', 'Sunisa'],
    last: ['Srisuk', 'Chaiyaporn', 'Wongsa', 'Boonmee', 'Saetang', 'Reyes', 'Santos', 'Dela Cruz', 'Bautista'],
  },
  {
    countries: [
      ['Vietnam', 4],
      ['Kina', 2],
    ],
    first: ['Lan', 'Mai', 'Huong', 'Thu', 'Linh', 'Ngoc', 'Hoa', 'Xiu', 'Mei', 'Ling'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Wang', 'Zhang', 'Chen'],
  },
];

const COUNTRY_TABLE = REGIONS.flatMap((r, i) => r.countries.map(([c, w]) => [[c, i] as const, w] as const));

export interface Origin {
  countryOfOrigin: string;
  firstName: string;
  lastName: string;
}

export function drawOrigin(rng: Rng): Origin {
  const [country, regionIndex] = rng.weighted(COUNTRY_TABLE);
  const region = REGIONS[regionIndex];
  return { countryOfOrigin: country, firstName: rng.pick(region.first), lastName: rng.pick(region.last) };
}

/** All countries the generator can draw (for tests). */
export const DEMO_COUNTRIES: readonly string[] = REGIONS.flatMap((r) => r.countries.map(([c]) => c));
