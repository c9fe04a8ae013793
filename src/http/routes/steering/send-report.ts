/** Send a rendered report as a download. */
import type { FastifyReply } from 'fastify';
import type { Report } from '../../../reports/model.ts';
import { CONTENT_TYPES, renderReport, type ReportFormat } from '../../../reports/render.ts';

export async function sendReport(reply: FastifyReply, report: Report, format: ReportFormat, filename: string) {
  const body = await renderReport(report, format);
  return reply.type(CONTENT_TYPES[format]).header('Content-Disposition', `attachment; filename="${filename}.${format}"`).send(body);
}
