/**
 * Citation coverage of one source: which scenario elements cite each block of the source text, and
 * how much those citations support numbers (states, implies, context) or cite facts.
 * Blocks are the non-empty lines of the text, numbered from 1 (as the project numbers the blocks of
 * the seed article). A block under 40 characters without sentence or clause punctuation (。！？，、 etc.) is a heading.
 */
import { collectCites, normaliseWhitespace } from './citations';
import { readablePath } from './json-path';
import type { Scenario } from './schema';

/** Citations of a block by how much they support a number (`support`), and citations of facts. */
export interface SupportCounts {
  states: number;
  implies: number;
  context: number;
  /** Citations without `support`: of facts (an event, an actor, a relation), not of a number. */
  facts: number;
}

export interface BlockCoverage {
  block: number;
  heading: boolean;
  text: string;
  /** Readable paths of the citing elements (the object holding the `cite`), deduplicated. */
  citedBy: string[];
  /** The citations placed in this block, by their grade of support. */
  support: SupportCounts;
}

export interface SourceCoverage {
  source: string;
  blocks: BlockCoverage[];
  /** Quotes of this source that lie in no single block (e.g. spanning two). */
  unplaced: string[];
}

export function splitBlocks(sourceText: string): { block: number; text: string; heading: boolean }[] {
  return sourceText
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((text, i) => ({ block: i + 1, text, heading: text.length < 40 && !/[。！？，、.!?,」]/.test(text) }));
}

export function citationCoverage(s: Scenario, sourceId: string, sourceText: string): SourceCoverage {
  const blocks = splitBlocks(sourceText).map((b) => ({ ...b, norm: normaliseWhitespace(b.text), citedBy: new Set<string>(), support: { states: 0, implies: 0, context: 0, facts: 0 } as SupportCounts }));
  const unplaced: string[] = [];
  for (const { path, cite } of collectCites(s)) {
    if (cite.source !== sourceId || cite.quote === undefined) continue;
    const quote = normaliseWhitespace(cite.quote);
    // The element is the object that holds the citation.
    const owner = path[path.length - 1] === 'cite' ? path.slice(0, -1) : path.slice(0, -2);
    const label = readablePath(s, owner);
    let placed = false;
    for (const b of blocks) {
      if (b.norm.includes(quote)) {
        b.citedBy.add(label);
        b.support[cite.support ?? 'facts']++;
        placed = true;
      }
    }
    if (!placed) unplaced.push(cite.quote);
  }
  return {
    source: sourceId,
    blocks: blocks.map((b) => ({ block: b.block, heading: b.heading, text: b.text, citedBy: [...b.citedBy], support: b.support })),
    unplaced,
  };
}
