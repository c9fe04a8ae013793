/**
 * "Min plan" as an A4 print: a tagged PDF (tagged-pdf.ts) with the same content as her page — her
 * job goal, ABC strategy, sub-goals with dates, current and next activities, the next
 * conversation and Fremdriftstrappen as a simple picture with a text alternative — in her
 * language (document Lang, right to left for Arabic script), with a pictogram beside each
 * section. Text the caseworker typed stays in Danish (a Span with Lang da) after a pencil. With a
 * live personal link, its QR code and address are on the print.
 */
import QRCode from 'qrcode';
import { PICTOGRAM_PATHS, type Pictogram } from '../core/pictograms.ts';
import type { MyPlanActivity, MyPlanView } from '../domain/my-plan.ts';
import { calendarDate, type MessageKey, type Translator } from '../i18n/catalog.ts';
import { renderTaggedPdf, type PdfBlock, type PdfInline } from './tagged-pdf.ts';

export interface MyPlanPrint {
  view: MyPlanView;
  tr: Translator;
  /** Today (YYYY-MM-DD), for "printed on". */
  today: string;
  /** Her live personal link, when the print is to carry it (QR code and address). */
  linkUrl?: string;
}

const date = (iso: string) => calendarDate(iso);

export async function renderMyPlanPdf(p: MyPlanPrint): Promise<Buffer> {
  const { view: v, tr } = p;
  const own = (text: string): PdfInline => ({ text, lang: 'da', pencil: true });
  const said = (text: string): PdfInline => ({ text });
  const P = (...parts: PdfInline[]): PdfBlock => ({ kind: 'text', tag: 'P', parts });
  const H2 = (icon: Pictogram, key: MessageKey): PdfBlock => ({ kind: 'text', tag: 'H2', parts: [said(tr.t(key))], icon: PICTOGRAM_PATHS[icon] });
  const activity = (a: MyPlanActivity): PdfInline[] => [
    a.typeKey ? { text: tr.t(`activity.${a.typeKey}` as MessageKey), bold: true } : { ...own(a.typeNameDa), bold: true },
    ...(a.place ? [said(`\n${tr.t('activities.place')}:`), own(a.place)] : []),
    ...(a.address ? (a.place ? [own(`\n${a.address}`)] : [said(`\n${tr.t('activities.place')}:`), own(a.address)]) : []),
    said(`\n${tr.t('activities.when')}: ${a.end ? tr.t('activities.period', { start: date(a.start), end: date(a.end) }) : tr.t('activities.from', { start: date(a.start) })}`),
    ...(a.schedule ? [own(`\n${a.schedule}`)] : []),
    ...(a.hoursPerWeek ? [said(`\n${tr.t('activities.hours', { hours: a.hoursPerWeek })}`)] : []),
  ];
  const activities = (list: MyPlanActivity[]): PdfBlock => (list.length ? { kind: 'items', items: list.map(activity) } : P(said(tr.t('activities.none'))));

  const blocks: PdfBlock[] = [
    { kind: 'text', tag: 'H1', parts: [said(tr.t('page.title'))] },
    P(said(tr.t('page.for', { name: v.firstName }))),
    ...(tr.checked ? [] : [{ kind: 'text', tag: 'P', parts: [said(tr.t('notice.unchecked'))], small: true, muted: true } as PdfBlock]),
    P(said(tr.t('page.intro'))),
    P({ text: tr.t('freeText.legend'), pencil: true }),
    { kind: 'text', tag: 'P', small: true, muted: true, parts: [said([
      v.planUpdatedOn ? tr.t('page.updated', { date: date(v.planUpdatedOn) }) : '',
      tr.t('page.printed', { date: date(p.today) }),
    ].filter(Boolean).join(' '))] },
  ];
  if (p.linkUrl) {
    const png = await QRCode.toBuffer(p.linkUrl, { type: 'png', margin: 2, scale: 4, errorCorrectionLevel: 'M' });
    blocks.push({ kind: 'image', png, size: 96, alt: tr.t('print.qr'), beside: [said(tr.t('print.qr')), { text: `\n${p.linkUrl}`, lang: 'zxx' }, said(`\n${tr.t('link.private')}`)] });
  }

  blocks.push(H2('goal', 'jobGoal.heading'));
  blocks.push(v.jobGoal ? P(said(tr.t('jobGoal.text')), { ...own(v.jobGoal), bold: true }) : P(said(tr.t('jobGoal.empty'))));

  blocks.push(H2('abc', 'abc.heading'));
  if (v.abc) {
    blocks.push(P(said(tr.t('abc.intro'))));
    const abc = v.abc;
    blocks.push({ kind: 'items', items: (['a', 'b', 'c'] as const).map((k) => [{ text: tr.t(`abc.${k}`), bold: true }, abc[k] ? own(abc[k]!) : said('–')]) });
  } else blocks.push(P(said(tr.t('abc.empty'))));

  blocks.push(H2('steps', 'goals.heading'));
  blocks.push(P(said(tr.t('goals.count', { count: v.goals.length }))));
  if (v.goals.length) {
    blocks.push({ kind: 'items', items: v.goals.map((g) => [own(g.text), said(`\n${tr.t('goals.due', { date: date(g.dueDate) })} · ${tr.t(`goals.status.${g.status}` as MessageKey)}`)]) });
  }

  blocks.push(H2('now', 'activities.now.heading'), activities(v.current));
  blocks.push(H2('next', 'activities.next.heading'), activities(v.next));

  blocks.push(H2('talk', 'conversation.heading'));
  blocks.push(P(said(v.nextConversation ? tr.t('conversation.due', { date: date(v.nextConversation) }) : tr.t('conversation.none'))));
  if (v.caseworkerName) blocks.push(P(said(tr.t('conversation.caseworker', { name: v.caseworkerName }))));

  blocks.push(H2('progress', 'progress.heading'));
  if (v.progress) {
    blocks.push(P(said(tr.t('progress.intro'))));
    blocks.push({
      kind: 'steps',
      rows: v.progress.steps.map((s) => {
        const dim = tr.t(`dim.${s.key}` as MessageKey);
        const step = tr.t('progress.step', { step: s.step });
        return { step: s.step, of: 5, alt: `${dim}: ${step}`, beside: [{ text: dim, bold: true }, said(`\n${step}`)] };
      }),
    });
    blocks.push({ kind: 'text', tag: 'P', small: true, muted: true, parts: [said(tr.t('progress.measured', { date: date(v.progress.date) }))] });
  } else blocks.push(P(said(tr.t('progress.none'))));

  const title = `${tr.t('page.title')} – ${v.firstName}`;
  return renderTaggedPdf({
    title,
    lang: tr.lang.code,
    dir: tr.lang.dir,
    footer: 'Fremdrift',
    pageLabel: (n, m) => `${n}/${m}`,
    blocks,
  });
}
