import { isArray, isFiniteNumber, isObject, isString, type JsonObject } from '../json-narrowing.js';
import { sealReasoning } from './reasoning-signature.js';
import { BlockWriter } from '../openai-chat/stream-blocks.js';

interface CallState {
  readonly block: number;
  /** Argument deltas were forwarded; the `*.done` events repeat them and are then ignored. */
  streamed: boolean;
}

interface ThinkingState {
  readonly outputIndex: number;
  readonly block: number;
  summaryIndex: number;
}

const outputIndexOf = (data: JsonObject): number =>
  isFiniteNumber(data.output_index) ? data.output_index : -1;

/**
 * Responses output items as Anthropic content blocks (TRANSLATION.md "Anthropic request <-> OpenAI
 * Responses upstream"). Blocks open lazily, so a tool-only answer has no empty text block; text and
 * argument deltas are forwarded as they arrive. The `*.done` events and `output_item.done` repeat
 * whole values: they only fill in what no delta carried (servers that skip deltas).
 */
export class OutputBlocks {
  readonly #blocks = new BlockWriter();
  readonly #provider: string;
  readonly #restoreName: (sentName: string) => string;
  readonly #calls = new Map<number, CallState>();
  /** Output indices of message items whose text already went out as deltas. */
  readonly #textStreamed = new Set<number>();
  /** Output indices of reasoning items whose summary already went out as deltas. */
  readonly #summaryStreamed = new Set<number>();
  #thinking: ThinkingState | undefined;
  #text: number | undefined;

  constructor(provider: string, restoreName: (sentName: string) => string) {
    this.#provider = provider;
    this.#restoreName = restoreName;
  }

  get sawFunctionCall(): boolean {
    return this.#calls.size > 0;
  }

  itemAdded(data: JsonObject): string {
    const item = data.item;
    if (!isObject(item) || item.type !== 'function_call') return '';
    return this.#openCall(outputIndexOf(data), item);
  }

  /** Summary parts of one reasoning item are paragraphs: a new part starts after a blank line. */
  thinkingDelta(data: JsonObject): string {
    if (!isString(data.delta) || data.delta === '') return '';
    const outputIndex = outputIndexOf(data);
    const summaryIndex = isFiniteNumber(data.summary_index) ? data.summary_index : 0;
    this.#summaryStreamed.add(outputIndex);
    let out = '';
    if (this.#thinking?.outputIndex !== outputIndex) {
      out += this.#closeProse();
      const opened = this.#blocks.open({ type: 'thinking', thinking: '', signature: '' });
      this.#thinking = { outputIndex, block: opened.index, summaryIndex };
      out += opened.frame;
    }
    const thinking = this.#thinking;
    const separator = summaryIndex !== thinking.summaryIndex ? '\n\n' : '';
    thinking.summaryIndex = summaryIndex;
    return (
      out +
      this.#blocks.delta(thinking.block, {
        type: 'thinking_delta',
        thinking: separator + data.delta,
      })
    );
  }

  textDelta(data: JsonObject): string {
    if (!isString(data.delta) || data.delta === '') return '';
    this.#textStreamed.add(outputIndexOf(data));
    return this.#text === undefined ? this.#openText(data.delta) : this.#textFrame(data.delta);
  }

  argumentsDelta(data: JsonObject): string {
    const call = this.#calls.get(outputIndexOf(data));
    if (call === undefined || !isString(data.delta) || data.delta === '') return '';
    call.streamed = true;
    return this.#blocks.delta(call.block, { type: 'input_json_delta', partial_json: data.delta });
  }

  itemDone(data: JsonObject): string {
    const item = data.item;
    if (!isObject(item)) return '';
    const outputIndex = outputIndexOf(data);
    switch (item.type) {
      case 'reasoning':
        return this.#reasoningDone(outputIndex, item);
      case 'function_call':
        return this.#callDone(outputIndex, item);
      case 'message':
        return this.#messageDone(outputIndex, item);
      default:
        return '';
    }
  }

  closeAll(): string {
    return this.#blocks.closeAll();
  }

  #openCall(outputIndex: number, item: JsonObject): string {
    if (this.#calls.has(outputIndex) || !isString(item.name)) return '';
    const id = isString(item.call_id)
      ? item.call_id
      : isString(item.id)
        ? item.id
        : `call_${outputIndex}`;
    const out = this.#closeProse();
    const opened = this.#blocks.open({
      type: 'tool_use',
      id,
      name: this.#restoreName(item.name),
      input: {},
    });
    this.#calls.set(outputIndex, { block: opened.index, streamed: false });
    return out + opened.frame;
  }

  #callDone(outputIndex: number, item: JsonObject): string {
    let out = this.#openCall(outputIndex, item);
    const call = this.#calls.get(outputIndex);
    if (call === undefined) return out;
    if (!call.streamed && isString(item.arguments) && item.arguments !== '') {
      call.streamed = true;
      out += this.#blocks.delta(call.block, {
        type: 'input_json_delta',
        partial_json: item.arguments,
      });
    }
    return out + this.#blocks.close(call.block);
  }

  /** The encrypted content of output_item.done is the complete one (the added one may be partial). */
  #reasoningDone(outputIndex: number, item: JsonObject): string {
    let out = '';
    if (!this.#summaryStreamed.has(outputIndex)) {
      const summary = isArray(item.summary) ? item.summary : [];
      summary.forEach((part, summaryIndex) => {
        if (isObject(part))
          out += this.thinkingDelta({
            output_index: outputIndex,
            summary_index: summaryIndex,
            delta: part.text,
          });
      });
    }
    if (isString(item.encrypted_content)) {
      if (this.#thinking?.outputIndex !== outputIndex) {
        out += this.#closeProse();
        const opened = this.#blocks.open({ type: 'thinking', thinking: '', signature: '' });
        this.#thinking = { outputIndex, block: opened.index, summaryIndex: 0 };
        out += opened.frame;
      }
      const signature = sealReasoning(this.#provider, item.encrypted_content);
      out += this.#blocks.delta(this.#thinking.block, { type: 'signature_delta', signature });
    }
    if (this.#thinking?.outputIndex === outputIndex) {
      out += this.#blocks.close(this.#thinking.block);
      this.#thinking = undefined;
    }
    return out;
  }

  #messageDone(outputIndex: number, item: JsonObject): string {
    if (this.#textStreamed.has(outputIndex)) return '';
    let out = '';
    for (const part of isArray(item.content) ? item.content : []) {
      if (!isObject(part)) continue;
      const text = part.type === 'refusal' ? part.refusal : part.text;
      if (isString(text) && text !== '')
        out += this.textDelta({ output_index: outputIndex, delta: text });
    }
    return out;
  }

  #openText(text: string): string {
    const out = this.#blocks.close(this.#thinking?.block);
    this.#thinking = undefined;
    const opened = this.#blocks.open({ type: 'text', text: '' });
    this.#text = opened.index;
    return out + opened.frame + this.#textFrame(text);
  }

  #textFrame(text: string): string {
    return this.#text === undefined
      ? ''
      : this.#blocks.delta(this.#text, { type: 'text_delta', text });
  }

  /** Thinking and text end where another block begins, as in Anthropic's own streams. */
  #closeProse(): string {
    const out = this.#blocks.close(this.#thinking?.block) + this.#blocks.close(this.#text);
    this.#thinking = undefined;
    this.#text = undefined;
    return out;
  }
}
