import { sseFrame } from './stream-sse.js';

type ContentBlockStart =
  | { readonly type: 'text'; readonly text: '' }
  | { readonly type: 'thinking'; readonly thinking: ''; readonly signature: '' }
  | {
      readonly type: 'tool_use';
      readonly id: string;
      readonly name: string;
      readonly input: Readonly<Record<string, never>>;
    };

type BlockDelta =
  | { readonly type: 'text_delta'; readonly text: string }
  | { readonly type: 'thinking_delta'; readonly thinking: string }
  | { readonly type: 'input_json_delta'; readonly partial_json: string }
  /** Responses upstreams: the encrypted reasoning, sealed for the next turn (reasoning-signature.ts). */
  | { readonly type: 'signature_delta'; readonly signature: string };

/**
 * Used by both translated stream directions into Anthropic events (Chat and Responses upstreams).
 * Hands out Anthropic content block indices (integers from 0, in opening order) and remembers which
 * blocks are open, so every started block gets exactly one content_block_stop.
 */
export class BlockWriter {
  #next = 0;
  readonly #open = new Set<number>();

  /** Opens a block and returns its index with the content_block_start frame. */
  open(block: ContentBlockStart): { readonly index: number; readonly frame: string } {
    const index = this.#next++;
    this.#open.add(index);
    return {
      index,
      frame: sseFrame('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: block,
      }),
    };
  }

  /** '' for a block that is not open: a late delta must not follow its stop. */
  delta(index: number, delta: BlockDelta): string {
    if (!this.#open.has(index)) return '';
    return sseFrame('content_block_delta', { type: 'content_block_delta', index, delta });
  }

  /** '' when the block is not open (already closed or never opened). */
  close(index: number | undefined): string {
    if (index === undefined || !this.#open.delete(index)) return '';
    return sseFrame('content_block_stop', { type: 'content_block_stop', index });
  }

  /** Closes every open block in index order. */
  closeAll(): string {
    return [...this.#open]
      .sort((a, b) => a - b)
      .map((index) => this.close(index))
      .join('');
  }
}
