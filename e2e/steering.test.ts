/**
 * Steering in Chromium: the municipal dashboard, goals and milestones (with a Danish error
 * beside a bad field), the reports page and every report as a page and a download in every
 * format, and the agency's national dashboard — axe on every page, and no CSP violation from
 * the server-rendered charts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, submitRefused, useServerAndBrowser } from './browser.ts';

const MAGIC: Record<string, string> = { pdf: '%PDF-', xlsx: 'PK', csv: '\uFEFF' };

async function download(page: Page, name: RegExp, ext: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  expect(d.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
  const bytes = readFileSync((await d.path())!);
  expect(bytes.subarray(0, Buffer.byteLength(MAGIC[ext])).toString()).toBe(MAGIC[ext]);
  return bytes;
}

/**
 * In the page: every pair of a chart's texts and suppression markers («skjult» diamonds) whose
 * outlines cross, and any text outside its chart — the glyph boxes turned by their own transforms
 * (a turned axis label is a turned box), compared by separating axes. The lines of one wrapped label
 * share a transform and are one label.
 */
function chartCollisions(): string[] {
  const corners = (el: SVGGraphicsElement, pts: [number, number][]) => {
    const m = el.getCTM()!;
    return pts.map(([x, y]): [number, number] => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const box = (el: SVGGraphicsElement) => {
    const b = el.getBBox();
    return corners(el, [
      [b.x, b.y],
      [b.x + b.width, b.y],
      [b.x + b.width, b.y + b.height],
      [b.x, b.y + b.height],
    ]);
  };
  const edges = (p: [number, number][]) => p.map((a, i) => [p[(i + 1) % p.length][1] - a[1], a[0] - p[(i + 1) % p.length][0]]);
  const cross = (p: [number, number][], q: [number, number][]) =>
    [...edges(p), ...edges(q)].every(([ax, ay]) => {
      const a = p.map(([x, y]) => x * ax + y * ay);
      const b = q.map(([x, y]) => x * ax + y * ay);
      const len = Math.hypot(ax, ay) || 1;
      return (Math.max(...a) - Math.min(...b)) / len > 0.5 && (Math.max(...b) - Math.min(...a)) / len > 0.5;
    });
  const found: string[] = [];
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
    const chart = svg.closest('figure')?.getAttribute('data-testid') ?? '?';
    const shapes = [...svg.querySelectorAll<SVGTextElement>('text')]
      .filter((t) => t.textContent!.trim())
      .map((t) => ({ name: t.textContent!.trim(), poly: box(t), group: t.getAttribute('transform') }));
    for (const d of svg.querySelectorAll<SVGPathElement>('path[fill="#ffffff"]')) {
      const n = (d.getAttribute('d') ?? '').match(/^M[-\d. ]+(L[-\d. ]+){3}Z$/)
        ? d
            .getAttribute('d')!
            .match(/-?[\d.]+/g)!
            .map(Number)
        : [];
      if (n.length === 8)
        shapes.push({
          name: '◇',
          poly: corners(
            d,
            [0, 2, 4, 6].map((i): [number, number] => [n[i], n[i + 1]]),
          ),
          group: null,
        });
    }
    const { width, height } = svg.getBoundingClientRect();
    shapes.forEach((s, i) => {
      if (s.poly.some(([x, y]) => x < -0.5 || y < -0.5 || x > width + 0.5 || y > height + 0.5))
        found.push(`${chart}: «${s.name}» outside the chart`);
      for (const t of shapes.slice(i + 1))
        if ((s.group === null || s.group !== t.group) && cross(s.poly, t.poly)) found.push(`${chart}: «${s.name}» × «${t.name}»`);
    });
  }
  return found;
}

describe.runIf(browserAvailable())('steering in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('renders the dashboard under the real CSP without violations', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${env.server.url}/styring`);
    await expect.poll(() => page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(7);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('opens the municipal dashboard, goals and milestones; a bad goal shows its error beside the field', async () => {
    const page = await signedInPage(env, 'projektleder.aalborg');
    await follow(page, () => page.getByRole('link', { name: 'Styring', exact: true }).click());
    await page.waitForURL(/\/styring$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Styring af projektet');
    expect(await page.getByRole('img', { name: /Status i måneden/ }).count()).toBe(1);
    expect(await page.getByTestId('tabel-maal').locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('navigation', { name: 'Styring' }).getByRole('link', { name: 'Milepælsplan' }).click());
    await page.waitForURL(/\/styring\/milepaele/);
    const h2 = await page.getByRole('heading', { level: 2 }).allTextContents();
    // The overdue summary comes first (issue 18, point 9), then the four phases in order.
    expect(h2[0]).toMatch(/^\d+ milepæle? har overskredet tidspunktet$/);
    expect(h2.slice(1)).toEqual(['Fase 1: Opstart og forberedelse', 'Fase 2: Idriftsættelse', 'Fase 3: Evaluering', 'Fase 4: Forankring']);
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('navigation', { name: 'Styring' }).getByRole('link', { name: 'Resultatmål' }).click());
    await follow(page, () => page.getByRole('link', { name: 'Tilføj resultatmål' }).click());
    await page.getByLabel('Titel').fill('Mindst 60 % i praktik');
    await page.getByLabel('Måletal').selectOption('virksomhedsrettet');
    await page.getByLabel('en andel').check();
    await page.getByLabel('Målsætning', { exact: true }).fill('160');
    await page.getByLabel('Frist').fill('31-12-2022');
    await submitRefused(page, 'Gem', { targetValue: 'En andel kan højst være 100 %.' });
    expect(await page.getByLabel('Titel').inputValue()).toBe('Mindst 60 % i praktik');
    await page.getByLabel('Målsætning', { exact: true }).fill('60');
    await follow(page, () => page.getByRole('button', { name: 'Gem' }).click());
    await page.waitForURL(/\/styring\/maal\?projekt=/);
    expect(await page.getByTestId('goals').textContent()).toContain('Mindst 60 % i praktik');
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('navigation', { name: 'Styring' }).getByRole('link', { name: 'Milepælsplan' }).click());
    await follow(page, () => page.getByRole('link', { name: 'Ret milepæl 21' }).click());
    await page.getByLabel('Status').selectOption('naaet');
    await page.getByLabel('Tidspunkt').fill('30-02-2023');
    await submitRefused(page, 'Gem', { dueDate: 'Datoen findes ikke.' });
    expect(await page.getByLabel('Status').inputValue()).toBe('naaet');
    await page.getByLabel('Tidspunkt').fill('31-03-2023');
    await follow(page, () => page.getByRole('button', { name: 'Gem' }).click());
    await page.waitForURL(/\/styring\/milepaele\?projekt=/);
    expect(await page.getByTestId('phase-3').textContent()).toContain('Nået');
    await page.close();
  });

  it('opens every report as a page and downloads it in every format', async () => {
    const page = await signedInPage(env, env.m.leader.username, { acceptDownloads: true });
    await page.goto(`${env.server.url}/styring/rapporter`);
    await expectNoAxeViolations(page);
    const reports = [
      'månedlig monitoreringsrapport',
      'halvårlig skriftlig opfølgning til siri',
      'afsluttende rapport til siri',
      'orientering til det politiske udvalg',
    ];
    for (const r of reports) {
      for (const [ext, label] of [
        ['pdf', 'PDF'],
        ['xlsx', 'Excel'],
        ['csv', 'CSV'],
      ]) {
        await download(page, new RegExp(`^Hent ${r} som ${label}`, 'i'), ext);
      }
    }
    for (const r of reports) {
      await page.goto(`${env.server.url}/styring/rapporter`);
      await follow(page, () => page.getByRole('link', { name: new RegExp(`^Læs ${r} som webside`, 'i') }).click());
      await page.waitForURL(/\/styring\/rapporter\/[a-z]+\?/);
      // The committee brief speaks plain Danish: its stamp has the period in words and the
      // definition sits in the glossary (issue 18, point 10); the other reports name it in the stamp.
      if (r.startsWith('orientering')) {
        await expect.poll(() => page.getByTestId('report-stamp').textContent()).toContain('Tallene gælder til og med');
        expect(await page.locator('main').textContent()).toContain('kib-2019.1');
      } else {
        await expect.poll(() => page.getByTestId('report-stamp').textContent()).toContain('kib-2019.1');
      }
      await expectNoAxeViolations(page);
    }
    await page.close();
  });
});

