/** Upload size limit for register files (bytes); `MAX_UPLOAD_MB` overrides (default 300 MB). */
export const MAX_UPLOAD_BYTES = Number(process.env.MAX_UPLOAD_MB ?? 300) * 1024 * 1024;
