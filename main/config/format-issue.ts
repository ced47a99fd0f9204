import type { ConfigIssue } from './model.js';
import { assertNever } from '../../shared/assert-never.js';

/** One line per issue, `file:line:column:` first so terminals and editors can jump to it. */
export function formatConfigIssue(issue: ConfigIssue): string {
  switch (issue.kind) {
    case 'toml-syntax':
      return `${issue.file}:${issue.line}:${issue.column}: invalid TOML: ${issue.message}`;
    case 'invalid-value':
      return `${issue.where}: ${issue.message}`;
    case 'unreadable-file':
      return `${issue.file}: cannot read: ${issue.message}`;
    default:
      return assertNever(issue);
  }
}
