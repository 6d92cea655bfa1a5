// The one pattern of a Liquid token in a chapter text, shared by the studio (checks of bindings)
// and the chapter editor in the renderer: pure, no imports, so the renderer bundle takes nothing else.

/**
 * {{ output }}, {% tag %}, and a whole {% raw %}…{% endraw %} or {% comment %}…{% endcomment %}
 * (their insides are not bindings). Whitespace-control dashes ({{- … -}}) included.
 */
export const LIQUID_TOKEN = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{\{-?[\s\S]*?-?\}\}|\{%-?[\s\S]*?-?%\}/g;

/** Whether a token is an output ({{ … }}) rather than a tag or a raw/comment block. */
export function isOutputToken(src: string): boolean {
  return src.startsWith('{{');
}
