/** One error type for errors a user can act on; mapped to HTTP status in one place (http/errors.ts). */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'INVALID'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS';

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
