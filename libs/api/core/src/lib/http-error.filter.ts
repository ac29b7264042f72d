import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendError } from './error-body';

/**
 * Turns every thrown error into the ApiErrorBody shape, its message in the language the
 * request asks for (Accept-Language; Chinese by default). See `errorBody`.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(http.getRequest<Request>(), http.getResponse<Response>(), exception);
  }
}
