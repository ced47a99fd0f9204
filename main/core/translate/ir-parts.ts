import type {
  IrContentPart,
  IrDocumentPart,
  IrImagePart,
  IrImageSource,
  IrTextPart,
  IrToolResultPart,
} from './ir.js';

/** What a user turn may carry besides tool results. */
export type UserPart = IrTextPart | IrImagePart | IrDocumentPart;

export const isUserPart = (part: IrContentPart): part is UserPart =>
  part.kind === 'text' || part.kind === 'image' || part.kind === 'document';

export const joinText = (parts: readonly IrContentPart[], separator: string): string =>
  parts
    .filter((part): part is IrTextPart => part.kind === 'text')
    .map((part) => part.text)
    .join(separator);

/** Inline images as a data URL, linked ones as they are: both OpenAI formats take either. */
export const imageUrl = (source: IrImageSource): string =>
  source.kind === 'base64' ? `data:${source.mediaType};base64,${source.data}` : source.url;

const imagesOf = (result: IrToolResultPart): readonly IrImagePart[] =>
  result.content.filter((part): part is IrImagePart => part.kind === 'image');

/**
 * A tool result as the text both OpenAI formats take: its images move to the next user message
 * and are named here, and `is_error` (no field in either format) becomes an `Error: ` prefix.
 */
export const toolResultText = (result: IrToolResultPart): string => {
  const images = imagesOf(result).length;
  const text = [
    joinText(result.content, '\n'),
    ...(images > 0 ? [`[${images} image(s) attached in the following user message]`] : []),
  ]
    .filter((line) => line !== '')
    .join('\n');
  return result.isError ? `Error: ${text}` : text;
};

/**
 * A user turn holding tool results, split the way both OpenAI formats need it: the results in the
 * order the assistant made the calls, then what follows them in one user message: the images the
 * results returned (labelled by call) and the text/images the client sent beside them, which
 * vandamme used to drop.
 */
export const splitToolResultTurn = (
  content: readonly IrContentPart[],
  callOrder: readonly string[],
): { readonly results: readonly IrToolResultPart[]; readonly followUp: readonly UserPart[] } => {
  const rank = (id: string): number => {
    const index = callOrder.indexOf(id);
    return index === -1 ? callOrder.length : index;
  };
  const results = content
    .filter((part): part is IrToolResultPart => part.kind === 'tool_result')
    .sort((a, b) => rank(a.callId) - rank(b.callId));
  const returnedImages = results.flatMap((result): UserPart[] => {
    const images = imagesOf(result);
    if (images.length === 0) return [];
    return [{ kind: 'text', text: `Image(s) returned by tool call ${result.callId}:` }, ...images];
  });
  return { results, followUp: [...returnedImages, ...content.filter(isUserPart)] };
};
