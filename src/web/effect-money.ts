/** Kroner on the effect and money pages: whole kroner with thousands separators. */
const kr0 = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const kr2 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dec1 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const showKroner = (n: number | null) => (n === null ? '–' : `${kr0.format(Math.round(n))} kr.`);
/** Kroner with øre (rates, entered amounts). */
export const showKronerOere = (n: number | null) => (n === null ? '–' : `${kr2.format(n)} kr.`);
export const showWeeks = (n: number) => `${dec1.format(n)} uger`;
export const showHelaar = (n: number) => dec1.format(n);
