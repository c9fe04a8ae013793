/**
 * Fremdriftstrappen: Fremdrift's own open progression ladder, written for this project (no
 * third-party text). Seven dimensions drawn from the seeds' descriptions of the women's
 * barriers (Viborg: work identity, knowledge of the labour market, Danish, self-rated health;
 * Aalborg: everyday coping; Vallensbæk/Ishøj: network), each rated 1–5 together with her.
 * Licence: the same as Fremdrift's source code.
 */
import type { Dimension, Instrument } from './instrument-types.ts';

const dim = (key: string, name: string, texts: [string, string, string, string, string]): Dimension => ({
  key,
  name,
  steps: texts.map((text, i) => ({ value: i + 1, text })),
});

export const FREMDRIFTSTRAPPEN: Instrument = {
  key: 'fremdriftstrappen',
  name: 'Fremdriftstrappen',
  intro: 'Vælg sammen med borgeren det trin, der passer bedst på hende i dag.',
  dimensions: [
    dim('arbejdsidentitet', 'Arbejdsidentitet', [
      'Ser ikke sig selv i et arbejde og har svært ved at forestille sig en hverdag med job.',
      'Kan tale om arbejde som en mulighed, men mest for andre end sig selv.',
      'Kan forestille sig selv i et bestemt job og tager imod tilbud om praktik.',
      'Ser sig selv som en, der arbejder, og har erfaring fra en dansk arbejdsplads.',
      'Har en klar arbejdsidentitet og kan fortælle, hvad hun bidrager med på en arbejdsplads.',
    ]),
    dim('kendskab_arbejdsmarked', 'Kendskab til arbejdsmarkedet', [
      'Kender kun lidt til det danske arbejdsmarked, jobtyper og regler.',
      'Kender nogle brancher og jobtyper, men ved ikke, hvad de kræver.',
      'Kender kravene i et par brancher og de uskrevne regler på en arbejdsplads, fx mødetid og sygemelding.',
      'Ved, hvilke job der passer til hendes kompetencer, og hvad der skal til for at få dem.',
      'Finder selv rundt på arbejdsmarkedet, fx i løn, overenskomst, fagforening, rettigheder og pligter.',
    ]),
    dim('dansk', 'Dansk', [
      'Taler og forstår kun få ord på dansk; samtaler kræver tolk.',
      'Klarer enkle hverdagssituationer på dansk med hjælp.',
      'Kan føre en enkel samtale på dansk uden tolk om kendte emner.',
      'Klarer sig på dansk på en arbejdsplads, også med instruktioner og kolleger.',
      'Taler, læser og skriver dansk sikkert nok til job eller uddannelse.',
    ]),
    dim('helbred', 'Selvvurderet helbred', [
      'Oplever, at helbredet forhindrer næsten al aktivitet.',
      'Oplever, at helbredet ofte begrænser hende, og har ingen plan for at håndtere det.',
      'Oplever begrænsninger, men har en plan eller behandling og kan deltage nogle timer om ugen.',
      'Oplever kun mindre begrænsninger og ved, hvad hun selv kan gøre for at passe på sig selv.',
      'Oplever ikke, at helbredet står i vejen for arbejde eller uddannelse.',
    ]),
    dim('hverdagsmestring', 'Hverdagsmestring', [
      'Hverdagen hænger ikke sammen; børnepasning, transport eller økonomi står i vejen for aftaler.',
      'Klarer det nødvendige derhjemme, men har svært ved at få plads til aftaler uden for hjemmet.',
      'Møder stabilt til aftaler nogle dage om ugen med hjælp til planlægningen.',
      'Får hverdagen til at hænge sammen med aktivitet uden for hjemmet det meste af ugen.',
      'Balancerer selv familie, hjem og fuld aktivitet eller arbejde.',
    ]),
    dim('netvaerk', 'Netværk', [
      'Har næsten ingen kontakt uden for den nærmeste familie.',
      'Har et lille netværk, mest i eget lokalmiljø, hvor arbejde sjældent er et emne.',
      'Deltager i et fællesskab uden for hjemmet, fx en netværksgruppe, forening eller kvindecafé.',
      'Har kontakter, der kan støtte hende mod arbejde, fx kolleger, en mentor eller en rollemodel.',
      'Har et bredt netværk med tilknytning til arbejdsmarkedet, som hun selv gør brug af.',
    ]),
    dim('jobsoegning', 'Jobsøgning', [
      'Har ikke søgt arbejde og har intet CV.',
      'Har et CV eller har søgt med hjælp fra andre.',
      'Søger praktik eller job med støtte og kan fortælle en arbejdsgiver om sig selv.',
      'Søger selv job målrettet og følger op på sine ansøgninger.',
      'Søger og får selv job og kan fastholde det eller finde et nyt.',
    ]),
  ],
  scoring: { kind: 'sum', multiplier: 1, flags: [] },
};