// The national dashboard counts the demo's ten municipalities, so it runs on a server of its own,
// without the fresh municipality of the block above.
describe.runIf(browserAvailable())('the national dashboard in Chromium', () => {
  const env = useServerAndBrowser();

  it('opens the national dashboard for the agency and downloads it in every format', async () => {
    const page = await signedInPage(env, 'analytiker.siri', { acceptDownloads: true });
    await follow(page, () => page.getByRole('link', { name: 'Nationalt overblik' }).click());
    await page.waitForURL(/\/nationalt$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Nationalt overblik');
    expect(await page.getByTestId('tabel-gruppe-kommune').locator('tbody tr').count()).toBe(10);
    await expectNoAxeViolations(page);
    for (const [ext, label] of [
      ['pdf', 'PDF'],
      ['xlsx', 'Excel'],
      ['csv', 'CSV'],
    ])
      await download(page, new RegExp(`som ${label}`), ext);
    await page.close();
  });

  it('draws no chart label across another or across a «skjult» marker, on the national page and the committee brief (issue 18 points 9, 12)', async () => {
    // Re-walk of issue 18: the national charts turned the municipality names, and a suppressed
    // municipality's name ran into the diamond that marks its gap («Brøndby» over «◇»).
    const analyst = await signedInPage(env, 'analytiker.siri');
    for (const url of ['/nationalt?maaned=2022-12&varig=2023-02&status=2023-02', '/nationalt']) {
      await analyst.goto(`${env.server.url}${url}`);
      expect(await analyst.locator('svg[role="img"]').count(), url).toBeGreaterThanOrEqual(2);
      // The page has suppressed municipalities, so the markers are there to be crossed.
      expect(await analyst.locator('svg[role="img"] path[fill="#ffffff"]').count(), url).toBeGreaterThan(1);
      expect(await analyst.evaluate(chartCollisions), url).toEqual([]);
    }
    await analyst.close();
    const leader = await signedInPage(env, 'projektleder.aalborg');
    await leader.goto(`${env.server.url}/styring`);
    // The historic Aalborg project (2019–2022), whose committee brief hides three of its four groups.
    const historic = await leader
      .locator('select[name="projekt"] option', { hasText: /^Flere indvandrerkvinder i beskæftigelse – Aalborg$/ })
      .getAttribute('value');
    for (const url of [
      `/styring/rapporter/udvalg?projekt=${historic}&maaned=2022-12&varig=2023-02&status=2023-02`,
      `/styring?projekt=${historic}&maaned=2022-12&varig=2023-02&status=2023-02`,
    ]) {
      await leader.goto(`${env.server.url}${url}`);
      expect(await leader.locator('svg[role="img"]').count(), url).toBeGreaterThanOrEqual(1);
      expect(await leader.evaluate(chartCollisions), url).toEqual([]);
    }
    await expectNoAxeViolations(leader);
    await leader.close();
  });
});
