// VS Code's settings.json is "JSON with comments": `//` and `/* */` comments and trailing commas.
// Read with VS Code's own parser (`jsonc-parser`), strictly: anything else malformed throws a
// SyntaxError saying what and where, as JSON.parse would.
import { parse, printParseErrorCode, ParseErrorCode, type ParseError } from 'jsonc-parser';

export function parseJsonWithComments(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const value = parse(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false }) as unknown;
  if (errors.length > 0) {
    const first = errors[0];
    const line = source.slice(0, first.offset).split('\n').length;
    const what = first.error === ParseErrorCode.UnexpectedEndOfComment ? 'a /* comment is never closed' : printParseErrorCode(first.error);
    throw new SyntaxError(`${what} at line ${line}`);
  }
  return value;
}
