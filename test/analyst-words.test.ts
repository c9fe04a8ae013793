/**
 * The analyst's pages write months, weeks and moments as Danish readers read them: «december
 * 2022», «uge 48 i 2026», «2.12.2026 kl. 8.30» — not ISO forms (2022-12, 2026-W48) or the
 * zero-padded «02.12.2026, 08.30» of `Intl`'s short style (issue 18, noticed on the re-walk:
 * the committee brief said «december 2022» while Resultater, Nationalt and Registerdata said
 * «2022-12»). Form fields and links keep ISO values: only the text a reader sees is checked.
 */
import { describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { getOk, loginAs, pageText } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';

const ISO_MONTH = /\b(19|20)\d{2}-(0[1-9]|1[0-2])\b(?!-\d)/;
const ISO_WEEK = /\b(19|20)\d{2}-W\d{2}\b/;
const PADDED_DATE = /\b0\d\.\d{2}\.\d{4}\b|\b\d{1,2}\.0\d\.\d{4}\b/;
const MONTH_WORDS = '(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \\d{4}';

/** The reader's text of a page, without the text of `<script>`/`<style>` and without attribute values (tags dropped). */
const visible = (html: string) => pageText(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' '));

describe.each(backends())('months, weeks and moments in words on the analyst pages on %s', (backend) => {
  const env = useTestServer(backend);

  it('Resultater: the data line, the captions, the headings and the month-by-month table', async () => {
    const s = await loginAs(env.app, 'analytiker.siri');
    const body = (await getOk(s, '/resultater?maaned=2022-12&varig=2023-02&status=2023-02')).body;
    const text = visible(body);
    expect(text).toContain('Akkumuleret til og med december 2022:');
    expect(text).toContain('Aktive i december 2022');
    expect(text).toContain('Varig beskæftigelse i februar 2023');
    expect(text).toContain('Status ultimo februar 2023');
    expect(text).toContain('Status i den sidste uge af februar 2023 og månedens løntimer');
    expect(text).toMatch(new RegExp(`Data: ydelser til og med uge [1-9]\\d? i \\d{4}, løntimer til og med ${MONTH_WORDS}`));
    // The month-by-month table: one row per month, each headed by the month in words.
    const series = /data-testid="series"[\s\S]*?<\/table>/.exec(body)![0];
    const heads = [...series.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads.length).toBeGreaterThan(12);
    for (const h of heads) expect(h).toMatch(new RegExp(`^${MONTH_WORDS}$`));
    expect(heads.at(-1)).toBe('december 2022');
    // The form still sends ISO months.
    expect(body).toContain('value="2022-12"');
    for (const pattern of [ISO_MONTH, ISO_WEEK, PADDED_DATE]) expect(text).not.toMatch(pattern);
  });

  it('Nationalt: the subtitle, the stamp and the tables', async () => {
    const s = await loginAs(env.app, 'analytiker.siri');
    const text = visible((await getOk(s, '/nationalt?maaned=2022-12&varig=2023-02&status=2023-02')).body);
    expect(text).toContain('Rapportmåned december 2022, varig beskæftigelse februar 2023, status februar 2023.');
    expect(text).toMatch(new RegExp(`Periode ${MONTH_WORDS} til december 2022\\.`));
    expect(text).toMatch(
      /Registerdata senest indlæst [1-9]\d?\.[1-9]\d?\.\d{4} kl\. [12]?\d\.\d\d \(ydelser til og med uge [1-9]\d? i \d{4}/,
    );
    expect(text).toMatch(/Sagsdata pr\. [1-9]\d?\.[1-9]\d?\.\d{4} kl\. [12]?\d\.\d\d\./);
    expect(text).toContain('Bedste niveau til og med december 2022 og status i december 2022');
    for (const pattern of [ISO_MONTH, ISO_WEEK, PADDED_DATE]) expect(text).not.toMatch(pattern);
  });

  it('Registerdata: each delivery’s period and time', async () => {
    const s = await loginAs(env.app, 'analytiker.siri');
    const text = visible((await getOk(s, '/registerdata')).body);
    // The demo's two deliveries: weekly benefits and monthly paid hours.
    expect(text).toMatch(/uge [1-9]\d? i \d{4} – uge [1-9]\d? i \d{4}/);
    expect(text).toMatch(new RegExp(`${MONTH_WORDS} – ${MONTH_WORDS}`));
    expect(text).toMatch(/[1-9]\d?\.[1-9]\d?\.\d{4} kl\. [12]?\d\.\d\d/);
    for (const pattern of [ISO_MONTH, ISO_WEEK, PADDED_DATE]) expect(text).not.toMatch(pattern);
  });
});
