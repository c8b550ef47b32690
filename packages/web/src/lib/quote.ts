/**
 * Finds a quote in a source text the way the scenario validator compares them: after normalising
 * whitespace only (any run of whitespace equals one space; leading and trailing space ignored).
 * Returns offsets into the original text, so the page can highlight the exact characters.
 */
export interface TextRange {
  start: number;
  end: number;
}

export function findQuote(text: string, quote: string): TextRange | null {
  const wanted = quote.trim().replace(/\s+/g, ' ');
  if (wanted.length === 0) return null;
  // Normalised copy of the text with a map from each normalised index to its original index.
  let normalised = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace && normalised.length > 0) {
        normalised += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      normalised += ch;
      origin.push(i);
      inSpace = false;
    }
  }
  const at = normalised.indexOf(wanted);
  if (at < 0) return null;
  const last = at + wanted.length - 1;
  return { start: origin[at]!, end: origin[last]! + 1 };
}
