import type { APIRoute, GetStaticPaths } from 'astro';
import { holidaysOfYear, publishedHolidayYears } from '../../lib/holiday-table';

/** One file per year, `/holidays/2026.json`: `{ "year": 2026, "holidays": ["2026-01-01", …] }`. */
export const getStaticPaths = (() =>
  publishedHolidayYears().map((year) => ({ params: { year: String(year) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const year = Number(params.year);
  return new Response(JSON.stringify({ year, holidays: holidaysOfYear(year) }), {
    headers: { 'Content-Type': 'application/json' },
  });
};
