/**
 * The matching of effekt-2026.1 §§2–3 written in DuckDB SQL, as an analyst would: unpivot the
 * wide DREAM weeks, number weeks and map them to the month of their Thursday, running counts of
 * support weeks and hours looked up with ASOF joins, baselines for the participants and for the
 * pool at each (municipality, enrolment month), then candidates of the same stratum within the
 * caliper ranked by distance and CPR. Returns one row per matched participant: id, controls.
 */

const SUPPORT = `('ydelse', 'praktik', 'loentilskud', 'fleksjob', 'foertidspension', 'ressourceforloeb')`;

/** Baseline columns of a table `src(cpr, kommune, e, …)`: status, band, b52, b156, h12. */
function baseline(src: string, extra: string): string {
  return `
SELECT x.cpr, x.kommune, x.e${extra},
  coalesce(CASE WHEN s.kategori = 'ingen' THEN NULL ELSE s.kategori END, 'selvforsoergende') AS status,
  CASE WHEN age < 18 OR age > 64 THEN 'other' WHEN age >= 60 THEN '60-64' WHEN age >= 50 THEN '50-59'
       WHEN age >= 40 THEN '40-49' WHEN age >= 30 THEN '30-39' ELSE '18-29' END AS band,
  coalesce(c0.cum, 0) - coalesce(c1.cum, 0) AS b52,
  coalesce(c0.cum, 0) - coalesce(c2.cum, 0) AS b156,
  coalesce(h0.cum, 0) - coalesce(h1.cum, 0) AS h12
FROM (
  SELECT t.*, l.lw,
    year(t.e) - (CASE WHEN s7 <= 3 THEN 1900 WHEN s7 IN (4, 9) THEN CASE WHEN yy <= 36 THEN 2000 ELSE 1900 END
                      ELSE CASE WHEN yy <= 57 THEN 2000 ELSE 1800 END END + yy)
      - CASE WHEN month(t.e) < mm OR (month(t.e) = mm AND dd > 1) THEN 1 ELSE 0 END AS age
  FROM (SELECT *, CAST(substr(cpr, 1, 2) AS INTEGER) AS dd, CAST(substr(cpr, 3, 2) AS INTEGER) AS mm,
               CAST(substr(cpr, 5, 2) AS INTEGER) AS yy, CAST(substr(cpr, 7, 1) AS INTEGER) AS s7 FROM ${src}) t
  JOIN lastw l ON l.mth = CAST(t.e - INTERVAL 1 MONTH AS DATE)
) x
LEFT JOIN wk s ON s.cpr = x.cpr AND s.widx = x.lw
ASOF LEFT JOIN supcum c0 ON c0.cpr = x.cpr AND c0.widx <= x.lw
ASOF LEFT JOIN supcum c1 ON c1.cpr = x.cpr AND c1.widx <= x.lw - 52
ASOF LEFT JOIN supcum c2 ON c2.cpr = x.cpr AND c2.widx <= x.lw - 156
ASOF LEFT JOIN hcum h0 ON h0.cpr = x.cpr AND h0.m <= CAST(x.e - INTERVAL 1 MONTH AS DATE)
ASOF LEFT JOIN hcum h1 ON h1.cpr = x.cpr AND h1.m <= CAST(x.e - INTERVAL 13 MONTH AS DATE)`;
}

