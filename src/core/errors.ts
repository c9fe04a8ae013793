/** One error type for errors a user can act on, with a machine code mapped to HTTP status here, in one place. */
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'INVALID' | 'CONFLICT' | 'TOO_LARGE' | 'TOO_MANY_REQUESTS';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Per-field Danish messages for forms. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Siden') => new AppError('NOT_FOUND', `${what} findes ikke, eller du har ikke adgang til den.`);
export const forbidden = () => new AppError('FORBIDDEN', 'Du har ikke adgang til denne side.');

/** The HTTP status each code answers with (the HTTP layer's error handler uses this map only). */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};
