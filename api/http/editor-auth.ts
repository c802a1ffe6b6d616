import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/client';
import { type Editor, verifyToken } from '../editors/tokens';
import { clientAddress } from './client-address';
import { errorResponse } from './errors';

export type EditorVariables = { editor: Editor };

/**
 * Requires a valid editor token ("Authorization: Bearer uk_…"): 401 when it is missing, unknown or
 * revoked. Rejected attempts are logged with the client address, never with the token.
 */
export function requireEditor(db: Database): MiddlewareHandler<{ Variables: EditorVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const editor = await verifyToken(db, token);
    if (!editor) {
      warnRejectedToken(c, token ? 'unknown or revoked token' : 'no token');
      c.header('WWW-Authenticate', 'Bearer realm="utforarkollen-admin"');
      return errorResponse(
        c,
        401,
        'unauthorized',
        'Authorization: a valid editor token is required (Bearer)',
      );
    }
    c.set('editor', editor);
    return next();
  };
}

/** Logs a rejected editor token (the API's bearer or the editors' page's sign-in): the address, never the token. */
export function warnRejectedToken(c: Context, reason: string): void {
  console.warn(`[admin] rejected ${c.req.method} ${c.req.path} from ${clientAddress(c)}: ${reason}`);
}

/** 403 unless the editor's token belongs to the huvudman the request is about. */
export function forbidUnlessOwn(editor: Editor, huvudmanCode: string): string | null {
  if (editor.huvudman === huvudmanCode) return null;
  console.warn(`[admin] token ${editor.tokenId} (${editor.huvudman}) tried to act for ${huvudmanCode}`);
  return `this token belongs to ${editor.huvudman}, not ${huvudmanCode}`;
}
