import type { BlockWriter } from './stream-blocks.js';
import type { ToolCallFragment } from './stream-chunk.js';

interface ToolCallState {
  id: string | undefined;
  name: string | undefined;
  block: number | undefined;
  /** Argument fragments seen before the id and name were both known. */
  readonly pending: string[];
}

/**
 * OpenAI tool calls, keyed by their `index`, as Anthropic tool_use blocks. A block opens as soon as
 * the call's id and name are known and every argument fragment is forwarded at once as an
 * input_json_delta (TRANSLATION.md: no buffering to the end), so parallel calls interleave, each on
 * its own block index.
 */
export class ToolCallBlocks {
  readonly #calls = new Map<number, ToolCallState>();
  readonly #blocks: BlockWriter;
  readonly #restoreName: (sentName: string) => string;
  readonly #fallbackId: (index: number) => string;

  constructor(
    blocks: BlockWriter,
    restoreName: (sentName: string) => string,
    fallbackId: (index: number) => string,
  ) {
    this.#blocks = blocks;
    this.#restoreName = restoreName;
    this.#fallbackId = fallbackId;
  }

  /** True once any call was seen, even one still waiting for its name. */
  get seen(): boolean {
    return this.#calls.size > 0;
  }

  /**
   * Frames for one fragment. `beforeOpen` runs just before a new tool_use block starts, so the
   * caller can close its thinking or text block first.
   */
  apply(fragment: ToolCallFragment, beforeOpen: () => string): string {
    const call = this.#calls.get(fragment.index) ?? {
      id: undefined,
      name: undefined,
      block: undefined,
      pending: [],
    };
    this.#calls.set(fragment.index, call);
    // Only the first delta carries id and name; some servers repeat them later, so never append.
    call.id ??= fragment.id;
    call.name ??= fragment.name;
    const args = fragment.arguments ?? '';
    if (call.block !== undefined) {
      return args === '' ? '' : this.#blocks.delta(call.block, jsonDelta(args));
    }
    if (args !== '') call.pending.push(args);
    if (call.id === undefined || call.name === undefined) return '';
    return beforeOpen() + this.#open(call, call.id, call.name);
  }

  /**
   * At the end of the stream: open calls that never got an id (a made-up one is better than losing
   * the call). A call that never got a name cannot be a tool_use block and is dropped.
   */
  flush(beforeOpen: () => string): string {
    let out = '';
    for (const [index, call] of this.#calls) {
      if (call.block !== undefined || call.name === undefined) continue;
      out += beforeOpen() + this.#open(call, call.id ?? this.#fallbackId(index), call.name);
    }
    return out;
  }

  #open(call: ToolCallState, id: string, name: string): string {
    const { index, frame } = this.#blocks.open({
      type: 'tool_use',
      id,
      name: this.#restoreName(name),
      input: {},
    });
    call.block = index;
    const buffered = call.pending
      .splice(0)
      .map((part) => this.#blocks.delta(index, jsonDelta(part)));
    return frame + buffered.join('');
  }
}

function jsonDelta(partial: string): {
  readonly type: 'input_json_delta';
  readonly partial_json: string;
} {
  return { type: 'input_json_delta', partial_json: partial };
}
