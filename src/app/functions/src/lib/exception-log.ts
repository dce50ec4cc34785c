// The audit trail of a deal's exception (who asked, who decided, when), kept on the deal in
// `strategy_fit_exception_log`: one line per request or decision, newest last.
import type { VerifiedUser } from './verify-user.ts';

/** The deal property of the audit trail (an extension of SCORING §8, in the core's FIT_PROPERTIES). */
export const EXCEPTION_LOG_PROPERTY = 'strategy_fit_exception_log';

/** HubSpot's limit for a text property value; the oldest lines give way first. */
export const MAX_LOG_CHARS = 65_536;

const who = (user: VerifiedUser): string =>
  `${user.name === '' ? user.email : `${user.name} <${user.email}>`} (user ${user.userId})`;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** "2026-11-27T10:03:00.000Z requested by Priya Raman <priya@…> (user 9100003): reason". */
export const requestLine = (atMs: number, user: VerifiedUser, reason: string): string =>
  `${new Date(atMs).toISOString()} requested by ${who(user)}: ${oneLine(reason)}`;

/** "… approved by Maya Okafor <maya@…> (user 9100001), valid through 2027-02-25" or "… rejected by …". */
export const decisionLine = (
  atMs: number,
  user: VerifiedUser,
  decision: 'approved' | 'rejected',
  expiresOn: string | null,
): string =>
  `${new Date(atMs).toISOString()} ${decision} by ${who(user)}${decision === 'approved' && expiresOn !== null ? `, valid through ${expiresOn}` : ''}`;

/** The trail with `line` appended, within `MAX_LOG_CHARS` (dropping the oldest lines). */
export function appendLogLine(current: string | null | undefined, line: string): string {
  const lines = (current ?? '').split('\n').filter((l) => l.trim() !== '');
  lines.push(line.slice(0, MAX_LOG_CHARS));
  while (lines.length > 1 && lines.join('\n').length > MAX_LOG_CHARS) lines.shift();
  return lines.join('\n');
}
