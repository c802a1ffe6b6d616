import { createHash } from 'node:crypto';

/**
 * A unit's public id, derived from its identity in the register, so the same register gives the
 * same ids on every instance and after a rebuild.
 */
export function unitId(huvudman: string, service: string, identityKey: string): string {
  const hash = createHash('sha256').update(`${huvudman}|${service}|${identityKey}`).digest('hex');
  return `u_${hash.slice(0, 16)}`;
}
