import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './session';

export interface EditorOptions {
  /** Behind a proxy that sets X-Forwarded-For/-Proto/-Host: client address, https and origin from them. */
  trustProxy?: boolean;
  /** Wrong sign-in keys allowed per client address per minute; 0 = no limit. Default 10. */
  signInAttemptsPerMinute?: number;
  /** Requests to /editor per client address per minute; 0 = no limit. Default 600, as for /v1. */
  requestsPerMinute?: number;
  session?: Partial<SessionPolicy>;
}

export type ResolvedEditorOptions = Required<Omit<EditorOptions, 'session'>> & { session: SessionPolicy };

export function resolveEditorOptions(options: EditorOptions = {}): ResolvedEditorOptions {
  return {
    trustProxy: options.trustProxy ?? false,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute ?? 10,
    requestsPerMinute: options.requestsPerMinute ?? 600,
    session: { ...DEFAULT_SESSION_POLICY, ...options.session },
  };
}
