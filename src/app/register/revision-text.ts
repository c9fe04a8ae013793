/** The revision summary of an import (issue 9), in Danish, for the upload page and the CLI. */
const n = new Intl.NumberFormat('da-DK');

export function revisionText(r: { changedWeeks: number; movedResults: number; resultMonth: string | null }): string {
  if (r.changedWeeks === 0 && r.movedResults === 0) return 'Ingen tidligere indlæste uger blev rettet.';
  return (
    `Rettelser: ${n.format(r.changedWeeks)} personuger fik en anden kode; ${n.format(r.movedResults)} ${r.movedResults === 1 ? 'kvinde' : 'kvinder'} fik et andet resultat${r.resultMonth ? ` i ${r.resultMonth}` : ''}. ` +
    'Tidligere leverancer er gemt, og resultaterne kan beregnes som før rettelsen.'
  );
}