/** The statements, run in order; the last one returns (id, controls). */
export function matchingSql(month: string, horizon: number, k: number): string[] {
  return [
    `CREATE TEMP TABLE wmap AS
     SELECT col, CAST(date_diff('day', DATE '1990-01-01', monday) / 7 AS INTEGER) AS widx,
            CAST(date_trunc('month', monday + 3) AS DATE) AS mth
     FROM (SELECT column_name AS col,
             make_date(CASE WHEN CAST(substr(column_name, 3, 2) AS INTEGER) < 90 THEN 2000 ELSE 1900 END
                       + CAST(substr(column_name, 3, 2) AS INTEGER), 1, 4) AS jan4,
             CAST(substr(column_name, 5, 2) AS INTEGER) AS ww
           FROM information_schema.columns WHERE table_name = 'ydelser' AND substr(column_name, 1, 2) = 'y_') c,
          LATERAL (SELECT jan4 - (CAST(extract(isodow FROM jan4) AS INTEGER) - 1) + 7 * (ww - 1) AS monday)`,
    `CREATE TEMP TABLE lastw AS SELECT mth, max(widx) AS lw FROM wmap GROUP BY mth`,
    `CREATE TEMP TABLE wk AS
     SELECT u.PNR AS cpr, w.widx, k.kategori
     FROM (UNPIVOT ydelser ON COLUMNS(* EXCLUDE (PNR)) INTO NAME col VALUE kode) u
     JOIN wmap w ON w.col = u.col JOIN kodetabel k ON k.kode = u.kode`,
    `CREATE TEMP TABLE supcum AS
     SELECT cpr, widx, row_number() OVER (PARTITION BY cpr ORDER BY widx) AS cum FROM wk WHERE kategori IN ${SUPPORT}`,
    `CREATE TEMP TABLE hcum AS
     SELECT cpr, m, sum(h) OVER (PARTITION BY cpr ORDER BY m) AS cum
     FROM (SELECT cpr, CAST(maaned || '-01' AS DATE) AS m, sum(timer) AS h FROM loentimer GROUP BY ALL)`,
    `CREATE TEMP TABLE part AS
     SELECT id, cpr, kommune, CAST(date_trunc('month', indskrevet) AS DATE) AS e FROM deltagere`,
    `CREATE TEMP TABLE partf AS ${baseline('part', ', x.id')}`,
    `CREATE TEMP TABLE targets AS
     SELECT DISTINCT kommune, e FROM part WHERE e + INTERVAL ${horizon - 1} MONTH <= DATE '${month}-01'`,
    `CREATE TEMP TABLE poolx AS
     SELECT p.cpr, p.kommune, t.e FROM pulje p JOIN targets t ON t.kommune = p.kommune
     WHERE p.cpr NOT IN (SELECT cpr FROM deltagere)`,
    `CREATE TEMP TABLE poolf AS ${baseline('poolx', '')}`,
    `CREATE TEMP TABLE inv AS
     SELECT CASE WHEN coalesce(stddev_samp(b52), 0) > 0 THEN 1 / stddev_samp(b52) ELSE 0 END AS i52,
            CASE WHEN coalesce(stddev_samp(b156), 0) > 0 THEN 1 / stddev_samp(b156) ELSE 0 END AS i156,
            CASE WHEN coalesce(stddev_samp(h12), 0) > 0 THEN 1 / stddev_samp(h12) ELSE 0 END AS ih
     FROM partf`,
    `SELECT id, list(cpr ORDER BY rn) AS controls FROM (
       SELECT id, cpr, row_number() OVER (PARTITION BY id ORDER BY d2, cpr) AS rn FROM (
         SELECT p.id, c.cpr,
                ((p.b52 - c.b52) * i.i52) * ((p.b52 - c.b52) * i.i52) + ((p.b156 - c.b156) * i.i156) * ((p.b156 - c.b156) * i.i156)
                  + ((p.h12 - c.h12) * i.ih) * ((p.h12 - c.h12) * i.ih) AS d2
         FROM partf p JOIN poolf c ON c.kommune = p.kommune AND c.e = p.e AND c.status = p.status AND c.band = p.band
         CROSS JOIN inv i
         WHERE c.status <> 'udgaaet' AND p.e + INTERVAL ${horizon - 1} MONTH <= DATE '${month}-01'
       ) WHERE d2 <= 0.25
     ) WHERE rn <= ${k} GROUP BY id`,
  ];
}
