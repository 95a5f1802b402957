/**
 * Error values in plain words. The add-in's own messages say what is wrong and are kept; the
 * spreadsheet engine's are its parser's ("Expecting token of type --> RParen <--") or generic
 * ("Division by zero"), so they are put in words an analyst reads: what is missing from the
 * formula, or what the error value means (src/preview/messages.ts holds the sentences).
 */
import { ERROR_MEANINGS, PARSE_DETAIL, PREVIEW_MSG as M } from "./messages";

/** The engine's own generic messages for an error that passed through arithmetic or a built-in. */
const ENGINE_MESSAGE =
  /^(Value cannot be coerced to number|Wrong type of argument|Division by zero|Error propagated|NaN or infinite value)/i;

/** Whether a message is the engine's generic one (no word about this cell's own cause). */
export function isEngineMessage(message: string): boolean {
  return ENGINE_MESSAGE.test(message);
}

/** The parser's names of the tokens a formula may lack, as typed. */
const TOKENS: Readonly<Record<string, string>> = {
  RParen: '")"',
  LParen: '"("',
  ArrayRParen: '"}"',
  ArgSeparator: 'a ","',
  StringLiteral: "a text in quotes",
};

/** What is wrong in a formula, from the engine's parser's message (HyperFormula's, from its parser Chevrotain). */
export function parseDetail(message: string): string {
  const m = message.replace(/^Parsing error\.?\s*/, "");
  let x = /Expecting token of type --> (\w+) <--/.exec(m);
  if (x) return x[1] === "RParen" ? PARSE_DETAIL.missingParen : PARSE_DETAIL.missing(TOKENS[x[1]] ?? x[1]);
  x = /one of these possible Token sequences[\s\S]*but found: '([\s\S]*)'\s*$/.exec(m);
  if (x) return x[1] === "" ? PARSE_DETAIL.endsEarly : PARSE_DETAIL.unexpected(x[1]);
  x = /unexpected character: ->([\s\S])<- at offset: (\d+)/.exec(m);
  if (x) return x[1] === '"' ? PARSE_DETAIL.openQuote : PARSE_DETAIL.character(x[1], Number(x[2]) + 1);
  x = /Redundant input, expecting EOF but found: (.*)/.exec(m);
  if (x) return PARSE_DETAIL.extra(x[1].trim());
  return PARSE_DETAIL.other;
}

/**
 * An error in plain words: the add-in's message as it is; the parser's told as what is wrong
 * in the formula; an unknown function named; the engine's generic words, or none, replaced
 * by what the error value means.
 */
export function plainWords(error: string, message?: string): string {
  if (message && /^Parsing error/.test(message)) return M.unreadable(parseDetail(message));
  const unknown = message ? /^Function name (.+) not recognized\.?$/.exec(message) : null;
  if (unknown) return M.unknownFunction(unknown[1]);
  if (!message || isEngineMessage(message))
    return ERROR_MEANINGS[error] ? M.errorMeaning(error) : (message ?? M.errorMeaning(error));
  return message;
}
