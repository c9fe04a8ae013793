/**
 * The SQL an analyst would write to compute, per participant, the accumulated (best) level over
 * her window and the current level in the report month (spec §§2–4), from the same CSV files.
 * One text for DuckDB and PostgreSQL; only the unpivot of the wide week columns and the parsing
 * of decimal-comma hours differ.
 */

export type Dialect = 'duckdb' | 'postgres';

/** `SELECT cpr, col, kode` with one row per person-week that has a code. */
function unpivot(d: Dialect, weekCols: readonly string[]): string {
  if (d === 'duckdb') {
    return `SELECT PNR AS cpr, col, kode FROM (UNPIVOT ydelser ON COLUMNS(* EXCLUDE (PNR)) INTO NAME col VALUE kode)`;
  }
  const names = weekCols.map((c) => `'${c}'`).join(',');
  const values = weekCols.map((c) => `y.${c}`).join(',');
  return `SELECT y.pnr AS cpr, x.col, x.kode FROM ydelser y CROSS JOIN LATERAL unnest(ARRAY[${names}], ARRAY[${values}]) AS x(col, kode) WHERE x.kode IS NOT NULL`;
}

/**
 * Levels per participant for report month `month` (`YYYY-MM`). `schema` is where the tables
 * live (for information_schema). Returns columns id, accumulated, current (NULL when she is not
 * active in the report month).
 */
export function levelsSql(d: Dialect, weekCols: readonly string[], month: string, schema: string): string {
  const R = `DATE '${month}-01'`;
  const hours = d === 'duckdb' ? 'timer' : `CAST(replace(timer, ',', '.') AS numeric)`;
  // PostgreSQL otherwise inlines these and maps all 26 M person-weeks to months before filtering.
  const mat = d === 'postgres' ? 'MATERIALIZED ' : '';
  return `
WITH unpiv AS (${unpivot(d, weekCols)}),
-- ISO week y_YYWW -> the month of its Thursday (spec §2)
wcols AS (
  SELECT column_name AS col,
         CAST(substr(column_name, 5, 2) AS INTEGER) AS ww,
         make_date(CASE WHEN CAST(substr(column_name, 3, 2) AS INTEGER) < 90 THEN 2000 ELSE 1900 END
                   + CAST(substr(column_name, 3, 2) AS INTEGER), 1, 4) AS jan4
  FROM information_schema.columns
  WHERE table_schema = '${schema}' AND table_name = 'ydelser' AND substr(column_name, 1, 2) = 'y_'
),
wmap AS ${mat}(
  SELECT col, CAST(date_trunc('month', jan4 - (CAST(extract(isodow FROM jan4) AS INTEGER) - 1) + 7 * (ww - 1) + 3) AS DATE) AS month
  FROM wcols
),
-- only weeks with SU or company codes matter for the levels: keep those first
rel AS ${mat}(
  SELECT u.cpr, u.col, k.kategori
  FROM unpiv u JOIN kodetabel k ON k.kode = u.kode
  WHERE k.kategori IN ('uddannelse', 'praktik', 'loentilskud')
),
codes_m AS (
  SELECT r.cpr, w.month,
         max(CASE WHEN r.kategori = 'uddannelse' THEN 1 ELSE 0 END) AS u,
         max(CASE WHEN r.kategori IN ('praktik', 'loentilskud') THEN 1 ELSE 0 END) AS v
  FROM rel r JOIN wmap w ON w.col = r.col
  GROUP BY r.cpr, w.month
),
${levelsTail(R, hours)}`;
}

/**
 * The same levels from a table `weeks(cpr, year, ww, kategori)` that already holds only the
 * person-weeks whose code can raise a level (the shapes of bench/shapes.ts; DuckDB).
 */
export function levelsFromWeeks(month: string): string {
  const R = `DATE '${month}-01'`;
  return `
WITH wm AS (
  SELECT cpr, kategori,
         CAST(date_trunc('month', make_date(year, 1, 4) - (CAST(extract(isodow FROM make_date(year, 1, 4)) AS INTEGER) - 1) + 7 * (ww - 1) + 3) AS DATE) AS month
  FROM weeks
),
codes_m AS (
  SELECT cpr, month, max(CASE WHEN kategori = 'uddannelse' THEN 1 ELSE 0 END) AS u,
         max(CASE WHEN kategori IN ('praktik', 'loentilskud') THEN 1 ELSE 0 END) AS v
  FROM wm GROUP BY cpr, month
),
${levelsTail(R, 'timer')}`;
}

/**
 * From per-person monthly codes `codes_m(cpr, month, u, v)` on: hours per month, levels, the
 * participants' windows, and per participant the accumulated and current level.
 */
function levelsTail(R: string, hours: string): string {
  return `hours_m AS (
  SELECT cpr, CAST(maaned || '-01' AS DATE) AS month, sum(${hours}) AS h
  FROM loentimer GROUP BY cpr, maaned
),
pm AS (
  SELECT coalesce(c.cpr, h.cpr) AS cpr, coalesce(c.month, h.month) AS month,
         coalesce(c.u, 0) AS u, coalesce(c.v, 0) AS v, coalesce(h.h, 0) AS h
  FROM codes_m c FULL JOIN hours_m h ON h.cpr = c.cpr AND h.month = c.month
),
lv AS (
  SELECT cpr, month,
         CASE WHEN u = 1 OR h * 7 / extract(day FROM (month + INTERVAL '1 month' - INTERVAL '1 day')) > 18.5 THEN 1
              WHEN h > 0 THEN 2
              WHEN v = 1 THEN 3
              ELSE 0 END AS level
  FROM pm
),
part AS (
  SELECT id, cpr, CAST(date_trunc('month', indskrevet) AS DATE) AS m0,
         least(${R}, coalesce(CAST(date_trunc('month', udskrevet) AS DATE), ${R})) AS m1
  FROM deltagere
)
SELECT p.id,
       coalesce(min(CASE WHEN l.level > 0 THEN l.level END), 0) AS accumulated,
       CASE WHEN p.m0 <= ${R} AND p.m1 >= ${R} THEN coalesce(max(CASE WHEN l.month = ${R} THEN l.level END), 0) END AS current
FROM part p
LEFT JOIN lv l ON l.cpr = p.cpr AND l.month BETWEEN p.m0 AND p.m1
GROUP BY p.id, p.m0, p.m1`;
}
