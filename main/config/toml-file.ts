import { readFileSync } from 'node:fs';
import { parse, TomlError } from 'smol-toml';
import { documentToLayer } from './document-layer.js';
import type { ConfigIssue, ConfigLayer } from './model.js';
import type { LayerRead } from './raw-layer.js';
import { indexTomlLines } from './toml-lines.js';

/** smol-toml's message is `Invalid TOML document: <what>` followed by a code excerpt; keep `<what>`. */
function tomlMessage(error: TomlError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  return first.replace(/^Invalid TOML document:\s*/, '');
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(issue: ConfigIssue): LayerRead {
  return { layer: undefined, issues: [issue], notices: [] };
}

/** Parses TOML text into a layer whose values say `file:line`. */
export function parseTomlLayer(text: string, file: string, layer: ConfigLayer): LayerRead {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof TomlError) {
      return failed({
        kind: 'toml-syntax',
        file,
        line: error.line,
        column: error.column,
        message: tomlMessage(error),
      });
    }
    return failed({ kind: 'toml-syntax', file, line: 1, column: 1, message: errorText(error) });
  }
  const lines = indexTomlLines(text);
  return documentToLayer(doc, layer, (path) => `${file}:${lines.lineOf(path)}`);
}

/**
 * Reads one TOML layer. A file that does not exist is an empty layer unless `required` (an explicit
 * `--config FILE` that is missing is a mistake worth stopping for; a missing default file is not).
 */
export function readTomlLayer(file: string, layer: ConfigLayer, required: boolean): LayerRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' && !required)
      return { layer: undefined, issues: [], notices: [] };
    const message = errorCode(error) === 'ENOENT' ? 'file not found' : errorText(error);
    return failed({ kind: 'unreadable-file', file, message });
  }
  return parseTomlLayer(text, file, layer);
}
